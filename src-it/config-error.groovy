// Shared by the config-* projects' verify.groovy, which set `expected` (a string or a regex Pattern) first:
// a configuration error fails the build before anything is scored, with a message naming the parameter.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert expected instanceof java.util.regex.Pattern ? log =~ expected : log.contains(expected)
assert !log.contains('Scored ')
assert !new File(basedir, 'target/mexa').exists()
return true
