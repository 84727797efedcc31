import groovy.json.JsonSlurper

def report = { name -> new JsonSlurper().parse(new File(basedir, "target/${name}/mexa-report.json")) }
def whole = report('mexa-whole')
def first = report('mexa-shard-1')
def second = report('mexa-shard-2')
def merged = report('mexa-merged')
assert report('mexa-merged-pom').languages == merged.languages
// the final job read the exports, not the model
assert merged.model.endsWith('target/shard-1, ' + new File(basedir, 'target/shard-2').path)
assert merged.corpus == null

// each shard embeds the pivot and its slice of the sorted languages
assert first.languages.keySet() == ['eng_Latn', 'deu_Latn', 'fra_Latn'] as Set
assert second.languages.keySet() == ['eng_Latn', 'swh_Latn', 'wol_Latn'] as Set
['shard-1': '1/2', 'shard-2': '2/2'].each { directory, shard ->
    def marker = new JsonSlurper().parse(new File(basedir, "target/${directory}/mexa-export.json"))
    assert marker.complete == true
    assert marker.shard == shard
    assert marker.model.startsWith('sha256:')
}

// the merged exports score exactly as the whole run: every language, every layer
assert merged.languages.keySet() == whole.languages.keySet()
assert merged.languages.keySet() == ['eng_Latn', 'deu_Latn', 'fra_Latn', 'swh_Latn', 'wol_Latn'] as Set
whole.languages.each { code, expected ->
    def actual = merged.languages[code]
    assert actual.score == expected.score : code
    assert actual.layerScores == expected.layerScores : code
    assert actual.sentences == expected.sentences : code
    def sharded = (first.languages[code] ?: second.languages[code])
    assert sharded.layerScores == expected.layerScores : code
}
assert merged.embedding == whole.embedding
assert merged.layers == whole.layers

// the threshold shared by every job is judged where deu_Latn is scored, and in the final job
assert first.languages.deu_Latn.verdict == 'PASS'
assert merged.languages.deu_Latn.verdict == 'PASS'
assert second.languages.deu_Latn == null
def log = new File(basedir, 'build.log').text
assert log.contains('Shard 2/2 leaves the thresholds of deu_Latn to the shards that score them.')
return true
