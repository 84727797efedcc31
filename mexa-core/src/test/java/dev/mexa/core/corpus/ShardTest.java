package dev.mexa.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code K/N} parsed with one message per rule; slices balanced, deterministic, and together every language once. */
class ShardTest {

    private static List<String> languages(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("l%03d_Latn", i)).toList();
    }

    @Test
    void parsesKOfN() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 3 / 3 ")).isEqualTo(new Shard(3, 3));
        assertThat(Shard.parse(null)).isEqualTo(Shard.WHOLE);
        assertThat(Shard.parse("  ")).isEqualTo(Shard.WHOLE);
        assertThat(Shard.parse("1/1").isWhole()).isTrue();
        assertThat(new Shard(2, 4)).hasToString("2/4");
    }

    @Test
    void aMalformedShardNamesTheSettingAndTheForm() {
        for (String written : List.of("2", "2/", "/4", "a/b", "2-4", "2/4/8", "-1/4", "1.5/4", "9999999999/3")) {
            assertThatThrownBy(() -> Shard.parse(written)).isInstanceOf(MexaException.class)
                    .hasMessage("Invalid shard (mexa.shard) '" + written + "': write K/N, the K-th of N shards, e.g."
                            + " 2/4 for the second of four jobs.");
        }
    }

    @Test
    void kIsFromOneToN() {
        for (String written : List.of("0/4", "5/4", "0/0", "1/0")) {
            assertThatThrownBy(() -> Shard.parse(written)).isInstanceOf(MexaException.class)
                    .hasMessage("Invalid shard (mexa.shard) " + written + ": K must be from 1 to N (K/N, e.g. 2/4 for"
                            + " the second of four jobs).");
        }
    }

    @Test
    void slicesAreBalancedConsecutiveAndCoverEveryLanguageOnce() {
        for (int total = 1; total <= 23; total++) {
            List<String> all = languages(total);
            for (int count = 1; count <= total; count++) {
                List<String> union = new ArrayList<>();
                for (int index = 1; index <= count; index++) {
                    List<String> slice = new Shard(index, count).slice(all);
                    assertThat(slice.size()).isBetween(total / count, (total + count - 1) / count);
                    union.addAll(slice);
                }
                assertThat(union).as("%d languages in %d shards", total, count).isEqualTo(all);
            }
        }
    }

    @Test
    void slicesDependOnTheLanguagesOnlyNotTheirOrder() {
        List<String> shuffled = new ArrayList<>(languages(10));
        Collections.shuffle(shuffled, new java.util.Random(7));

        assertThat(new Shard(2, 3).slice(shuffled)).containsExactly("l003_Latn", "l004_Latn", "l005_Latn");
        assertThat(new Shard(1, 3).slice(List.of("swh_Latn", "deu_Latn", "fra_Latn", "deu_Latn")))
                .containsExactly("deu_Latn");
        assertThat(Shard.WHOLE.slice(List.of())).isEmpty();
    }

    @Test
    void moreShardsThanLanguagesIsAnError() {
        assertThatThrownBy(() -> new Shard(1, 4).slice(languages(3))).isInstanceOf(MexaException.class)
                .hasMessage("shard (mexa.shard) 1/4 splits 3 languages (the pivot excluded) into 4 shards, so some"
                        + " shard would have none: use at most 3 shards, or request more languages.");
        assertThatThrownBy(() -> new Shard(2, 2).slice(List.of())).isInstanceOf(MexaException.class)
                .hasMessageStartingWith("shard (mexa.shard) 2/2 splits 0 languages");
    }
}
