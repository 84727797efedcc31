import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30\n')
assert log.contains('[ERROR] Rule violated for language wol_Latn: MEXA score is 0.01, but expected minimum is 0.50\n')
assert log.count('Rule violated for language') == 2
assert log.contains('BUILD FAILURE')
// a gate failure, not a configuration error: MojoFailureException
assert log.contains('org.apache.maven.plugin.MojoFailureException: MEXA checks have not been met (2 of 4 languages)')
assert log.contains('on project gate-fails: MEXA checks have not been met (2 of 4 languages)')
// the reports are written before the build fails
def report = new JsonSlurper().parse(new File(basedir, 'target/mexa/mexa-report.json'))
assert report.languages.swh_Latn.verdict == 'FAIL'
assert report.languages.swh_Latn.threshold == 0.3
assert report.languages.swh_Latn.violations == ['Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30']
assert report.languages.deu_Latn.verdict == 'PASS'
def csv = new File(basedir, 'target/mexa/mexa-scores.csv').readLines()
assert csv[0].startsWith('language,pivot,sentences,score,score_lower,score_upper,threshold,baseline,verdict')
assert csv.find { it.startsWith('wol_Latn,') }.contains(',0.5,,FAIL,')
def summary = new File(basedir, 'target/mexa/mexa-summary.md').text
assert summary.contains('**MEXA checks have not been met (2 of 4 languages)**')
assert summary.contains('| ❌ FAIL | swh_Latn |')
// the gate as JUnit XML for CI test tabs: one test case per gated language, a failure per violating one
def junit = new XmlSlurper().parse(new File(basedir, 'target/mexa/TEST-mexa.xml'))
assert junit.@name == 'mexa'
assert junit.@tests == '4'
assert junit.@failures == '2'
assert junit.testcase*.@name*.toString() as Set == ['deu_Latn', 'fra_Latn', 'swh_Latn', 'wol_Latn'] as Set
assert junit.testcase.findAll { it.failure.size() > 0 }*.@name*.toString() as Set == ['swh_Latn', 'wol_Latn'] as Set
assert junit.testcase.find { it.@name == 'wol_Latn' }.failure.text() ==
        'Rule violated for language wol_Latn: MEXA score is 0.01, but expected minimum is 0.50'
return true
