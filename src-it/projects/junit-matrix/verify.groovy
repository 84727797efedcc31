// build.log holds every run of invoker.properties, in order: each ran the 7 tests on the JUnit it asked for
def log = new File(basedir, 'build.log').text
def expected = ['5.10.3', '5.10.3', '5.11.4', '5.12.2', '5.13.4', '5.13.4', '5.14.4', '6.1.3']
def seen = (log =~ /Jupiter on the test class path: junit-jupiter-api-(\S+)\.jar, junit-jupiter-engine-(\S+)\.jar/)
        .collect { it[1] == it[2] ? it[1] : "${it[1]}/${it[2]}" }
assert seen == expected
assert log.count('Tests run: 7, Failures: 0, Errors: 0, Skipped: 0') >= expected.size()
assert log.count('BUILD SUCCESS') == expected.size()
// the extension brings no SLF4J binding and SLF4J says nothing about the missing one
assert !log.contains('SLF4J')
return true
