import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def what = 'modelArtifact (mexa.modelArtifact) dev.mexa.it:tiny-llama-model:1.0'
def unpacked = (log =~ /Unpacked ${java.util.regex.Pattern.quote(what)} into (\S+)/)
assert unpacked.size() == 1 : 'the artifact is unpacked exactly once over two runs'
// keyed by coordinates and checksum: <local repository>/.mexa/models/<group>/<artifact>/<version>/<file>/<sha256>
def copy = new File(unpacked[0][1])
def cacheDir = new File(localRepositoryPath, '.mexa/models/dev.mexa.it/tiny-llama-model/1.0/tiny-llama-model-1.0.jar')
assert copy.parentFile.canonicalPath == cacheDir.canonicalPath
assert copy.name ==~ /[0-9a-f]{64}/
assert new File(copy, 'tiny-llama/config.json').isFile()
assert !cacheDir.listFiles().any { it.name.contains('.unpacking-') } : 'no staging directory is left behind'
assert log.contains("Using ${what} unpacked in ${copy}")
assert log.count('No MEXA checks configured') == 2

// no corpus set: the bundled FLORES-200 excerpt, read from the plugin's class path
def report = new JsonSlurper().parse(new File(basedir, 'evaluate/target/mexa/mexa-report.json'))
assert report.corpus == 'bundled FLORES-200 devtest (first 100 sentences)'
assert report.sentences == 100
assert report.languages.keySet() == ['deu_Latn', 'eng_Latn'] as Set
assert report.model.startsWith(copy.path)
return true
