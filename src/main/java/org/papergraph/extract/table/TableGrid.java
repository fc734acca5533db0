package org.papergraph.extract.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.papergraph.source.PaperTable;
import org.papergraph.source.TableCell;

/**
 * A table laid out as a rectangle: every grid position holds the cell that covers it, so a
 * {@code \multicolumn} header sits above each column it spans and a {@code \multirow} label beside each row.
 * Two repairs for GROBID's tables, which often merge neighbouring cells: a header cell spanning k columns whose
 * text is k metric names ("MR MRR" over two columns) is split into k cells, and in a row narrower than the table a
 * cell holding several numbers ("1116 .459 .360") is split into one cell per number, as far as the table is wide.
 * Immutable once built.
 */
final class TableGrid {
    /** One source cell: its text, style, and a number shared by every position it covers. */
    record Cell(String text, boolean bold, boolean underline, int id, int sourceColumn) {}

    static final Cell EMPTY = new Cell("", false, false, -1, -1);

    final Cell[][] at;
    final int rows;
    final int columns;

    private TableGrid(Cell[][] at, int columns) {
        this.at = at;
        this.rows = at.length;
        this.columns = columns;
    }

    /**
     * The layout of {@code t}; {@code isMetric} tells which words are metric names (for the split of header cells).
     * {@code merged}: the table comes from a source that merges cells (GROBID), so cells of a label and numbers
     * are split too, and header rows narrower than the table, which lack the empty corner cell, are padded on the
     * left.
     */
    static TableGrid of(PaperTable t, Predicate<String> isMetric, boolean merged) {
        List<List<TableCell>> src = new ArrayList<>();
        List<List<TableCell>> rows = merged ? realigned(t.rows(), isMetric) : t.rows();
        for (List<TableCell> row : rows) src.add(splitHeaders(row, isMetric, merged));
        int width = 0;
        for (List<TableCell> row : src) width = Math.max(width, span(row));
        for (int r = 0; r < src.size(); r++) src.set(r, splitNumbers(src.get(r), width, merged));
        width = 0;
        for (List<TableCell> row : src) width = Math.max(width, span(row));
        width = Math.min(width, 200);
        if (merged) {
            // Header rows (before the first row holding a number) that are one cell short lack the corner cell.
            for (int r = 0; r < src.size(); r++) {
                List<TableCell> row = src.get(r);
                boolean numbers = false;
                for (TableCell c : row) numbers |= CellValue.parse(c.text()) != null;
                if (numbers) break;
                if (span(row) == width - 1) {
                    List<TableCell> padded = new ArrayList<>(row.size() + 1);
                    padded.add(TableCell.of(""));
                    padded.addAll(row);
                    src.set(r, padded);
                }
            }
        }
        Cell[][] at = new Cell[src.size()][width];
        int id = 0;
        for (int r = 0; r < src.size(); r++) {
            int c = 0;
            int k = 0;
            for (TableCell cell : src.get(r)) {
                // An empty cell where a row span from above already is: LaTeX writes that place out, as "&".
                if (c < width && at[r][c] != null && cell.text().isEmpty() && cell.columns() == 1) {
                    c++;
                    continue;
                }
                while (c < width && at[r][c] != null) c++;
                if (c >= width) break;
                Cell placed = new Cell(cell.text(), cell.bold(), cell.underline(), id++, k++);
                for (int dr = 0; dr < cell.rows() && r + dr < at.length; dr++) {
                    for (int dc = 0; dc < cell.columns() && c + dc < width; dc++) {
                        if (at[r + dr][c + dc] == null) at[r + dr][c + dc] = placed;
                    }
                }
                c += cell.columns();
            }
            for (int x = 0; x < width; x++) if (at[r][x] == null) at[r][x] = EMPTY;
        }
        return new TableGrid(at, width);
    }

    /** Words naming the row-label column in a header ("Method", "Model"), not a group of score columns. */
    private static final java.util.regex.Pattern CORNER = java.util.regex.Pattern.compile(
            "(?i)^(?:methods?|models?|approach(?:es)?|baselines?|algorithms?|systems?|networks?|graph models|architectures?|settings?|datasets?)$");

    /**
     * GROBID's spans are often wrong: "MR MRR @10 @3" over three columns, ".501 .356 .237" over two. When most data
     * rows hold the same number m of values and the last header row holds m words (after the row labels'), the
     * table is laid out again by counting: the last header row one cell per word, each such data row its label
     * cells and one cell per value, and each header row above spreads its k named cells over m/k columns each
     * (when k divides m). Tables whose cells already hold one word or value per column are left as they are.
     */
    static List<List<TableCell>> realigned(List<List<TableCell>> rows, Predicate<String> isMetric) {
        int firstData = -1;
        for (int r = 0; r < rows.size() && firstData < 0; r++) {
            for (TableCell c : rows.get(r)) if (!c.text().isBlank() && values(c.text()) != null) { firstData = r; break; }
        }
        if (firstData < 1) return rows;
        rows = new ArrayList<>(rows);
        for (int r = firstData; r < rows.size(); r++) rows.set(r, labelThenValues(rows.get(r)));
        // Value counts of the data rows: label cells first (text), then cells of values only.
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        int dataRows = 0, labels = -1;
        boolean inconsistent = false;
        for (int r = firstData; r < rows.size(); r++) {
            int[] lv = labelsAndValues(rows.get(r));
            if (lv == null) continue;
            dataRows++;
            counts.merge(lv[1], 1, Integer::sum);
            if (labels < 0) labels = lv[0];
            inconsistent |= lv[2] == 1;
        }
        if (dataRows == 0 || labels < 0) return rows;
        int m = 0;
        for (java.util.Map.Entry<Integer, Integer> e : counts.entrySet()) if (m == 0 || e.getValue() > counts.get(m)) m = e.getKey();
        if (m < 2 || 2 * counts.get(m) < dataRows) return rows;
        // The last header row's words: the row labels' header first (when it has one more word), then one per column.
        List<TableCell> leaf = rows.get(firstData - 1);
        List<TableCell> words = new ArrayList<>();
        for (TableCell c : leaf) {
            String[] w = c.text().isBlank() ? new String[0] : c.text().strip().split("\\s+");
            // A cell that is one header unit per column it spans ("Abs Rel", "δ < 1.25^2") keeps its words together.
            List<String> units = c.text().isBlank() ? List.of() : GrobidTableRepair.units(c.text(), isMetric, c.columns());
            if (units.size() == c.columns() && w.length != c.columns()) w = units.toArray(new String[0]);
            if (w.length != c.columns()) inconsistent = true;
            for (String x : w) words.add(new TableCell(x, 1, 1, c.bold(), c.underline()));
        }
        if (!inconsistent) return rows;
        int extra = words.size() - m;
        if (extra > labels) {
            // More words than columns: group them into header units ("δ < 1.25 2", "RMSE log"), one per column.
            StringBuilder all = new StringBuilder();
            for (TableCell w : words) all.append(all.isEmpty() ? "" : " ").append(w.text());
            List<TableCell> grouped = new ArrayList<>();
            // With no word for the row labels' column, all of them metric names: exactly one unit per value column.
            List<String> units = GrobidTableRepair.units(all.toString(), isMetric, m);
            boolean allMetrics = units.size() == m;
            for (String u : units) allMetrics &= isMetric.test(u) || GrobidTableRepair.isThreshold(u);
            if (!allMetrics) units = GrobidTableRepair.units(all.toString(), isMetric, m + labels);
            for (String u : units) grouped.add(TableCell.of(u));
            words = grouped;
            extra = words.size() - m;
        }
        if (extra < 0 || extra > labels) return rows;
        List<List<TableCell>> out = new ArrayList<>(rows.size());
        for (int r = 0; r < firstData - 1; r++) out.add(spread(rows.get(r), labels, m, words.subList(extra, words.size())));
        List<TableCell> header = new ArrayList<>();
        for (int k = 0; k < labels - extra; k++) header.add(TableCell.of(""));
        header.addAll(words);
        out.add(header);
        for (int r = firstData; r < rows.size(); r++) {
            List<TableCell> row = rows.get(r);
            int[] lv = labelsAndValues(row);
            if (lv == null || lv[1] != m || lv[0] != labels) {
                out.add(row);
                continue;
            }
            List<TableCell> laid = new ArrayList<>(row.subList(0, labels));
            for (TableCell c : row.subList(labels, row.size())) {
                for (String v : values(c.text())) laid.add(new TableCell(v, 1, 1, c.bold(), c.underline()));
            }
            out.add(laid);
        }
        return out;
    }

    /**
     * A data row whose last label cell also holds the first values ("DPT-Hybrid 0.959 | 0.995 | ..."): that cell
     * split into its label and one cell of the values. Other rows as they are.
     */
    static List<TableCell> labelThenValues(List<TableCell> row) {
        for (int i = 0; i < row.size(); i++) {
            TableCell c = row.get(i);
            if (c.text().isBlank()) continue;
            if (values(c.text()) != null) return row;
            String[] w = c.text().strip().split("\\s+");
            int k = w.length;
            while (k > 1 && values(String.join(" ", java.util.Arrays.copyOfRange(w, k - 1, w.length))) != null) k--;
            if (k == w.length) continue;
            // The cells after it must be values only: then the tail of this cell is the row's first values.
            for (int j = i + 1; j < row.size(); j++) if (!row.get(j).text().isBlank() && values(row.get(j).text()) == null) return row;
            List<TableCell> out = new ArrayList<>(row.subList(0, i));
            out.add(new TableCell(String.join(" ", java.util.Arrays.copyOfRange(w, 0, k)), 1, c.rows(), c.bold(), c.underline()));
            out.add(new TableCell(String.join(" ", java.util.Arrays.copyOfRange(w, k, w.length)), Math.max(1, c.columns() - 1), c.rows(), c.bold(), c.underline()));
            out.addAll(row.subList(i + 1, row.size()));
            return out;
        }
        return row;
    }

    /**
     * A header row above the last: its k named cells (after the label columns) over m/k columns each, when k divides
     * m and the last header row repeats with that period ("MR MRR @10" under each of "WN18" and "FB15k"); else the row
     * as it is.
     */
    private static List<TableCell> spread(List<TableCell> row, int labels, int m, List<TableCell> leaf) {
        List<TableCell> named = new ArrayList<>();
        for (TableCell c : row) if (!c.text().isBlank()) named.add(c);
        List<TableCell> label = new ArrayList<>();
        if (!named.isEmpty() && !row.get(0).text().isBlank() && CORNER.matcher(row.get(0).text().strip()).matches()) label.add(named.remove(0));
        if (named.isEmpty() || m % named.size() != 0) return row;
        int period = m / named.size();
        for (int c = period; c < leaf.size(); c++) if (!leaf.get(c).text().equals(leaf.get(c - period).text())) return row;
        List<TableCell> out = new ArrayList<>();
        out.addAll(label);
        for (int k = label.size(); k < labels; k++) out.add(TableCell.of(""));
        for (TableCell c : named) out.add(new TableCell(c.text(), m / named.size(), 1, c.bold(), c.underline()));
        return out;
    }

    /**
     * {label cells, values, 1 when some cell holds several values} of a data row: leading cells of text, then cells
     * each holding one or more values; null when text follows a value or there is no value.
     */
    static int[] labelsAndValues(List<TableCell> row) {
        int labels = 0, n = 0, several = 0;
        boolean inValues = false;
        for (TableCell c : row) {
            List<String> v = c.text().isBlank() ? null : values(c.text());
            if (v == null) {
                if (inValues) return null;
                labels++;
                continue;
            }
            inValues = true;
            n += v.size();
            if (v.size() != c.columns()) several = 1;
        }
        return n == 0 ? null : new int[] {labels, n, several};
    }

    /**
     * The values a cell's text holds, each a number or dash with what follows it ("93.5 ± 0.6", "0.879 †"); null
     * when a word is neither.
     */
    static List<String> values(String text) {
        List<String> out = new ArrayList<>();
        String[] w = text.strip().split("\\s+");
        for (int i = 0; i < w.length; i++) {
            String x = w[i];
            boolean number = x.equals("-") || x.equals("–") || x.equals("—") || CellValue.parse(x) != null;
            boolean trailer = !out.isEmpty() && (x.startsWith("±") || x.matches("[*†‡§¶⋆∗✝↑↓]+|\\(\\S*\\)"));
            if (trailer) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + x);
                if (x.equals("±") && i + 1 < w.length) out.set(out.size() - 1, out.get(out.size() - 1) + " " + w[++i]);
            } else if (number && !x.startsWith("(")) {
                out.add(x);
            } else {
                return null;
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static int span(List<TableCell> row) {
        int n = 0;
        for (TableCell c : row) n += c.columns();
        return n;
    }

    /**
     * A cell spanning k columns whose text is k known metric names becomes k cells; with {@code merged}, so does one
     * of any k short words ("MR MRR @10 @3" over four columns), as GROBID merges header cells.
     */
    private static List<TableCell> splitHeaders(List<TableCell> row, Predicate<String> isMetric, boolean merged) {
        List<TableCell> out = null;
        for (int i = 0; i < row.size(); i++) {
            TableCell c = row.get(i);
            String[] words = c.text().split("\\s+");
            boolean split = c.columns() > 1 && words.length == c.columns() && !isMetric.test(c.text());
            boolean allMetrics = split;
            boolean allShort = split;
            for (String w : words) {
                allMetrics &= isMetric.test(w);
                allShort &= w.length() <= 12 && CellValue.parse(w) == null;
            }
            split = allMetrics || merged && allShort;
            if (split) {
                if (out == null) out = new ArrayList<>(row.subList(0, i));
                for (String w : words) out.add(new TableCell(w, 1, c.rows(), c.bold(), c.underline()));
            } else if (out != null) {
                out.add(c);
            }
        }
        return out == null ? row : out;
    }

    /**
     * With {@code merged}, a cell of several numbers (or dashes), or of a label followed by numbers ("RippleNet
     * 0.1336" over two columns, "KGAT-1 0.1393 0.0948 ..." over six), becomes one cell per number, as far as its
     * span and the columns its row lacks allow.
     */
    private static List<TableCell> splitNumbers(List<TableCell> row, int width, boolean merged) {
        int missing = Math.max(0, width - span(row));
        List<TableCell> out = new ArrayList<>();
        boolean changed = false;
        for (TableCell c : row) {
            // Values with intervals ("97.5 ± 1.2 94.9 ± 0.5" over two columns): one cell per value with its interval.
            List<String> intervals = merged && c.text().contains("±") ? values(c.text()) : null;
            if (intervals != null && intervals.size() >= 2
                    && (intervals.size() == c.columns() || intervals.size() > c.columns() && intervals.size() <= c.columns() + missing)) {
                for (String v : intervals) out.add(new TableCell(v, 1, c.rows(), c.bold(), c.underline()));
                missing -= Math.max(0, intervals.size() - c.columns());
                changed = true;
                continue;
            }
            String[] words = c.text().split("\\s+");
            int numbers = 0;
            while (numbers < words.length && isNumber(words[words.length - 1 - numbers])) numbers++;
            int prefix = words.length - numbers;
            int pieces = numbers + (prefix > 0 ? 1 : 0);
            // The pieces fill the cell's span exactly, or, two numbers or more, the columns its row lacks too.
            boolean split = merged && numbers >= 1 && pieces >= 2
                    && (pieces == c.columns() || numbers >= 2 && pieces > c.columns() && pieces <= c.columns() + missing);
            if (!split) {
                out.add(c);
                continue;
            }
            changed = true;
            if (prefix > 0) out.add(new TableCell(String.join(" ", java.util.Arrays.copyOfRange(words, 0, prefix)), 1, c.rows(), c.bold(), c.underline()));
            for (int k = prefix; k < words.length; k++) out.add(new TableCell(words[k], 1, c.rows(), c.bold(), c.underline()));
            missing -= Math.max(0, pieces - c.columns());
        }
        return changed ? out : row;
    }

    private static boolean isNumber(String w) {
        return w.equals("-") || w.equals("–") || CellValue.parse(w) != null;
    }

    String text(int r, int c) { return at[r][c].text(); }
}
