package dev.mexa.core.report;

import java.util.List;

/**
 * Renders {@code mexa-summary.md}: a short table fit for a CI job page, with pass/fail marks, then the gate's
 * violation lines and the report's notes.
 */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    /**
     * @param report the report
     * @return Markdown text
     */
    public static String toMarkdown(MexaReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# MEXA summary\n\n");
        if (!report.gated().isEmpty()) {
            out.append("**").append(report.gateSummary()).append("**\n\n");
        }
        out.append("Model: ").append(code(String.valueOf(report.model()))).append("  \n");
        if (report.corpus() != null) {
            out.append("Corpus: ").append(code(report.corpus())).append("  \n");
        }
        out.append("Pivot: ").append(escape(report.pivot())).append(", embedding: ").append(report.embedding())
                .append(", pooling: ").append(report.pooling()).append(", sentences: ").append(report.sentences())
                .append(", layers: ").append(report.layers()).append("\n\n");
        out.append("The gate uses the ").append(report.pooling()).append("-pooled score.\n\n");
        out.append("| | Language | Score | 95% interval | Threshold | Baseline | Mean-pooled | Max-pooled |\n");
        out.append("|---|---|---:|---|---:|---:|---:|---:|\n");
        for (LanguageResult result : report.languages().values()) {
            PooledScores pooled = PooledScores.of(report, result);
            out.append("| ").append(mark(result)).append(" | ").append(escape(result.language())).append(" | ")
                    .append(ScoreFormat.score(result.score())).append(" | ")
                    .append(ScoreFormat.score(result.interval().lower())).append("–")
                    .append(ScoreFormat.score(result.interval().upper())).append(" | ")
                    .append(result.threshold() == null ? "" : ScoreFormat.brief(result.threshold())).append(" | ")
                    .append(optional(result.baseline())).append(" | ").append(optional(pooled.mean())).append(" | ")
                    .append(optional(pooled.max())).append(" |\n");
        }
        out.append('\n').append(escape(ReportAverages.of(report).sentence())).append('\n');
        List<String> violations = report.failures().stream().flatMap(result -> result.violations().stream()).toList();
        if (!violations.isEmpty()) {
            out.append("\n");
            violations.forEach(violation -> out.append("- ").append(escape(violation)).append('\n'));
        }
        if (!report.notes().isEmpty()) {
            out.append("\n");
            report.notes().forEach(note -> out.append("- ").append(escape(note)).append('\n'));
        }
        return out.toString();
    }

    private static String optional(Double score) {
        return score == null ? "" : ScoreFormat.score(score);
    }

    private static String mark(LanguageResult result) {
        VerdictLabel label = VerdictLabel.of(result);
        return switch (label) {
            case PASS -> "✅ " + label.text();
            case FAIL -> "❌ " + label.text();
            case NOT_GATED, PIVOT -> label.text();
        };
    }

    /**
     * Text as literal Markdown on one line: what could open a link, an image, a code span or a table cell
     * ({@code [ ] ` | \\}) is backslash-escaped, HTML is written as entities, and line breaks become spaces so a
     * table row stays one row.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r' -> out.append(' ');
                default -> {
                    if ("\\`[]|".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** Text as an inline code span on one line, fenced by more backticks than it holds in a row. */
    static String code(String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ');
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        String padding = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + padding + line + padding + fence;
    }
}
