def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] swh_Latn.txt repeats sentences within its first 5 lines (line 4 repeats line 2): identical sentences never count for swh_Latn')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/mexa/mexa-report.json').text.contains('swh_Latn.txt repeats sentences')
return true
