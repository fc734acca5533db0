package org.papergraph.extract.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The score a table cell holds, read the way tables write them: {@code 91.2}, {@code .313}, {@code 91.2%},
 * {@code 85.1 ± 0.3}, {@code 85.1±0.3}, {@code 85.1 (0.3)}, {@code 1,234.5}, {@code 27.3M}, with footnote marks
 * ({@code *}, {@code †}, {@code ‡}, {@code §}, a superscript letter or digit written after a caret or as
 * "84.2^a"), arrows and citation markers ({@code [12]}) around it ignored. A cell holding two scores separated by
 * a slash ({@code 33.66/0.9299}) reads as two values when its column header names two metrics the same way
 * ({@link #values}).
 *
 * <p>Not scores: empty cells, dashes, words, relative changes written with a sign ({@code +1.2}: a gain, not a
 * score), ranges ({@code 3-5}) and cells with several numbers not separated as above. Kept apart from the abstract
 * {@code ResultValue}, whose rules are being rewritten: the two could share one parser (see the report).
 *
 * @param value    the number, multiplier applied
 * @param percent  whether the cell had a percent sign
 * @param interval the ± half-width or parenthesised deviation, or null
 */
public record CellValue(BigDecimal value, boolean percent, BigDecimal interval) {
    private static final Pattern NUMBER = Pattern.compile(
            "^([-\u2212]?)(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([kKMB](?![a-zA-Z]))?\\s*(%)?");
    private static final Pattern INTERVAL = Pattern.compile("^(?:±|\\+/-|\\+-|\\\\pm)\\s*(\\d*\\.?\\d+)\\s*%?|^\\(\\s*±?\\s*(\\d*\\.?\\d+)\\s*%?\\s*\\)");
    /** What may follow a score in its cell: footnote marks, arrows, a citation, a superscript. */
    private static final Pattern TRAILER = Pattern.compile("^(?:[*†‡§¶#⋆∗✝♠♣♦♥△▲▽▼↑↓⇑⇓✓✗°]|\\^\\{?[a-z0-9*†‡]{1,3}\\}?|\\[[\\d, ]+\\]|\\s)*$");
    private static final Pattern LEADER = Pattern.compile("^[*†‡§#⋆~≈(\\s]*");

    /** The score in {@code cell}, or null when it holds none (or more than one). */
    public static CellValue parse(String cell) {
        if (cell == null) return null;
        String s = cell.strip();
        if (s.isEmpty() || s.length() > 40) return null;
        Matcher lead = LEADER.matcher(s);
        int p = lead.find() ? lead.end() : 0;
        boolean paren = s.substring(0, p).contains("(");
        String rest = s.substring(p);
        if (rest.startsWith("+")) return null;
        Matcher m = NUMBER.matcher(rest);
        if (!m.find()) return null;
        String digits = m.group(2).replace(",", "");
        BigDecimal v;
        try {
            v = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return null;
        }
        if (m.group(3) != null) {
            v = v.multiply(switch (m.group(3)) {
                case "k", "K" -> BigDecimal.valueOf(1_000);
                case "M" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(1_000_000_000);
            });
        }
        if (!m.group(1).isEmpty()) v = v.negate();
        boolean percent = m.group(4) != null;
        String tail = rest.substring(m.end()).strip();
        BigDecimal interval = null;
        Matcher iv = INTERVAL.matcher(tail);
        if (iv.find()) {
            String w = iv.group(1) != null ? iv.group(1) : iv.group(2);
            try {
                interval = new BigDecimal(w);
            } catch (NumberFormatException e) {
                return null;
            }
            tail = tail.substring(iv.end()).strip();
        }
        if (paren && tail.startsWith(")")) tail = tail.substring(1).strip();
        if (!percent && tail.startsWith("%")) {
            percent = true;
            tail = tail.substring(1).strip();
        }
        if (!TRAILER.matcher(tail).matches()) return null;
        return new CellValue(v, percent, interval);
    }

    /**
     * The scores of a cell that may hold {@code expected} of them separated by slashes ({@code 37.8/0.96} under
     * "PSNR/SSIM"); an empty list when it does not hold exactly that many.
     */
    public static List<CellValue> values(String cell, int expected) {
        List<CellValue> out = new ArrayList<>();
        if (expected <= 1) {
            CellValue v = parse(cell);
            if (v != null) out.add(v);
            return out;
        }
        String[] parts = cell.split("\\s*/\\s*");
        if (parts.length != expected) return out;
        for (String part : parts) {
            CellValue v = parse(part);
            if (v == null) return List.of();
            out.add(v);
        }
        return out;
    }

    /** The value as an xsd:decimal lexical form (plain notation, no exponent). */
    public String lexical() {
        String p = value.stripTrailingZeros().toPlainString();
        return p.equals("-0") ? "0" : p;
    }
}
