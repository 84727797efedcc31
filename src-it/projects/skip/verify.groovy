def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping MEXA evaluation (mexa.skip=true).')
assert !log.contains('MEXA checks')
assert !new File(basedir, 'target/mexa').exists()
assert log.contains('BUILD SUCCESS')
return true
