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
 *       as many metric names as the data rows hold values, they become the header row.</li>
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

    /** {@code t} with trailing caption rows taken out (and made its caption), then with a header taken from its caption. */
    static PaperTable repair(PaperTable t, Predicate<String> isMetric) {
        return captionRowsOut(headerFromCaption(t, isMetric));
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
        List<String> header = units.subList(units.size() - m, units.size());
        for (String h : header) if (!isMetric.test(h) && !THRESHOLD.matcher(h).matches()) return t;
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
