package dev.mexa.core.gate;

import dev.mexa.core.MexaException;
import java.util.regex.Pattern;

/**
 * Reads and checks the fractions the gate is configured with (scores, thresholds, drops, English task scores):
 * a decimal such as {@code 0.85} or a percentage such as {@code 85%}, always in [0, 1].
 */
public final class Fraction {

    /**
     * Digits with at most one decimal point (a minus sign is read, to say the value is out of range): no exponent,
     * hexadecimal or type suffix, which Java's own parser would accept ({@code 0x1p-1}, {@code 0.5d}, {@code 5e-1}).
     */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private Fraction() {
    }

    /**
     * @param text a plain decimal such as {@code 0.85} or a percentage such as {@code 85%}, surrounding blanks
     *     ignored
     * @param parameter the parameter the value comes from, named in errors, e.g. {@code minScore}
     * @return the value in [0, 1]
     * @throws MexaException naming the parameter when the text is not a number or lies outside [0, 1]
     */
    public static double parse(String text, String parameter) {
        String trimmed = text == null ? "" : text.trim();
        boolean percent = trimmed.endsWith("%");
        String number = percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
        if (!PLAIN_DECIMAL.matcher(number).matches()) {
            throw new MexaException("Invalid " + parameter + " '" + trimmed + "': write a fraction such as 0.85 or a"
                    + " percentage such as 85%.");
        }
        double value = Double.parseDouble(number);
        double fraction = percent ? value / 100 : value;
        if (!inRange(fraction)) {
            throw outOfRange(trimmed, parameter);
        }
        return fraction;
    }

    /**
     * @param value a configured value
     * @param parameter the parameter it comes from, named in errors
     * @return the value
     * @throws MexaException naming the parameter when the value is not in [0, 1]
     */
    public static double require(double value, String parameter) {
        if (!inRange(value)) {
            throw outOfRange(Double.toString(value), parameter);
        }
        return value;
    }

    /**
     * @param value a score or threshold
     * @return whether it lies in [0, 1] (NaN does not)
     */
    public static boolean inRange(double value) {
        return value >= 0 && value <= 1;
    }

    private static MexaException outOfRange(String text, String parameter) {
        return new MexaException("Invalid " + parameter + " '" + text + "': it must lie in [0, 1]; write a fraction"
                + " such as 0.85 or a percentage such as 85%.");
    }
}
