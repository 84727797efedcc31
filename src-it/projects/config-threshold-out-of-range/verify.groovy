expected = "Invalid mexa.thresholds swh_Latn '150%': it must lie in [0, 1]"
return evaluate(new File(basedir, '../../../config-error.groovy'))
