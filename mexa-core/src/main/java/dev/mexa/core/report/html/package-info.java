/**
 * The self-contained HTML report, {@code mexa-report.html}: header, bar chart of pooled scores against thresholds,
 * heatmap of per-layer scores and a sortable, filterable table, with FLORES-200 language names. Entry point:
 * {@link dev.mexa.core.report.html.HtmlReport#render}.
 */
package dev.mexa.core.report.html;
