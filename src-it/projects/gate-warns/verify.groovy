def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] Rule violated for language swh_Latn: MEXA score is 0.07, but expected minimum is 0.30\n')
assert log.contains('[WARNING] Rule violated for language wol_Latn: MEXA score is 0.01, but expected minimum is 0.50\n')
assert log.contains('[WARNING] MEXA checks have not been met (2 of 4 languages)')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/mexa/mexa-report.json').text.contains('"verdict": "FAIL"')
return true
