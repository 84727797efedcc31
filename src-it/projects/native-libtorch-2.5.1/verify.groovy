import groovy.json.JsonSlurper

// run 1 used the plugin's and the extension's own libtorch 2.7.1; run 2 the snippets of docs/runtime.md
def log = new File(basedir, 'build.log').text
assert log.contains('Extension on PyTorch 2.7.1')
assert log.contains('Extension on PyTorch 2.5.1')
// run 2's plugin realm (listed under -X) holds the chosen stack and none of the plugin's own
def realm = log.substring(log.indexOf('Populating class realm plugin>dev.mexa:mexa-maven-plugin'))
realm = realm.substring(0, realm.indexOf('Configuring mojo'))
assert realm.contains('ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.5.1')
assert realm.contains('ai.djl.pytorch:pytorch-jni:jar:2.5.1-0.33.0')
assert realm.contains('ai.djl.pytorch:pytorch-engine:jar:0.33.0')
assert !realm.contains(':2.7.1')
assert log.count('BUILD SUCCESS') == 2

def scores = { file ->
    def report = new JsonSlurper().parse(new File(basedir, file))
    report.languages.collectEntries { code, result -> [code, result.layerScores] }
}
def own = scores('target/mexa-default/mexa-report.json')
assert own.keySet() == ['deu_Latn', 'eng_Latn', 'wol_Latn'] as Set
assert scores('target/mexa-libtorch-2.5.1/mexa-report.json') == own
assert scores('target/mexa/com.example.ChosenNativeTest/mexa-report.json') == own
return true
