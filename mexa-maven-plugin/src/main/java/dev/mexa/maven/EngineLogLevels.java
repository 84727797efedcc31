package dev.mexa.maven;

import java.util.Properties;

/**
 * Keeps DJL's engine chatter out of a normal build log: its start-up banner (platform, graph optimizer, thread
 * counts) and its GPU probe warnings, which on a CPU machine with a CUDA runtime but no driver say nothing about the
 * user's input. Maven's SLF4J logger reads a logger's level from the system property
 * {@code org.slf4j.simpleLogger.log.<name>} when the logger is created, so the levels are set before DJL's classes
 * load; under {@code mvn -X} nothing is changed and DJL logs at its own levels, and a level the user set is kept.
 */
final class EngineLogLevels {

    static final String DJL = "org.slf4j.simpleLogger.log.ai.djl";
    static final String GPU_PROBE = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

    private EngineLogLevels() {
    }

    /**
     * @param debug whether Maven logs at debug level ({@code -X})
     * @param properties the system properties
     */
    static void quiet(boolean debug, Properties properties) {
        if (!debug) {
            properties.putIfAbsent(DJL, "warn");
            properties.putIfAbsent(GPU_PROBE, "error");
        }
    }
}
