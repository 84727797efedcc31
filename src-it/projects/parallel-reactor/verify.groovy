import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')

// every line the goal prints: progress, the score table, where the reports went, the verdict
def goalLine = ~/^\[(INFO|WARNING|ERROR)\] (\[[\w-]+\] )?(Embedded pivot|Scored |language +score|[a-z]{3}_Latn +[0-9.]+ +\[|MEXA reports written to|All MEXA checks|No MEXA checks)/
def lines = log.readLines().findAll { it =~ goalLine }
def byModule = lines.groupBy { (it =~ /^\[\w+\] \[([\w-]+)\] /).with { m -> m.find() ? m.group(1) : 'none' } }
assert !byModule.containsKey('none') : "lines without their module: ${byModule.none}"
assert byModule.keySet() == ['model-a', 'model-b'] as Set
// each module's lines speak of its own languages only (the pivot aside)
def languages = { moduleLines -> moduleLines.collectMany { (it =~ /[a-z]{3}_Latn/).collect() }.toSet() - 'eng_Latn' }
assert languages(byModule['model-a']) == ['deu_Latn', 'fra_Latn'] as Set
assert languages(byModule['model-b']) == ['swh_Latn', 'wol_Latn'] as Set
assert byModule['model-a'].any { it.contains('[model-a] All MEXA checks have been met (2 languages)') }
assert byModule['model-b'].any { it.contains('[model-b] No MEXA checks configured') }
['model-a', 'model-b'].each { module ->
    assert byModule[module].any { it.contains("MEXA reports written to ${new File(basedir, module).canonicalPath}") }
}

// each module's reports in its own target/mexa
def report = { module -> new JsonSlurper().parse(new File(basedir, "${module}/target/mexa/mexa-report.json")) }
assert report('model-a').languages.keySet() == ['deu_Latn', 'eng_Latn', 'fra_Latn'] as Set
assert report('model-b').languages.keySet() == ['eng_Latn', 'swh_Latn', 'wol_Latn'] as Set
assert !new File(basedir, 'target/mexa').exists()
return true
