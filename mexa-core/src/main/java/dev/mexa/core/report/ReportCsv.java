package dev.mexa.core.report;

import java.util.List;
import java.util.StringJoiner;

/** Renders {@code mexa-scores.csv}: one row per language, pooled score, gate columns, then one column per layer. */
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
        for (int layer = 0; layer < report.layers(); layer++) {
            header.add("layer_" + layer);
        }
        out.append(header).append('\n');
        for (LanguageResult result : report.languages().values()) {
            out.append(row(result, tasks)).append('\n');
        }
        return out.toString();
    }

    private static String row(LanguageResult result, List<String> tasks) {
        StringJoiner row = new StringJoiner(",");
        row.add(cell(result.language()));
        row.add(Boolean.toString(result.pivot()));
        row.add(Integer.toString(result.sentences()));
        row.add(Double.toString(result.score()));
        row.add(Double.toString(result.interval().lower()));
        row.add(Double.toString(result.interval().upper()));
        row.add(result.threshold() == null ? "" : result.threshold().toString());
        row.add(result.baseline() == null ? "" : result.baseline().toString());
        row.add(result.verdict().name());
        for (String task : tasks) {
            Double estimate = result.estimatedScores().get(task);
            row.add(estimate == null ? "" : estimate.toString());
        }
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
