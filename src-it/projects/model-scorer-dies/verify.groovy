// the request was checked, then the fork failed: one error with the child's status, its output and the fix
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Scoring in a forked JVM (OMP_WAIT_POLICY=')
assert log.contains('The MEXA scorer JVM exited with status 1 without writing its report. Its last output:')
assert log.contains('Too small')
assert log.contains('Set its heap or other JVM options with scorerJvmArgs (mexa.scorerJvmArgs), e.g. -Xmx8g, or set'
        + ' fork (mexa.fork) to false')
assert !new File(basedir, 'target/mexa/mexa-report.json').exists()
return true
