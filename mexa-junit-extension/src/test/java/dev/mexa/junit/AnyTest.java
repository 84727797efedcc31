package dev.mexa.junit;

import org.junit.jupiter.api.Test;

/** An example class with one empty test, for cases where only the class's annotations matter. */
abstract class AnyTest {

    @Test
    void anything() {
    }
}
