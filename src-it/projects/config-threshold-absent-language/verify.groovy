expected = 'The minimum for yor_Latn (thresholds, mexa.thresholds, @MinScore) names a language that is not among the scored languages (deu_Latn, eng_Latn, fra_Latn, swh_Latn, wol_Latn)'
return evaluate(new File(basedir, '../../../config-error.groovy'))
