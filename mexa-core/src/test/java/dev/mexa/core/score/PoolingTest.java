package dev.mexa.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mexa.core.MexaException;
import org.junit.jupiter.api.Test;

class PoolingTest {

    private final double[] layers = {0.1, 0.5, 0.9, 0.3};

    @Test
    void meanAndMax() {
        assertThat(Pooling.MEAN.pool(layers)).isCloseTo(0.45, within(1e-15));
        assertThat(Pooling.MAX.pool(layers)).isEqualTo(0.9);
    }

    @Test
    void parsesIdsInAnyCase() {
        assertThat(Pooling.parse("Mean")).isEqualTo(Pooling.MEAN);
        assertThat(Pooling.parse(" max ")).isEqualTo(Pooling.MAX);
        assertThatThrownBy(() -> Pooling.parse("median")).isInstanceOf(MexaException.class)
                .hasMessage("Unknown pooling 'median': set pooling (mexa.pooling) to mean or max.");
    }

    @Test
    void layerRangeRestrictsPooling() {
        assertThat(Pooling.MEAN.pool(LayerRange.parse("1-2").select(layers, "t"))).isCloseTo(0.7, within(1e-15));
        assertThat(LayerRange.parse("2-").select(layers, "t")).containsExactly(0.9, 0.3);
        assertThat(LayerRange.parse("").select(layers, "t")).containsExactly(layers);
        assertThat(LayerRange.parse("all")).isEqualTo(LayerRange.ALL).hasToString("all");
        assertThat(LayerRange.parse("3-")).hasToString("3-");
    }

    @Test
    void layerRangeErrorsNameTheFix() {
        assertThatThrownBy(() -> LayerRange.parse("5-2")).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("Invalid layer range '5-2': use FROM-TO");
        assertThatThrownBy(() -> LayerRange.parse("1-7").select(layers, "deu_Latn"))
                .isInstanceOf(MexaException.class).hasMessageContaining("deu_Latn").hasMessageContaining("mexa.layers");
        assertThatThrownBy(() -> LayerRange.parse("40-").select(layers, "deu_Latn"))
                .isInstanceOf(MexaException.class).hasMessageContaining("goes beyond the 4 hidden states");
    }

    @Test
    void wilsonIntervalMatchesHandComputation() {
        // p = 0.5, n = 100, z = 1.96: centre 0.5, half width 1.96*sqrt(0.0025 + 0.00009604)/1.038416 = 0.0961...
        WilsonInterval interval = WilsonInterval.of(0.5, 100);
        assertThat(interval.lower()).isCloseTo(0.4038, within(1e-4));
        assertThat(interval.upper()).isCloseTo(0.5962, within(1e-4));
        assertThat(WilsonInterval.of(1.0, 40).upper()).isEqualTo(1.0);
        assertThat(WilsonInterval.of(0.0, 40).lower()).isEqualTo(0.0);
    }
}
