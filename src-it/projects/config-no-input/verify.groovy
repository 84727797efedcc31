expected = 'No input: set model (mexa.model) or modelArtifact (mexa.modelArtifact) to run a checkpoint, over corpus (mexa.corpus) or by default the bundled FLORES-200 devtest, or embeddings (mexa.embeddings)'
return evaluate(new File(basedir, '../../../config-error.groovy'))
