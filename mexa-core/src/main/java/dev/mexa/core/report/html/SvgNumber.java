package dev.mexa.core.report.html;

import java.util.Locale;

/** Formats SVG coordinates compactly: at most one decimal, dot separator, no trailing {@code .0}. */
final class SvgNumber {

    private SvgNumber() {
    }

    /**
     * @param value a coordinate or length
     * @return e.g. {@code 12}, {@code 12.5}
     */
    static String format(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
