expected = ~/Invalid baseline \(mexa.baseline\): \S*pom.xml is not a MEXA report/
return evaluate(new File(basedir, '../../../config-error.groovy'))
