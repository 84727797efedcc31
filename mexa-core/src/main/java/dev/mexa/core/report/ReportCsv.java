package dev.mexa.core.report;

import java.util.List;
import java.util.StringJoiner;

/**
 * Renders {@code mexa-scores.csv}: one row per language (pooled score, gate columns, estimated task scores, both
 * poolings, then one column per layer), and a footer of two rows, {@code average} over the scored languages and
 * {@code average_gated} over the gated ones (the pivot excluded from both; empty cells where there is none).
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    /**
     * @param report the report
     * @return CSV text with a header row, RFC 4180 quoting where needed and text cells defused against formulas
     */
    public static String toCsv(MexaReport report) {
        StringBuilder out = new StringBuilder();
        StringJoiner header = new StringJoiner(",");
        for (String column : new String[] {"language", "pivot", "sentences", "score", "score_lower", "score_upper",
            "threshold", "baseline", "verdict"}) {
            header.add(column);
        }
        List<String> tasks = report.languages().values().stream()
                .flatMap(result -> result.estimatedScores().keySet().stream()).distinct().sorted().toList();
        for (String task : tasks) {
            header.add(cell("estimated_" + task));
        }
        header.add("score_mean").add("score_max");
        for (int layer = 0; layer < report.layers(); layer++) {
            header.add("layer_" + layer);
        }
        out.append(header).append('\n');
        for (LanguageResult result : report.languages().values()) {
            out.append(row(report, result, tasks)).append('\n');
        }
        ReportAverages averages = ReportAverages.of(report);
        String taskCells = ",".repeat(tasks.size());
        String layerCells = ",".repeat(report.layers());
        out.append(footer("average", averages.scored(), taskCells, averages.mean(), averages.max()))
                .append(layerCells).append('\n');
        out.append(footer("average_gated", averages.gated(), taskCells, null, null)).append(layerCells)
                .append('\n');
        return out.toString();
    }

    private static String footer(String label, Double score, String taskCells, Double mean, Double max) {
        return label + ",,," + value(score) + ",,,,,," + taskCells + value(mean) + "," + value(max);
    }

    private static String value(Double number) {
        return number == null ? "" : number.toString();
    }

    private static String row(MexaReport report, LanguageResult result, List<String> tasks) {
        StringJoiner row = new StringJoiner(",");
        row.add(cell(result.language()));
        row.add(Boolean.toString(result.pivot()));
        row.add(Integer.toString(result.sentences()));
        row.add(Double.toString(result.score()));
        row.add(Double.toString(result.interval().lower()));
        row.add(Double.toString(result.interval().upper()));
        row.add(value(result.threshold()));
        row.add(value(result.baseline()));
        row.add(result.verdict().name());
        for (String task : tasks) {
            row.add(value(result.estimatedScores().get(task)));
        }
        PooledScores pooled = PooledScores.of(report, result);
        row.add(value(pooled.mean()));
        row.add(value(pooled.max()));
        for (double value : result.layerScores()) {
            row.add(Double.toString(value));
        }
        return row.toString();
    }

    /**
     * A text cell: quoted as RFC 4180 says when it holds a comma, quote or line break, and defused when it starts
     * like a spreadsheet formula ({@code = + - @}, tab or carriage return) by a leading apostrophe inside quotes,
     * so that opening the file never runs it.
     */
    static String cell(String value) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        String text = formula ? "'" + value : value;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
