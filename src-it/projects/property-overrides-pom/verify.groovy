def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Rule violated for language deu_Latn: MEXA score is 0.72, but expected minimum is 0.80')
assert log.count('Rule violated for language') == 2
assert log.contains('MEXA checks have not been met (2 of 2 languages)')
return true
