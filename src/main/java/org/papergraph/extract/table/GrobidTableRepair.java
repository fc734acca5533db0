package org.papergraph.extract.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.papergraph.source.PaperTable;
import org.papergraph.source.TableCell;

/**
 * Repairs of GROBID tables whose header or caption ended up in the wrong place, done before the table is laid out
 * ({@link TableGrid}); GROBID TEI only (a LaTeX table's parts are where its author put them).
 * <ul>
 *   <li><b>Caption rows</b>: the caption written as the table's last rows ("Table 1: Evaluation results on NYU
 *       Depth v2. Ours outper-" | "forms previous works ..."): rows of text only from one starting with "Table N"
 *       to the end are taken out; their text is the caption when it is the table's own ("Table N" is its label, or it
 *       has none), and is dropped when it is another table's.</li>
 *   <li><b>Header in the caption</b>: a table whose first row already holds scores, with the header row written
 *       into the caption ({@code figDesc}: "δ>1.25 δ>1.25 2 δ>1.25 3 AbsRel RMSE log10"): when the caption ends in
 *       as many metric names as the data rows hold values (followed, at most, by a few words of the first row's
 *       label, "... AbsRel RMSE log10 Saxena et al."), they become the header row.</li>
 *   <li><b>Two tables in one</b> ({@link #split}): a "Table N." caption row with rows of values above and below it
 *       ends one table and starts another.</li>
 *   <li><b>Header units</b> ({@link #units}): the words of a header row grouped into one name per column when
 *       plain words are too many: a threshold and its power ("δ < 1.25 2" is δ &lt; 1.25², one column) and two
 *       words that only together name a metric ("Abs Rel", "RMSE log").</li>
 * </ul>
 * Stateless.
 */
final class GrobidTableRepair {
    private GrobidTableRepair() {}

    /** "Table 3:", "Table 2.", "TABLE IV" at the start of a row's text. */
    private static final Pattern CAPTION_START = Pattern.compile("(?i)^table\\s+([A-Z]?\\d+|[IVXL]+)\\s*[.:|]");
    /** A comparison in a threshold metric ("δ < 1.25", "δ>1.25", "< 2px"). */
    private static final Pattern COMPARISON = Pattern.compile("^(?:<|>|≤|≥|=|<=|>=)$");
    private static final Pattern THRESHOLD = Pattern.compile(".*(?:<|>|≤|≥)\\s*\\d+(?:\\.\\d+)?(?:\\^\\d)?$");
    /** Words after a caption's metric names that may still be a row label GROBID moved there (not a sentence). */
    private static final int TAIL = 3;

    /** {@code t} with trailing caption rows taken out (and made its caption), then with a header taken from its caption. */
    static PaperTable repair(PaperTable t, Predicate<String> isMetric) {
        return captionRowsOut(headerFromCaption(t, isMetric));
    }

    /**
     * The tables GROBID wrote as one: {@code t} split at a caption row ("Table 2. Evaluation on NYUv2 depth.") that
     * has rows holding values after it, each part repaired ({@link #repair}). The caption, written below its table as
     * in these papers' layout, belongs to the rows above it, which take its number as their label (and the figure's
     * caption, often their header row); the rows below are another table, which keeps the figure's label and
     * citing sentences when that label is not the caption's number. A table with no such row is one part.
     */
    static List<PaperTable> split(PaperTable t, Predicate<String> isMetric) {
        List<List<TableCell>> rows = t.rows();
        for (int r = 1; r < rows.size(); r++) {
            String first = firstText(rows.get(r));
            java.util.regex.Matcher m = first == null ? null : CAPTION_START.matcher(first);
            if (m == null || !m.find()) continue;
            // The caption's own rows: it, and rows of one text cell naming no metric that continue it ("set.").
            int end = r + 1;
            StringBuilder text = new StringBuilder(captionText(rows.get(r)));
            while (end < rows.size() && continuesCaption(rows.get(end), isMetric)) text.append(' ').append(captionText(rows.get(end++)));
            boolean valuesAfter = false;
            for (int q = end; q < rows.size() && !valuesAfter; q++) {
                for (TableCell c : rows.get(q)) valuesAfter |= !c.text().isBlank() && TableGrid.values(c.text()) != null;
            }
            boolean valuesBefore = false;
            for (int q = 0; q < r && !valuesBefore; q++) {
                for (TableCell c : rows.get(q)) valuesBefore |= !c.text().isBlank() && TableGrid.values(c.text()) != null;
            }
            if (!valuesAfter || !valuesBefore) return List.of(repair(t, isMetric));
            String number = m.group(1);
            String label = "Table " + number;
            String words = text.substring(m.end()).strip().replaceAll("(\\p{L})- (\\p{Ll})", "$1$2");
            boolean same = t.label() != null && number.equalsIgnoreCase(PaperTable.number(t.label()));
            PaperTable above = headerFromCaption(new PaperTable(t.id(), label, t.caption(), rows.subList(0, r),
                    same ? t.mentions() : List.of(), t.section()), isMetric);
            String caption = above.caption() == null || above.caption().isBlank() ? words : above.caption().strip() + " " + words;
            above = new PaperTable(above.id(), label, caption, above.rows(), above.mentions(), above.section());
            PaperTable below = new PaperTable(t.id() + "+" + end, same ? null : t.label(), same || t.label() == null ? null : t.caption(),
                    rows.subList(end, rows.size()), same ? List.of() : t.mentions(), t.section());
            List<PaperTable> out = new ArrayList<>();
            out.add(captionRowsOut(above));
            out.addAll(split(below, isMetric));
            return out;
        }
        return List.of(repair(t, isMetric));
    }

    /** Whether a header unit is a threshold metric ("δ>1.25^2", "< 3px"). */
    static boolean isThreshold(String unit) {
        return THRESHOLD.matcher(unit).matches();
    }

    private static boolean continuesCaption(List<TableCell> row, Predicate<String> isMetric) {
        String only = null;
        for (TableCell c : row) {
            if (c.text().isBlank()) continue;
            if (only != null) return false;
            only = c.text().strip();
        }
        if (only == null || TableGrid.values(only) != null || CAPTION_START.matcher(only).find()) return false;
        for (String u : units(only, isMetric, 1)) if (isMetric.test(u) || THRESHOLD.matcher(u).matches()) return false;
        return true;
    }

    private static String captionText(List<TableCell> row) {
        StringBuilder sb = new StringBuilder();
        for (TableCell c : row) if (!c.text().isBlank() && sb.indexOf(c.text().strip()) < 0) sb.append(sb.isEmpty() ? "" : " ").append(c.text().strip());
        return sb.toString();
    }

    /** The table without the caption GROBID wrote as its last rows; its own caption is appended to the caption. */
    static PaperTable captionRowsOut(PaperTable t) {
        List<List<TableCell>> rows = t.rows();
        int start = -1;
        for (int r = 0; r < rows.size(); r++) {
            String first = firstText(rows.get(r));
            if (first != null && CAPTION_START.matcher(first).find()) {
                start = r;
                break;
            }
        }
        if (start < 1) return t;
        StringBuilder text = new StringBuilder();
        for (int r = start; r < rows.size(); r++) {
            for (TableCell c : rows.get(r)) {
                if (c.text().isBlank()) continue;
                // A value in its own cell is a data row: the "Table N" row was not a trailing caption.
                if (TableGrid.values(c.text()) != null) return t;
                if (text.indexOf(c.text()) < 0) text.append(text.isEmpty() ? "" : " ").append(c.text().strip());
            }
        }
        java.util.regex.Matcher m = CAPTION_START.matcher(text);
        boolean own = m.find() && (t.label() == null || m.group(1).equalsIgnoreCase(PaperTable.number(t.label())));
        String caption = t.caption();
        if (own) {
            String words = text.substring(m.end()).strip().replaceAll("(\\p{L})- (\\p{Ll})", "$1$2");
            caption = caption == null || caption.isBlank() ? words : caption.strip() + " " + words;
        }
        return new PaperTable(t.id(), t.label(), caption, rows.subList(0, start), t.mentions(), t.section());
    }

    /**
     * The table with a header row made of the metric names its caption ends in, when its first row already holds
     * values, and most rows hold the same number m of values, and the caption's last m units ({@link #units}) are
     * all metric names or thresholds; else the table as it is.
     */
    static PaperTable headerFromCaption(PaperTable t, Predicate<String> isMetric) {
        if (t.caption() == null || t.rows().size() < 2) return t;
        List<List<TableCell>> rows = t.rows();
        if (TableGrid.labelsAndValues(TableGrid.labelThenValues(rows.get(0))) == null) return t;
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        int dataRows = 0, labels = -1;
        for (List<TableCell> row : rows) {
            int[] lv = TableGrid.labelsAndValues(TableGrid.labelThenValues(row));
            if (lv == null) continue;
            dataRows++;
            counts.merge(lv[1], 1, Integer::sum);
            if (labels < 0) labels = lv[0];
        }
        int m = 0;
        for (java.util.Map.Entry<Integer, Integer> e : counts.entrySet()) if (m == 0 || e.getValue() > counts.get(m)) m = e.getKey();
        if (m < 2 || 2 * counts.get(m) < dataRows || labels < 1) return t;
        List<String> units = units(t.caption(), isMetric, m);
        if (units.size() < m) return t;
        // The metric names end the caption, or are followed by a few words only: the first row's label, which GROBID
        // sometimes writes into the caption after the header ("... AbsRel RMSE log10 Saxena et al.").
        List<String> header = null;
        for (int tail = 0; tail <= TAIL && units.size() - tail >= m && header == null; tail++) {
            List<String> h = units.subList(units.size() - tail - m, units.size() - tail);
            boolean all = true;
            for (String x : h) all &= isMetric.test(x) || THRESHOLD.matcher(x).matches();
            boolean tailText = true;
            for (String x : units.subList(units.size() - tail, units.size())) tailText &= !isMetric.test(x) && !THRESHOLD.matcher(x).matches();
            if (all && tailText) header = h;
        }
        if (header == null) return t;
        List<TableCell> row = new ArrayList<>();
        for (int k = 0; k < labels; k++) row.add(TableCell.of(""));
        for (String h : header) row.add(TableCell.of(h));
        List<List<TableCell>> out = new ArrayList<>(rows.size() + 1);
        out.add(row);
        out.addAll(rows);
        return new PaperTable(t.id(), t.label(), t.caption(), out, t.mentions(), t.section());
    }

    /**
     * The words of {@code text} grouped into header units: a comparison with both its sides ("δ < 1.25"), a lone
     * digit after a threshold as its power ("δ < 1.25 2" → "δ < 1.25^2"); then, while there are more than
     * {@code want} units, from the right, two neighbours that only together name a metric ("Abs Rel", "RMSE log").
     */
    static List<String> units(String text, Predicate<String> isMetric, int want) {
        List<String> out = new ArrayList<>();
        boolean open = false;
        for (String w : text.strip().split("\\s+")) {
            if (w.isEmpty()) continue;
            if (COMPARISON.matcher(w).matches() && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + w);
                open = true;
            } else if (open) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + w);
                open = false;
            } else if (w.matches("[1-4]") && !out.isEmpty() && THRESHOLD.matcher(out.get(out.size() - 1)).matches()
                    && !out.get(out.size() - 1).contains("^")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "^" + w);
            } else {
                out.add(w);
            }
        }
        for (int i = out.size() - 1; i > 0 && out.size() > want; i--) {
            String a = out.get(i - 1), b = out.get(i);
            if (!isMetric.test(b) && !THRESHOLD.matcher(b).matches() && isMetric.test(a + " " + b)) {
                out.set(i - 1, a + " " + b);
                out.remove(i);
            }
        }
        return out;
    }

    private static String firstText(List<TableCell> row) {
        for (TableCell c : row) if (!c.text().isBlank()) return c.text().strip();
        return null;
    }

}
