package dev.mexa.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The minimum MEXA score one language must reach for the annotated test to pass; on a class it applies to every test
 * of the class (and of its {@code @Nested} classes), and a method's own {@code @MinScore} for the same language
 * overrides it. A test below a minimum fails with the quality gate's lines, e.g. {@code Rule violated for language
 * swh_Latn: MEXA score is 0.21, but expected minimum is 0.30}. Requires {@link MexaEvaluation} on the test class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(MinScores.class)
@ExtendWith(MexaExtension.class)
public @interface MinScore {

    /** @return the language code, e.g. {@code deu_Latn}; must be among the evaluated languages, not the pivot */
    String language();

    /** @return the minimum score, in [0, 1] */
    double value();
}
