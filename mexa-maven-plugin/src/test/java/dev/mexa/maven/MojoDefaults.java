package dev.mexa.maven;

import org.apache.maven.plugin.logging.Log;

/** Goals configured as Maven configures them when the POM sets nothing: the parameters' default values. */
final class MojoDefaults {

    private MojoDefaults() {
    }

    /**
     * @param log where the goal logs
     * @return an evaluate goal with every default of its {@code @Parameter} annotations
     */
    static EvaluateMojo evaluateMojo(Log log) {
        EvaluateMojo mojo = new EvaluateMojo();
        mojo.setLog(log);
        mojo.pivot = "eng_Latn";
        mojo.pooling = "mean";
        mojo.sentences = 100;
        mojo.embedding = "weighted-average";
        mojo.device = "auto";
        mojo.dtype = "auto";
        mojo.batchSize = 8;
        mojo.cache = true;
        mojo.haltOnFailure = true;
        return mojo;
    }
}
