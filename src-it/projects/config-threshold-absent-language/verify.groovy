expected = 'thresholds sets a minimum for yor_Latn, which is not among the scored languages (deu_Latn, eng_Latn, fra_Latn, swh_Latn, wol_Latn)'
return evaluate(new File(basedir, '../../../config-error.groovy'))
