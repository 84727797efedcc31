// build.log holds both runs: JUnit 5.14, then JUnit 5.10 (invoker.properties); Surefire prints each failure
// message twice per run (the failure, then the results summary)
def log = new File(basedir, 'build.log').text
assert log.count('Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30') == 4
assert log.count('MEXA checks have not been met (1 of 1 language)') == 4
assert log.count('Tests run: 6, Failures: 1, Errors: 0, Skipped: 0') == 2

def reports = new File(basedir, 'target/surefire-reports')
def aligned = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.AlignedLanguagesTest.xml'))
assert aligned.@tests == '5' && aligned.@failures == '0' && aligned.@errors == '0' && aligned.@skipped == '0'
def low = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.LowResourceLanguagesTest.xml'))
assert low.@tests == '1' && low.@failures == '1'
// the second run really tested on JUnit 5.10: the test class path holds its API and no other
def classPath = aligned.properties.property.find { it.@name == 'surefire.test.class.path' }.@value.text()
assert classPath.contains('junit-jupiter-api-5.10.3.jar')
assert !classPath.contains('junit-jupiter-api-5.14')

['AlignedLanguagesTest', 'LowResourceLanguagesTest'].each {
    def json = new File(basedir, "target/mexa/com.example.$it/mexa-report.json")
    assert json.isFile() : "missing $json"
}
def report = new groovy.json.JsonSlurper().parse(new File(basedir,
        'target/mexa/com.example.AlignedLanguagesTest/mexa-report.json'))
assert report.languages.keySet() == ['deu_Latn', 'eng_Latn', 'fra_Latn', 'swh_Latn'] as Set
return true
