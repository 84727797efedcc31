import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def what = 'modelArtifact (mexa.modelArtifact) dev.mexa.it:tiny-llama-model:1.0'
def unpacked = (log =~ /Unpacked ${java.util.regex.Pattern.quote(what)} into (\S+)/)
assert unpacked.size() == 1 : 'the artifact is unpacked exactly once over three runs'
// keyed by coordinates and checksum: <local repository>/.mexa/models/<group>/<artifact>/<version>/<file>/<sha256>
def copy = new File(unpacked[0][1])
def cacheDir = new File(localRepositoryPath, '.mexa/models/dev.mexa.it/tiny-llama-model/1.0/tiny-llama-model-1.0.jar')
assert copy.parentFile.canonicalPath == cacheDir.canonicalPath
assert copy.name ==~ /[0-9a-f]{64}/
assert new File(copy, 'tiny-llama/config.json').isFile()
assert !cacheDir.listFiles().any { it.name.contains('.unpacking-') } : 'no staging directory is left behind'
// hashed once: the later runs take its checksum from the stamp recorded beside the copy
assert log.count("Using ${what} unpacked in ${copy} (the archive's size and time are those it was hashed with)") == 2
assert new File(cacheDir, 'archive.stamp').isFile()
assert log.count('No MEXA checks configured') == 3

// no corpus set: the bundled FLORES-200 excerpt, read from the plugin's class path
def report = new JsonSlurper().parse(new File(basedir, 'evaluate/target/mexa/mexa-report.json'))
assert report.corpus == 'bundled FLORES-200 devtest (first 100 sentences)'
assert report.sentences == 100
assert report.languages.keySet() == ['deu_Latn', 'eng_Latn'] as Set
// named by its coordinates, not by the unpacked copy in the cache
assert report.model == 'dev.mexa.it:tiny-llama-model:1.0'

// without a project: the same artifact from the same repositories, the reports in ./target/mexa
def standalone = new JsonSlurper().parse(new File(basedir, 'standalone/target/mexa/mexa-report.json'))
assert standalone.model == 'dev.mexa.it:tiny-llama-model:1.0'
assert standalone.languages.deu_Latn.score == report.languages.deu_Latn.score
return true
