import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
// the recorded report is gated by the check goal: the same lines and failure as mexa:evaluate with these rules
assert log.contains('No MEXA checks configured')
assert log.contains('[ERROR] Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30\n')
assert log.contains('[ERROR] Rule violated for language wol_Latn: MEXA score is 0.01, but expected minimum is 0.50\n')
assert log.count('Rule violated for language') == 2
assert log.contains('org.apache.maven.plugin.MojoFailureException: MEXA checks have not been met (2 of 4 languages)')
assert log.contains('(gate) on project check-fails: MEXA checks have not been met (2 of 4 languages)')
def report = new JsonSlurper().parse(new File(basedir, 'target/mexa/mexa-report.json'))
assert report.languages.swh_Latn.verdict == 'FAIL'
assert report.languages.deu_Latn.verdict == 'PASS'
assert report.averages.gatedLanguages == 4
def junit = new XmlSlurper().parse(new File(basedir, 'target/mexa/TEST-mexa.xml'))
assert junit.@tests == '4'
assert junit.@failures == '2'
assert junit.testcase.find { it.@name == 'swh_Latn' }.failure.text() ==
        'Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30'
return true
