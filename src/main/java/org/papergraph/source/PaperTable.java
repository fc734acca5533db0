package org.papergraph.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table of a full-text paper as its source gives it: label, caption, rows of cells (with their spans, bold and
 * underline) and the body sentences that refer to it. Immutable; lists are copied and never null. Readers fill it;
 * the table result extractor reads it.
 *
 * @param id       a key for the table unique within its paper and stable across runs (TEI {@code xml:id}, the
 *                 LaTeX {@code \label} or the table's number), never null
 * @param label    how the paper names the table ({@code Table 3}), or null for an unnumbered one
 * @param caption  the caption text, or null
 * @param rows     the rows in source order, each the cells left to right
 * @param mentions body sentences that refer to the table ("as Table 3 shows ..."), in text order
 * @param section  the heading of the section the table is first referred to in (or else appears in), or null
 */
public record PaperTable(String id, String label, String caption, List<List<TableCell>> rows, List<String> mentions,
                         String section) {
    public PaperTable {
        Objects.requireNonNull(id, "id");
        List<List<TableCell>> copy = new ArrayList<>(rows == null ? 0 : rows.size());
        if (rows != null) for (List<TableCell> r : rows) copy.add(List.copyOf(r));
        rows = List.copyOf(copy);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** Most sentences quoted per table: the first ones are the ones that say what the table shows. */
    public static final int MAX_MENTIONS = 6;

    /** The number in a label ("Table 3" → "3", "Table S2" → "S2"), or null. */
    public static String number(String label) {
        if (label == null) return null;
        Matcher m = NUMBER.matcher(label);
        return m.find() ? m.group(1) : null;
    }

    private static final Pattern ROMAN = Pattern.compile("[IVX]+");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z])([A-Z]?\\d+|[IVX]{1,5})\\s*$");

    /**
     * The sentences of {@code body} that name table {@code number} ("Table 3", "Tab. 3", "Tables 2 and 3"), in text
     * order, at most {@link #MAX_MENTIONS}; and the heading each was found under. Used by every full-text reader, so
     * "refers to" means the same in TEI and LaTeX.
     *
     * @param headings start offsets in {@code body} of section headings, with their text, in offset order
     */
    public static Mentions mentions(String body, String number, List<Heading> headings) {
        List<String> out = new ArrayList<>();
        String section = null;
        if (body == null || number == null) return new Mentions(out, null);
        Pattern p = Pattern.compile("(?i)\\bTab(?:le|s?\\.|les)?\\s*(?:[A-Z]?\\d+(?:\\s*(?:,|and|&)\\s*)+)*"
                + Pattern.quote(number) + "(?![\\d.]\\d)(?!\\d)" + (ROMAN.matcher(number).matches() ? "(?![A-Za-z])" : ""));
        Matcher m = p.matcher(body);
        int lastEnd = -1;
        while (m.find() && out.size() < MAX_MENTIONS) {
            if (m.start() < lastEnd) continue;
            // The sentence within its paragraph: a heading before a blank line ends no sentence with a full stop.
            int from = body.lastIndexOf("\n\n", m.start());
            from = from < 0 ? 0 : from + 2;
            int to = body.indexOf("\n\n", m.start());
            String s = Text.sentenceAt(body.substring(from, to < 0 ? body.length() : to), m.start() - from);
            if (s == null || out.contains(s)) continue;
            out.add(s);
            lastEnd = m.end();
            if (section == null) section = headingAt(headings, m.start());
        }
        return new Mentions(out, section);
    }

    /** The text of the last heading at or before {@code offset}, or null. */
    public static String headingAt(List<Heading> headings, int offset) {
        String h = null;
        for (Heading x : headings) {
            if (x.offset() > offset) break;
            h = x.text();
        }
        return h;
    }

    /** A section heading at an offset of the body text. */
    public record Heading(int offset, String text) {}

    /** The sentences that refer to a table and the section the first of them is in. */
    public record Mentions(List<String> sentences, String section) {}
}
