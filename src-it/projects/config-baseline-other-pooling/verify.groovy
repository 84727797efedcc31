expected = 'baseline (mexa.baseline) mexa-baseline.json was made with another pooling (baseline: max, this run: mean)'
return evaluate(new File(basedir, '../../../config-error.groovy'))
