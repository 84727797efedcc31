return evaluate(new File(basedir, '../../../model-runtime.groovy'))
