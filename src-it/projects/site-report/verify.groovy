def page = new File(basedir, 'target/site/mexa.html')
assert page.isFile() : "missing $page"
assert page.text.contains('deu_Latn')
assert new File(basedir, 'target/site/mexa/mexa-report.html').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('maven-site-plugin:3.21.0:site')
assert log.contains('BUILD SUCCESS')
return true
