def log = new File(basedir, 'build.log').text
assert log.contains('Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30')
assert log.contains('MEXA checks have not been met (1 of 1 language)')
assert log.contains('Tests run: 6, Failures: 1, Errors: 0, Skipped: 0')

def reports = new File(basedir, 'target/surefire-reports')
def aligned = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.AlignedLanguagesTest.xml'))
assert aligned.@tests == '5' && aligned.@failures == '0' && aligned.@errors == '0' && aligned.@skipped == '0'
def low = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.LowResourceLanguagesTest.xml'))
assert low.@tests == '1' && low.@failures == '1'

['AlignedLanguagesTest', 'LowResourceLanguagesTest'].each {
    def json = new File(basedir, "target/mexa/com.example.$it/mexa-report.json")
    assert json.isFile() : "missing $json"
}
def report = new groovy.json.JsonSlurper().parse(new File(basedir,
        'target/mexa/com.example.AlignedLanguagesTest/mexa-report.json'))
assert report.languages.keySet() == ['deu_Latn', 'eng_Latn', 'fra_Latn', 'swh_Latn'] as Set
return true
