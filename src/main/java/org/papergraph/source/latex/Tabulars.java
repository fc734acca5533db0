package org.papergraph.source.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.papergraph.source.TableCell;

/**
 * The rows and cells of one tabular environment ({@code tabular}, {@code tabular*}, {@code tabularx},
 * {@code longtable} ...). Rows end at {@code \\} (with its optional star and length) or {@code \tabularnewline}, cells
 * at {@code &}, both only outside groups and nested environments, so a nested tabular or a {@code \makecell} stays
 * one cell. {@code \multicolumn{n}{spec}{x}} spans n columns and {@code \multirow{n}{width}{x}} n rows; rules
 * ({@code \hline}, {@code \toprule}, {@code \cmidrule(lr){2-3}} ...) are dropped, and rows left empty by that are not
 * kept. Each cell's text comes from {@link TexText}, with its bold and underline.
 */
final class Tabulars {
    private Tabulars() {}

    /** A {@code \cmidrule} with its trim spec, which the generic command dropping does not know. */
    private static final Pattern CMIDRULE = Pattern.compile("\\\\cmidrule\\s*(?:\\([^)]{0,10}\\))?\\s*(?:\\[[^\\]]{0,20}\\])?\\s*(?:\\([^)]{0,10}\\))?");
    /** Most columns a cell may span; more is a damaged source. */
    static final int MAX_SPAN = 64;

    /** The rows of the tabular whose cells run over {@code s[from, to)}. */
    static List<List<TableCell>> rows(String s, int from, int to, TexText.Context ctx) {
        List<List<TableCell>> rows = new ArrayList<>();
        List<int[]> cells = new ArrayList<>();
        int cellStart = from;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '{') {
                int close = TexScan.matchBrace(s, i, to);
                i = close < 0 ? i + 1 : close + 1;
                continue;
            }
            if (c == '&') {
                cells.add(new int[] {cellStart, i});
                cellStart = i + 1;
                i++;
                continue;
            }
            if (c != '\\') {
                i++;
                continue;
            }
            int e = TexScan.commandEnd(s, i, to);
            String w = s.substring(i + 1, Math.min(e, to));
            if (w.equals("begin")) {
                String name = TexScan.envName(s, i, to);
                int open = s.indexOf('}', i) + 1;
                int close = name == null ? -1 : TexScan.endOf(s, name, open, to);
                i = close < 0 ? e : close + name.length() + 6;
                continue;
            }
            if (w.equals("\\") || w.equals("tabularnewline") || w.equals("cr")) {
                cells.add(new int[] {cellStart, i});
                int p = e;
                if (p < to && s.charAt(p) == '*') p++;
                TexScan.Arg len = TexScan.optional(s, p, to);
                if (len != null && len.next() - p < 24) p = len.next();
                addRow(s, cells, rows, ctx);
                cells.clear();
                cellStart = p;
                i = p;
                continue;
            }
            i = e;
        }
        cells.add(new int[] {cellStart, to});
        addRow(s, cells, rows, ctx);
        return rows;
    }

    private static void addRow(String s, List<int[]> ranges, List<List<TableCell>> rows, TexText.Context ctx) {
        List<TableCell> row = new ArrayList<>(ranges.size());
        boolean any = false;
        for (int[] r : ranges) {
            TableCell cell = cell(s, r[0], r[1], ctx);
            any |= !cell.text().isEmpty();
            row.add(cell);
        }
        if (any) rows.add(row);
    }

    /** One cell of {@code s[from, to)}: spans peeled off, the rest converted. */
    static TableCell cell(String s, int from, int to, TexText.Context ctx) {
        String src = CMIDRULE.matcher(s.substring(from, to)).replaceAll(" ");
        int n = src.length();
        int columns = 1, rows = 1;
        int start = 0, end = n;
        for (int guard = 0; guard < 4; guard++) {
            int p = peel(src, start, end);
            if (p >= end || src.charAt(p) != '\\') break;
            if (TexScan.isCommand(src, p, "multicolumn", end)) {
                TexScan.Arg count = TexScan.mandatory(src, p + 12, end);
                TexScan.Arg spec = count == null ? null : TexScan.mandatory(src, count.next(), end);
                TexScan.Arg body = spec == null ? null : TexScan.mandatory(src, spec.next(), end);
                if (body == null) break;
                columns = span(count.of(src));
                start = body.start();
                end = body.end();
            } else if (TexScan.isCommand(src, p, "multirow", end)) {
                int q = TexScan.skipOptionals(src, p + 9, end);
                TexScan.Arg count = TexScan.mandatory(src, q, end);
                if (count == null) break;
                q = TexScan.skipOptionals(src, count.next(), end);
                TexScan.Arg width = TexScan.mandatory(src, q, end);
                if (width == null) break;
                q = TexScan.skipOptionals(src, width.next(), end);
                TexScan.Arg body = TexScan.mandatory(src, q, end);
                if (body == null) break;
                rows = span(count.of(src));
                // What surrounds the \multirow in the cell (a colour, a rule) is dropped with it.
                start = body.start();
                end = body.end();
            } else {
                break;
            }
        }
        TexText.Styled t = TexText.inline(src, start, end, ctx);
        return new TableCell(t.clean(), columns, rows, t.mostly(TexText.BOLD), t.mostly(TexText.UNDER));
    }

    /** Skips white space and the commands that only colour or rule a cell, to where its content starts. */
    private static int peel(String s, int p, int end) {
        while (true) {
            p = TexScan.skipSpace(s, p, end);
            if (p >= end || s.charAt(p) != '\\') return p;
            int e = TexScan.commandEnd(s, p, end);
            String w = s.substring(p + 1, e);
            int args = switch (w) {
                case "cellcolor", "rowcolor", "cline", "color", "arrayrulecolor" -> 1;
                case "hline", "toprule", "midrule", "bottomrule", "centering", "small", "footnotesize", "scriptsize",
                     "tiny", "hdashline", "Xhline", "rowstyle", "raggedright", "raggedleft", "noindent" -> 0;
                default -> -1;
            };
            if (args < 0) return p;
            int q = TexScan.skipOptionals(s, e, end);
            for (int k = 0; k < args; k++) {
                TexScan.Arg a = TexScan.mandatory(s, q, end);
                if (a == null) return p;
                q = TexScan.skipOptionals(s, a.next(), end);
            }
            p = q;
        }
    }

    private static int span(String v) {
        String t = v.strip();
        // \multirow{-2} puts its text in the span's last row, which is where the cell is: it spans no row below.
        if (!t.matches("\\d{1,3}")) return 1;
        return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(t)));
    }
}
