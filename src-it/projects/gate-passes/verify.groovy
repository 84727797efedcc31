import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] All MEXA checks have been met (4 languages)')
assert !log.contains('Rule violated')
def report = new JsonSlurper().parse(new File(basedir, 'target/mexa/mexa-report.json'))
assert report.languages.deu_Latn.threshold == 0.5
assert report.languages.wol_Latn.threshold == 0.01
assert report.languages.findAll { code, result -> code != 'eng_Latn' }.every { code, result -> result.verdict == 'PASS' }
assert report.languages.eng_Latn.verdict == 'NOT_GATED'
// estimated task score = MEXA score x English score
assert Math.abs(report.languages.deu_Latn.estimatedScores.belebele - 0.72 * 0.89) < 1e-9
assert new File(basedir, 'target/mexa/mexa-summary.md').text.contains('**All MEXA checks have been met (4 languages)**')
// the gate as JUnit XML: every gated language a passing test case, the pivot none
def junit = new XmlSlurper().parse(new File(basedir, 'target/mexa/TEST-mexa.xml'))
assert junit.@tests == '4'
assert junit.@failures == '0'
assert !junit.testcase*.@name*.toString().contains('eng_Latn')
assert junit.testcase.every { it.failure.size() == 0 }
return true
