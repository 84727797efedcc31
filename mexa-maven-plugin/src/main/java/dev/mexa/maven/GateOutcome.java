package dev.mexa.maven;

import dev.mexa.core.gate.GateResult;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Puts the gate's outcome into the build: one line per violation, then the summary, which fails the build
 * (BUILD FAILURE, not ERROR) when the goal halts on failure and is a warning otherwise.
 */
final class GateOutcome {

    private GateOutcome() {
    }

    /**
     * @param result the gate's result
     * @param haltOnFailure whether a violated rule fails the build
     * @param log the build log, whose lines name the module in a parallel build
     * @throws MojoFailureException with the summary when a rule is violated and the goal halts on failure
     */
    static void apply(GateResult result, boolean haltOnFailure, MavenMexaLog log) throws MojoFailureException {
        if (result.passed()) {
            log.info(result.summary());
            return;
        }
        for (String violation : result.violations()) {
            if (haltOnFailure) {
                log.error(violation);
            } else {
                log.warn(violation);
            }
        }
        if (haltOnFailure) {
            throw new MojoFailureException(result.summary());
        }
        log.warn(result.summary());
    }
}
