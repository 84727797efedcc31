package dev.mexa.core.runtime.rope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mexa.core.runtime.checkpoint.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inverse frequencies and attention factors of each rotary type against values worked out from the formulas of
 * the YaRN, LongRoPE and Llama 3.1 papers as HF applies them; the dynamic, linear and yarn types are also checked
 * end to end by {@code HfReferenceTest}.
 */
class RopeConfigTest {

    private static final double EXACT = 1e-12;

    @TempDir
    Path temp;

    private RotaryEmbedding read(String config, int headDim, int maxPositions) throws IOException {
        Files.writeString(temp.resolve("config.json"), config);
        return RopeConfig.read(ConfigReader.of(temp), headDim, maxPositions);
    }

    @Test
    void plainWhenThereIsNoScalingAndLinearDividesEveryFrequency() throws IOException {
        RotaryEmbedding plain = read("{\"rope_theta\": 100.0, \"rope_scaling\": null}", 4, 64);
        assertThat(plain.inverseFrequencies(10)).containsExactly(new double[] {1, 0.1}, within(EXACT));
        RotaryEmbedding linear = read("{\"rope_theta\": 100.0, \"rope_scaling\": {\"type\": \"linear\","
                + " \"factor\": 4.0}}", 4, 64);
        assertThat(linear.inverseFrequencies(10)).containsExactly(new double[] {0.25, 0.025}, within(EXACT));
        assertThat(linear.attentionFactor()).isEqualTo(1);
    }

    @Test
    void dynamicRaisesTheBaseOnlyBeyondTheContext() throws IOException {
        RotaryEmbedding dynamic = read("{\"rope_theta\": 100.0, \"rope_scaling\": {\"rope_type\": \"dynamic\","
                + " \"factor\": 2.0}}", 4, 8);
        assertThat(dynamic.inverseFrequencies(8)).containsExactly(new double[] {1, 0.1}, within(EXACT));
        // T = 12: base 100 * (2 * 12 / 8 - 1)^(4 / 2) = 400
        assertThat(dynamic.inverseFrequencies(12)).containsExactly(new double[] {1, 0.05}, within(EXACT));
    }

    @Test
    void longRopeTakesShortOrLongFactorsByLengthAndScalesCosAndSin() throws IOException {
        RotaryEmbedding longRope = read("{\"rope_theta\": 10000.0, \"max_position_embeddings\": 32,"
                + " \"original_max_position_embeddings\": 8, \"rope_scaling\": {\"type\": \"longrope\","
                + " \"short_factor\": [1.0, 2.0], \"long_factor\": [4.0, 8.0]}}", 4, 32);
        assertThat(longRope.dependsOnLength()).isTrue();
        assertThat(longRope.inverseFrequencies(8)).containsExactly(new double[] {1, 0.01 / 2}, within(EXACT));
        assertThat(longRope.inverseFrequencies(9)).containsExactly(new double[] {0.25, 0.01 / 8}, within(EXACT));
        // sqrt(1 + ln(32 / 8) / ln(8)) = sqrt(1 + 2 / 3)
        assertThat(longRope.attentionFactor()).isCloseTo(Math.sqrt(5.0 / 3), within(EXACT));
    }

    @Test
    void longRopeWithPartialRotationHasFactorsPerRotatedPair() throws IOException {
        RotaryEmbedding longRope = read("{\"partial_rotary_factor\": 0.5, \"max_position_embeddings\": 16,"
                + " \"rope_scaling\": {\"type\": \"longrope\", \"factor\": 1.0, \"short_factor\": [1.0, 1.0],"
                + " \"long_factor\": [2.0, 2.0]}}", 8, 16);
        assertThat(longRope.dim()).isEqualTo(4);
        assertThat(longRope.attentionFactor()).isEqualTo(1);
        assertThat(longRope.inverseFrequencies(17)).containsExactly(new double[] {0.5, 0.005}, within(EXACT));
    }

    @Test
    void yarnBlendsAcrossTheCorrectionRange() throws IOException {
        // dim 8, theta 10000, context 64, beta 32 and 1: correction dims 8 ln(64 / (2 pi b)) / (2 ln 1e4) give
        // low = floor(-0.50) -> 0 and high = ceil(1.01) = 2, so the ramp is (i - 0) / 2 over i = 0..3
        RotaryEmbedding yarn = read("{\"max_position_embeddings\": 64, \"rope_scaling\": {\"rope_type\": \"yarn\","
                + " \"factor\": 4.0}}", 8, 64);
        double[] plain = RotaryEmbedding.geometric(10000, 8);
        double[] ramp = {0, 0.5, 1, 1};
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = plain[i] / 4 * ramp[i] + plain[i] * (1 - ramp[i]);
        }
        assertThat(yarn.inverseFrequencies(5)).containsExactly(expected, within(EXACT));
        assertThat(yarn.attentionFactor()).isCloseTo(0.1 * Math.log(4) + 1, within(EXACT));
    }

    @Test
    void llama3KeepsShortWavelengthsDividesLongOnesAndSmoothsBetween() throws IOException {
        // theta 10000, dim 8: wavelengths 2 pi, 2 pi 10, 2 pi 100, 2 pi 1000; context 64 with factors 1 and 4
        // keep wavelengths below 16, divide those above 64 by 8 and interpolate 62.8 with smooth (64/62.8 - 1) / 3
        RotaryEmbedding llama3 = read("{\"rope_scaling\": {\"rope_type\": \"llama3\", \"factor\": 8.0,"
                + " \"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0, \"original_max_position_embeddings\": 64}}",
                8, 64);
        double smooth = (64 / (2 * Math.PI * 10) - 1) / 3;
        assertThat(llama3.inverseFrequencies(5)).containsExactly(new double[] {1,
                (1 - smooth) * 0.1 / 8 + smooth * 0.1, 0.01 / 8, 0.001 / 8}, within(EXACT));
    }
}
