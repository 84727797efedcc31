def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] swh_Latn.txt repeats sentences within its first 5 lines (line 4 repeats line 2): identical sentences never count for swh_Latn')
assert log.contains('BUILD SUCCESS')
// lines 2 and 4 can never count, so at most 3 of 5 sentences do
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/mexa/mexa-report.json'))
assert report.languages.swh_Latn.score <= 0.6
assert new File(basedir, 'target/mexa/mexa-report.json').text.contains('swh_Latn.txt repeats sentences')
return true
