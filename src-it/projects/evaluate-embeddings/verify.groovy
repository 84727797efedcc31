import groovy.json.JsonSlurper

def mexa = new File(basedir, 'target/mexa')
['mexa-report.json', 'mexa-scores.csv', 'mexa-summary.md'].each {
    assert new File(mexa, it).isFile() : "missing report $it"
}
def report = new JsonSlurper().parse(new File(mexa, 'mexa-report.json'))
assert report.pivot == 'eng_Latn'
assert report.embedding == 'weighted-average'
assert report.pooling == 'mean'
assert report.sentences == 40
assert report.layers == 5
assert report.languages.keySet() == ['deu_Latn', 'eng_Latn', 'fra_Latn', 'swh_Latn', 'wol_Latn'] as Set
assert report.languages.eng_Latn.score == 1.0
// the example's alignment decreases from deu to wol by construction
assert report.languages.deu_Latn.score > report.languages.fra_Latn.score
assert report.languages.fra_Latn.score > report.languages.swh_Latn.score
report.languages.each { code, result ->
    assert result.layerScores.size() == 5
    assert Math.abs(result.score - result.layerScores.sum() / 5) < 1e-12
}
def log = new File(basedir, 'build.log').text
assert log =~ /deu_Latn\s+0\.720/
assert log.contains('MEXA reports written to')
return true
