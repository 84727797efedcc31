import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('No plugin found for prefix')
assert log.count('BUILD SUCCESS') == 2

// 1: no pom.xml: the reports go below the directory Maven ran in, and the gate ran
assert log.contains('[INFO] All MEXA checks have been met (1 language)')
def outside = new JsonSlurper().parse(new File(basedir, 'no-project/target/mexa/mexa-report.json'))
assert outside.languages.keySet() == ['deu_Latn', 'eng_Latn'] as Set
assert outside.languages.deu_Latn.verdict == 'PASS'
// 2: a project without the plugin: its build directory
def inside = new JsonSlurper().parse(new File(basedir, 'target/mexa/mexa-report.json'))
assert inside.languages.keySet() == ['deu_Latn', 'eng_Latn', 'fra_Latn', 'swh_Latn', 'wol_Latn'] as Set
return true
