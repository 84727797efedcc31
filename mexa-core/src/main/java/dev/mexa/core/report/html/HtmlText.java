package dev.mexa.core.report.html;

/**
 * Escapes text for HTML and SVG markup. Every value that comes from input (language codes, paths, notes, task names,
 * violation messages) goes through {@link #escape} before it reaches the page, in element text and in quoted
 * attribute values alike, so that a language file called {@code <script>.txt} stays text.
 */
final class HtmlText {

    private HtmlText() {
    }

    /**
     * @param value any text, {@code null} allowed
     * @return the text with {@code & < > " '} replaced by character references and control characters other than
     *     tab and newline dropped; {@code null} becomes the empty string
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= ' ' || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
