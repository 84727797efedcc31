expected = 'No input: set model (mexa.model) and corpus (mexa.corpus) to run a checkpoint, or embeddings (mexa.embeddings)'
return evaluate(new File(basedir, '../../../config-error.groovy'))
