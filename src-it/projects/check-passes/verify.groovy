import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('All MEXA checks have been met (4 languages)')
assert !log.contains('Rule violated')
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/mexa/mexa-report.json'))
assert report.languages.wol_Latn.verdict == 'PASS'
assert report.languages.swh_Latn.threshold == 0.05
def junit = new XmlSlurper().parse(new File(basedir, 'target/mexa/TEST-mexa.xml'))
assert junit.@tests == '4'
assert junit.@failures == '0'
return true
