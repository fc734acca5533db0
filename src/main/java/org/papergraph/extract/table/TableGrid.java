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
        for (List<TableCell> row : t.rows()) src.add(splitHeaders(row, isMetric, merged));
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
