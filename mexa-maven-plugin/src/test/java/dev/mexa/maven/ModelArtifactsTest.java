package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import java.io.File;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** The choice between model and modelArtifact; resolution and unpacking run in the model-artifact invoker IT. */
class ModelArtifactsTest {

    private final ModelArtifacts artifacts = new ModelArtifacts(null, new MavenProject(), null);

    @Test
    void withoutCoordinatesTheModelDirectoryIsUsedAsIs() {
        File model = new File("model");

        assertThat(artifacts.checkpoint(model, null, false, MexaLog.silent())).isSameAs(model);
        assertThat(artifacts.checkpoint(model, " ", false, MexaLog.silent())).isSameAs(model);
        assertThat(artifacts.checkpoint(null, null, true, MexaLog.silent())).isNull();
    }

    @Test
    void modelAndModelArtifactTogetherAreAConfigurationError() {
        assertThatThrownBy(() -> artifacts.checkpoint(new File("model"), "com.example:m:1", false, MexaLog.silent()))
                .isInstanceOf(MexaException.class)
                .hasMessage("Both modelArtifact (mexa.modelArtifact) and model (mexa.model) are set: set modelArtifact"
                        + " to the coordinates of a jar or zip holding a checkpoint, model to a checkpoint directory,"
                        + " or embeddings to precomputed embeddings; only one of them.");
    }

    @Test
    void modelArtifactWithEmbeddingsIsAConfigurationError() {
        assertThatThrownBy(() -> artifacts.checkpoint(null, "com.example:m:1", true, MexaLog.silent()))
                .hasMessageStartingWith("Both modelArtifact (mexa.modelArtifact) and embeddings (mexa.embeddings) are"
                        + " set");
    }

    @Test
    void malformedCoordinatesFailBeforeAnyResolution() {
        assertThatThrownBy(() -> artifacts.checkpoint(null, "com.example:m", false, MexaLog.silent()))
                .hasMessageStartingWith("modelArtifact (mexa.modelArtifact) is 'com.example:m'");
    }
}
