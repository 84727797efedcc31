package dev.mexa.core.evaluate;

import dev.mexa.core.MexaLog;
import dev.mexa.core.report.MexaReport;

/**
 * Embeds and scores what an {@link EvaluationRequest} asks for, and returns the ungated report: the step that may run
 * elsewhere. {@link InProcessExecutor} runs it in this JVM; a forked-JVM scorer (its own environment, heap and threads,
 * a native abort kept away from the build) implements this interface and returns the report it reads back.
 *
 * <p>An implementation checks the request against its input ({@link EvaluationPlan}, the gate rules) before anything
 * heavy runs, so that a configuration error never costs a model load.
 */
public interface EvaluationExecutor {

    /**
     * @param request a checked request
     * @param log progress lines and warnings
     * @return the ungated report
     * @throws dev.mexa.core.MexaException naming the setting or file at fault
     */
    MexaReport score(EvaluationRequest request, MexaLog log);
}
