package org.papergraph.source;

/**
 * One cell of a {@link PaperTable} as the source lays it out: its text and how many grid columns and rows it spans.
 *
 * @param text      the cell's text, cleaned (white space folded), never null (empty for an empty cell)
 * @param columns   grid columns the cell spans, at least 1 ({@code \multicolumn}, TEI {@code cols})
 * @param rows      grid rows the cell spans, at least 1 ({@code \multirow}, TEI {@code rows})
 * @param bold      whether most of the cell is set in bold ({@code \textbf}, {@code \bf}, {@code \mathbf} ...);
 *                  sources that do not mark it (GROBID) say false
 * @param underline whether most of the cell is underlined
 */
public record TableCell(String text, int columns, int rows, boolean bold, boolean underline) {
    public TableCell {
        text = text == null ? "" : text;
        columns = Math.max(1, columns);
        rows = Math.max(1, rows);
    }

    /** A plain cell spanning one column and one row. */
    public static TableCell of(String text) { return new TableCell(text, 1, 1, false, false); }
}
