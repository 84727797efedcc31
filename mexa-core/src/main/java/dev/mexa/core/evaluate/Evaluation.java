package dev.mexa.core.evaluate;

import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.corpus.Shard;
import dev.mexa.core.gate.EstimatedScores;
import dev.mexa.core.gate.GateResult;
import dev.mexa.core.gate.GateRules;
import dev.mexa.core.gate.QualityGate;
import dev.mexa.core.report.MexaReport;
import dev.mexa.core.report.ReportJson;
import dev.mexa.core.report.ReportWriter;
import dev.mexa.core.report.ScoreTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one path from a request to a result that both front ends take: an {@link EvaluationExecutor} scores the
 * request, then the report gets its estimated task scores and is gated. A front end maps its parameters onto an
 * {@link EvaluationRequest} and the {@link GateResult} onto its own outcome (a build failure, a failed test).
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * @param request a checked request
     * @param executor where the scoring runs
     * @param log progress lines and warnings, the request's own first
     * @return the gated result
     * @throws dev.mexa.core.MexaException naming the setting or file at fault
     */
    public static GateResult run(EvaluationRequest request, EvaluationExecutor executor, MexaLog log) {
        request.warnings().forEach(log::warn);
        MexaReport scored = executor.score(request, log);
        return judge(scored, shardRules(request.gate(), request.settings().shard(), scored, log),
                request.englishScores());
    }

    /**
     * The rules a shard's run judges its report with. A threshold on a requested language of another shard is that
     * shard's to judge (the plan has checked that it names a requested language), so it is left out here, with one
     * line saying so; {@code minScore}, {@code maxDrop} and the other thresholds judge the languages this run scored.
     * As every rule judges one language at a time, the shards' runs together pass exactly when one whole run would.
     *
     * @param rules the request's rules
     * @param shard the request's shard
     * @param scored the shard's ungated report
     * @param log where the line naming the thresholds left to other shards goes
     * @return the rules to judge {@code scored} with; a whole run's as they are
     */
    public static GateRules shardRules(GateRules rules, Shard shard, MexaReport scored, MexaLog log) {
        if (shard.isWhole()) {
            return rules;
        }
        List<String> elsewhere = rules.thresholds().keySet().stream()
                .filter(language -> !scored.languages().containsKey(language)).sorted().toList();
        if (!elsewhere.isEmpty()) {
            log.info("Shard " + shard + " leaves the thresholds of " + String.join(", ", elsewhere) + " to the"
                    + " shards that score them.");
        }
        return rules.withoutThresholds(elsewhere);
    }

    /**
     * Gates a scored report without any model: the second half of {@link #run}, and all that gating a recorded
     * {@code mexa-report.json} needs.
     *
     * @param scored an ungated report
     * @param gate the rules
     * @param englishScores the model's English score per task; empty for none
     * @return the gated result
     * @throws dev.mexa.core.MexaException when a rule cannot apply to the report
     */
    public static GateResult judge(MexaReport scored, GateRules gate, Map<String, Double> englishScores) {
        return QualityGate.check(EstimatedScores.apply(scored, englishScores), gate);
    }

    /**
     * Removes an earlier run's reports from the output directory; a front end calls this before anything else, so
     * that a run that fails, is interrupted or killed leaves no report that looks like its own.
     *
     * @param directory where the reports go
     * @param log where the removal is noted
     * @throws dev.mexa.core.MexaException naming the file when a report cannot be removed
     */
    public static void removePreviousReports(Path directory, MexaLog log) {
        if (!ReportWriter.removePrevious(directory).isEmpty()) {
            log.info("Removed the previous MEXA reports from " + directory);
        }
    }

    /**
     * Gates a recorded {@code mexa-report.json} again with new rules, without any model: the verdicts, thresholds
     * and baselines it holds are replaced by those of {@code gate}; its scores are kept as they are.
     *
     * @param report the recorded report
     * @param gate the rules
     * @param englishScores the model's English score per task; empty to keep the estimates the report holds
     * @return the gated result
     * @throws dev.mexa.core.MexaException naming {@code report (mexa.report)} when the file is not a MEXA report, or
     *     the rule that cannot apply to it
     */
    public static GateResult check(Path report, GateRules gate, Map<String, Double> englishScores) {
        MexaReport recorded;
        try {
            recorded = ReportJson.read(report);
        } catch (MexaException e) {
            throw new MexaException("Invalid report (mexa.report): " + e.getMessage(), e);
        }
        return judge(recorded, gate, englishScores);
    }

    /**
     * Logs the score table and writes the reports.
     *
     * @param report a (gated) report
     * @param directory where the reports go
     * @param log where the table goes
     */
    public static void publish(MexaReport report, Path directory, MexaLog log) {
        ScoreTable.lines(report).forEach(log::info);
        ReportWriter.write(report, directory);
        log.info("MEXA reports written to " + directory);
    }
}
