package dev.mexa.junit;

import java.util.Properties;

/**
 * Keeps SLF4J's "no providers" notice out of test runs that have no SLF4J binding. The extension brings none: DJL
 * logs through the test project's own binding when it has one (its configuration decides what shows), and when it
 * has none, SLF4J drops DJL's lines as it always does, without the notice.
 */
final class Slf4jNotice {

    static final String VERBOSITY = "slf4j.internal.verbosity";
    private static final String PROVIDERS = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
    private static final String SLF4J_1_BINDING = "org/slf4j/impl/StaticLoggerBinder.class";

    private Slf4jNotice() {
    }

    /**
     * Sets SLF4J's internal verbosity to errors only, unless a binding is on the class path, a provider is named by
     * {@code slf4j.provider}, or the verbosity is already set. Must run before SLF4J starts.
     *
     * @param classLoader the loader SLF4J will search
     * @param properties the system properties
     */
    static void quietWithoutBinding(ClassLoader classLoader, Properties properties) {
        boolean bound = classLoader.getResource(PROVIDERS) != null || classLoader.getResource(SLF4J_1_BINDING) != null
                || properties.getProperty("slf4j.provider") != null;
        if (!bound) {
            properties.putIfAbsent(VERBOSITY, "ERROR");
        }
    }
}
