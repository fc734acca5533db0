package org.papergraph.extract;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number a leaderboard cell holds, read the way people write scores: {@code 91.2}, {@code 91.2%},
 * {@code 2.46 (±0.1)}, {@code 78.0 (average of 3 splits)} (one parenthesised note after the number), {@code 85.1 ± 0.3}, {@code 1,234.5} (thousands), {@code 74,2} (decimal comma: one or two
 * digits after it), {@code 1.82M} / {@code 24K} / {@code 1.5B} (multipliers, upper case M and B only, and k or K),
 * with markdown bold ({@code **70.3**}), footnote stars and a byte-order mark around it ignored.
 *
 * <p>Not numbers, on purpose, so only the raw string is stored: missing marks ({@code -}, {@code N/A}), words,
 * pairs ({@code 78.6/84.4}, {@code 94.6 (14 gestures), 91.9 (28 gestures)}: which one is the score is not said), bounds ({@code >1,400}), ratios ({@code 87:1}),
 * and a lower-case {@code m} suffix (million parameters or metres or minutes: the cell does not say).
 *
 * @param value   the number, multipliers applied
 * @param percent whether the cell had a percent sign
 */
public record ResultValue(BigDecimal value, boolean percent) {
    private static final Pattern NUMBER = Pattern.compile(
            "([-+\u2212]?)(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+,\\d{1,2}|\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([-+]?\\d+))?"
                    + "\\s*([kKMB])?\\s*(%{1,2})?"
                    + "\\s*(?:\\([^()]*\\)|(?:±|\\+/-|\\+-)\\s*[\\d.]+\\s*%?)?");

    /** The number in {@code raw}, or empty when the cell holds none (or more than one). */
    public static Optional<ResultValue> parse(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.replace("\uFEFF", "").strip();
        if (s.startsWith("**") && s.endsWith("**") && s.length() > 4) s = s.substring(2, s.length() - 2).strip();
        while (s.endsWith("*")) s = s.substring(0, s.length() - 1).strip();
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) return Optional.empty();
        String digits = m.group(2);
        if (digits.matches("\\d+,\\d{1,2}")) digits = digits.replace(',', '.');
        else digits = digits.replace(",", "");
        BigDecimal v = new BigDecimal(digits);
        if (m.group(3) != null) v = v.scaleByPowerOfTen(Integer.parseInt(m.group(3)));
        if (m.group(4) != null) {
            v = v.multiply(switch (m.group(4)) {
                case "k", "K" -> BigDecimal.valueOf(1_000);
                case "M" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(1_000_000_000);
            });
        }
        if (!m.group(1).isEmpty() && !m.group(1).equals("+")) v = v.negate();
        return Optional.of(new ResultValue(v, m.group(5) != null));
    }

    /** The value as an xsd:decimal lexical form (plain notation, no exponent). */
    public String lexical() {
        String p = value.stripTrailingZeros().toPlainString();
        return p.equals("-0") ? "0" : p;
    }
}
