package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelArtifactTest {

    @Test
    void threeCoordinatesNameAJar() {
        ModelArtifact artifact = ModelArtifact.parse("com.example:my-model:1.0");

        assertThat(artifact).isEqualTo(new ModelArtifact("com.example", "my-model", "1.0", "", "jar"));
        assertThat(artifact.fileName()).isEqualTo("my-model-1.0.jar");
        assertThat(artifact).hasToString("com.example:my-model:1.0");
    }

    @Test
    void aClassifierAndAnExtensionFollowTheVersion() {
        ModelArtifact artifact = ModelArtifact.parse("com.example:my-model:1.0:fp16:zip");

        assertThat(artifact).isEqualTo(new ModelArtifact("com.example", "my-model", "1.0", "fp16", "zip"));
        assertThat(artifact.cacheKey()).isEqualTo(List.of("com.example", "my-model", "1.0", "my-model-1.0-fp16.zip"));
        assertThat(artifact).hasToString("com.example:my-model:1.0:fp16:zip");
    }

    @Test
    void anEmptyClassifierKeepsTheExtension() {
        ModelArtifact artifact = ModelArtifact.parse("com.example:my-model:1.0::zip");

        assertThat(artifact.fileName()).isEqualTo("my-model-1.0.zip");
        assertThat(artifact).hasToString("com.example:my-model:1.0::zip");
        assertThat(ModelArtifact.parse("com.example:my-model:1.0:fp16").fileName()).isEqualTo("my-model-1.0-fp16.jar");
    }

    @Test
    void rejectsMalformedCoordinatesNamingTheParameterAndTheForm() {
        for (String bad : List.of("com.example:my-model", "com.example::1.0", "a:b:c:d:e:f", "com.example:my model:1")) {
            assertThatThrownBy(() -> ModelArtifact.parse(bad)).as(bad).isInstanceOf(MexaException.class)
                    .hasMessage("modelArtifact (mexa.modelArtifact) is '" + bad + "': use"
                            + " groupId:artifactId:version[:classifier[:extension]], e.g. com.example:my-model:1.0 or"
                            + " com.example:my-model:1.0:fp16:zip.");
        }
    }
}
