expected = 'Both model (mexa.model) and embeddings (mexa.embeddings) are set'
return evaluate(new File(basedir, '../../../config-error.groovy'))
