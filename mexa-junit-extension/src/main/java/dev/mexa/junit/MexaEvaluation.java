package dev.mexa.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evaluates a model's multilingual alignment with MEXA (arXiv 2410.05873) for the annotated test class, once per
 * distinct configuration per JVM, and makes the result available to its tests: {@link MinScore} gates,
 * {@link MexaScores} parameters, report entries and the reports under {@code target/mexa/<test class>/}.
 *
 * <p>Give either {@link #model()} (with {@link #corpus()}, by default the bundled FLORES-200 devtest), or
 * {@link #embeddings()}. Relative paths are resolved against the project directory: the {@code basedir} system
 * property that Maven Surefire sets, else {@code user.dir}. When the input directory does not exist the tests are
 * disabled, unless {@link #failIfMissing()} is set.
 *
 * <pre>{@code
 * @MexaEvaluation(model = "model", corpus = "flores200/devtest", languages = {"deu_Latn", "swh_Latn"})
 * class MultilingualCoverageTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MexaExtension.class)
public @interface MexaEvaluation {

    /** @return a HuggingFace-format checkpoint directory, run over {@link #corpus()}; excludes {@link #embeddings()} */
    String model() default "";

    /**
     * @return a directory of line-aligned {@code <lang>.devtest|.dev|.txt} files, used with {@link #model()}; empty for
     *     the bundled FLORES-200 devtest (first 100 sentences of 204 languages)
     */
    String corpus() default "";

    /**
     * @return directories of precomputed {@code <lang>.safetensors} embeddings, instead of a model and corpus; several
     *     (the exports of a sharded run) are scored as the union of their languages
     */
    String[] embeddings() default {};

    /** @return the language codes to score besides the pivot; empty scores every language found */
    String[] languages() default {};

    /**
     * @return {@code K/N} to embed and score only the K-th of N slices of the sorted languages (the pivot in each),
     *     e.g. one per CI job; {@link MinScore}s on the other slices' languages are left to their runs. Empty for all
     */
    String shard() default "";

    /** @return the pivot language every other language is compared with */
    String pivot() default "eng_Latn";

    /** @return how many leading sentences of each corpus file are embedded (model only) */
    int sentences() default 100;

    /** @return how token states become a sentence embedding: {@code weighted-average} or {@code last-token} */
    String embedding() default "weighted-average";

    /** @return how per-layer scores become one score: {@code mean} or {@code max} */
    String pooling() default "mean";

    /** @return the layers pooling is restricted to, {@code FROM-TO} or {@code FROM-}; empty for every layer */
    String layers() default "";

    /** @return where the model runs: {@code auto}, {@code cpu} or {@code gpu} */
    String device() default "auto";

    /** @return what the model computes in: {@code auto}, {@code float32} or {@code float16} (DJL has no bfloat16) */
    String dtype() default "auto";

    /**
     * @return PyTorch's CPU threads; 0 uses every processor when {@code OMP_WAIT_POLICY=PASSIVE} is in the test JVM's
     *     environment (Surefire's {@code environmentVariables}) and one otherwise
     */
    int threads() default 0;

    /** @return the most padded tokens per forward pass; 0 for a budget from the model's width */
    int batchTokens() default 0;

    /**
     * @return whether an F16 or BF16 checkpoint's matrices stay half precision on the CPU and its token embeddings in
     *     the checkpoint file (same scores)
     */
    boolean halfWeights() default false;

    /** @return whether sentence embeddings are cached between runs (shared with {@code mexa:evaluate}) */
    boolean cache() default true;

    /** @return the embeddings cache directory; empty for {@code ~/.cache/mexa/embeddings} */
    String cacheDirectory() default "";

    /**
     * @return the fewest sentences a language must be scored on for a {@link MinScore} to judge it; with fewer the
     *     tests fail whatever the scores. With n sentences a score's 95% interval is about +-1/sqrt(n): +-0.18 at
     *     the default 30. Lower it only knowingly, for a smoke test on a tiny corpus.
     */
    int minSentences() default 30;

    /** @return whether a missing model, corpus or embeddings directory fails the tests instead of disabling them */
    boolean failIfMissing() default false;
}
