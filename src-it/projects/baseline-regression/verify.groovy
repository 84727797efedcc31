import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Rule violated for language fra_Latn: MEXA score dropped from 0.60 to 0.52 (baseline mexa-baseline.json), more than 0.05\n')
assert log.count('Rule violated') == 1
assert log.contains('MEXA checks have not been met (1 of 4 languages)')
assert log.contains('BUILD FAILURE')
def report = new JsonSlurper().parse(new File(basedir, 'target/mexa/mexa-report.json'))
assert report.languages.fra_Latn.baseline == 0.6
assert report.languages.fra_Latn.verdict == 'FAIL'
assert report.languages.deu_Latn.baseline == 0.72
assert report.languages.deu_Latn.verdict == 'PASS'
return true
