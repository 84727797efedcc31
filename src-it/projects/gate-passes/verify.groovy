import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] All MEXA checks have been met (4 languages)')
assert !log.contains('Rule violated')
def report = new JsonSlurper().parse(new File(basedir, 'target/mexa/mexa-report.json'))
assert report.languages.deu_Latn.threshold == 0.5
assert report.languages.wol_Latn.threshold == 0.01
assert report.languages.findAll { code, result -> code != 'eng_Latn' }.every { code, result -> result.verdict == 'PASS' }
assert report.languages.eng_Latn.verdict == 'NOT_GATED'
assert new File(basedir, 'target/mexa/mexa-summary.md').text.contains('**All MEXA checks have been met (4 languages)**')
return true
