package org.papergraph.source.latex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.papergraph.source.PaperTable;
import org.papergraph.source.TableCell;

/**
 * What a paper's LaTeX says, read from its spliced, macro-expanded text: title, abstract, the body as paragraphs
 * with section headings, and the tables (each tabular of a {@code table} or {@code table*} float, a
 * {@code longtable}, or a tabular standing outside any float) with their number, caption, {@code \label}, cells
 * and the body sentences that refer to them. Numbers are LaTeX's: tables are counted by the captions of table
 * floats, sections by level (letters after {@code \appendix}), so "Table~\ref{tab:main}" reads as it prints.
 * Immutable once read.
 */
public final class LatexDocument {
    private final String title;
    private final String abstractText;
    private final String body;
    private final List<PaperTable> tables;

    private LatexDocument(String title, String abstractText, String body, List<PaperTable> tables) {
        this.title = title;
        this.abstractText = abstractText;
        this.body = body;
        this.tables = List.copyOf(tables);
    }

    /** The title, or null. */
    public String title() { return title; }
    /** The abstract, or null. */
    public String abstractText() { return abstractText; }
    /** The body text: paragraphs and headings joined by blank lines; null when empty. */
    public String body() { return body; }
    /** The tables in document order. */
    public List<PaperTable> tables() { return tables; }

    private static final Pattern TITLE = Pattern.compile("\\\\(?:title|icmltitle|Title|TITLE)\\s*\\*?\\s*(?=[\\[{])");
    private static final Pattern ABSTRACT_SECTION = Pattern.compile("\\\\section\\*?\\s*\\{\\s*(?:\\\\[a-zA-Z]+\\s*)*Abstract\\s*\\}", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERED = Pattern.compile(
            "\\\\(part|chapter|section|subsection|subsubsection|caption|label|appendix|begin|end)\\b\\s*(\\*)?");
    private static final Pattern CITE = Pattern.compile("\\\\(?:cite|citep|citet|citealp|citealt|citeauthor|citeyear|"
            + "citeyearpar|Cite|Citep|Citet|citenum|parencite|textcite|autocite|footcite|shortcite|citeA|citeN|citen|"
            + "supercite|smartcite)\\*?\\s*(?:\\[[^\\]]*\\]\\s*){0,2}\\{([^}]*)\\}");

    /** Reads a document from its spliced text with the macros expanded and their definitions taken out. */
    static LatexDocument read(String s) {
        int n = s.length();
        int begin = s.indexOf("\\begin{document}");
        int from = begin < 0 ? 0 : begin + "\\begin{document}".length();
        int endDoc = s.indexOf("\\end{document}", from);
        int to = endDoc < 0 ? n : endDoc;

        TexText.Context ctx = new TexText.Context();
        Map<Integer, String> floatNumbers = number(s, from, to, ctx);
        Matcher cm = CITE.matcher(s).region(from, to);
        while (cm.find()) {
            for (String k : LatexFiles.names(cm.group(1))) ctx.citations.putIfAbsent(k, ctx.citations.size() + 1);
        }

        String title = title(s, ctx);
        String abs = abstractText(s, from, to, ctx);
        TexText.Body text = TexText.body(s, from, to, ctx);
        StringBuilder body = new StringBuilder();
        List<PaperTable.Heading> headings = new ArrayList<>();
        List<Integer> paragraphOffsets = new ArrayList<>();
        for (int k = 0; k < text.paragraphs.size(); k++) {
            if (!body.isEmpty()) body.append("\n\n");
            paragraphOffsets.add(body.length());
            String h = text.headings.get(k);
            if (h != null) headings.add(new PaperTable.Heading(body.length(), h));
            body.append(text.paragraphs.get(k));
        }
        String bodyText = body.isEmpty() ? null : body.toString();
        List<PaperTable> tables = tables(s, from, to, ctx, floatNumbers, bodyText, headings, text.floats, paragraphOffsets);
        return new LatexDocument(title, abs, bodyText, tables);
    }

    /** The first {@code \title} (or {@code \icmltitle}) anywhere, converted. */
    private static String title(String s, TexText.Context ctx) {
        Matcher m = TITLE.matcher(s);
        while (m.find()) {
            int p = TexScan.skipOptionals(s, m.end(), s.length());
            TexScan.Arg a = TexScan.mandatory(s, p, s.length());
            if (a == null || s.charAt(a.start() - 1) != '{') continue;
            String t = TexText.inline(s, a.start(), a.end(), ctx).clean();
            if (!t.isEmpty()) return t;
        }
        return null;
    }

    /** The abstract environment, else an {@code \abstract{...}}, else a section called Abstract; converted. */
    private static String abstractText(String s, int from, int to, TexText.Context ctx) {
        int b = s.indexOf("\\begin{abstract}");
        if (b >= 0) {
            int open = b + "\\begin{abstract}".length();
            int close = TexScan.endOf(s, "abstract", open, s.length());
            if (close > 0) return blankToNull(TexText.inline(s, TexScan.skipOptionals(s, open, close), close, ctx).clean());
        }
        int a = s.indexOf("\\abstract{");
        if (a >= 0) {
            TexScan.Arg arg = TexScan.mandatory(s, a + 9, s.length());
            if (arg != null) return blankToNull(TexText.inline(s, arg.start(), arg.end(), ctx).clean());
        }
        Matcher m = ABSTRACT_SECTION.matcher(s).region(from, to);
        if (m.find()) {
            int next = s.indexOf("\\section", m.end());
            int end = next < 0 || next > to ? Math.min(to, m.end() + 5000) : next;
            return blankToNull(TexText.inline(s, m.end(), end, ctx).clean());
        }
        return null;
    }

    private static String blankToNull(String v) { return v == null || v.isBlank() ? null : v; }

    /**
     * Numbers sections, table and figure captions the way LaTeX does, records what each {@code \label} prints
     * into {@code ctx}, and returns the number of each table float by the offset of its {@code \begin}.
     */
    private static Map<Integer, String> number(String s, int from, int to, TexText.Context ctx) {
        Map<Integer, String> floats = new HashMap<>();
        int[] levels = new int[5];
        boolean appendix = false;
        int tableCount = 0, figureCount = 0;
        String current = null, currentKind = null;
        Deque<Integer> floatStarts = new ArrayDeque<>();
        Deque<String> floatKinds = new ArrayDeque<>();
        Matcher m = NUMBERED.matcher(s).region(from, to);
        while (m.find()) {
            String w = m.group(1);
            boolean starred = m.group(2) != null;
            switch (w) {
                case "appendix" -> {
                    appendix = true;
                    levels[2] = 0;
                }
                case "part", "chapter", "section", "subsection", "subsubsection" -> {
                    if (starred) continue;
                    int level = switch (w) {
                        case "part" -> 0;
                        case "chapter" -> 1;
                        case "section" -> 2;
                        case "subsection" -> 3;
                        default -> 4;
                    };
                    levels[level]++;
                    for (int k = level + 1; k < levels.length; k++) levels[k] = 0;
                    StringBuilder num = new StringBuilder();
                    for (int k = 2; k <= level; k++) {
                        if (!num.isEmpty()) num.append('.');
                        num.append(k == 2 && appendix ? String.valueOf((char) ('A' + Math.max(0, Math.min(25, levels[2] - 1)))) : Integer.toString(levels[k]));
                    }
                    current = num.isEmpty() ? Integer.toString(levels[level]) : num.toString();
                    currentKind = "Section";
                }
                case "begin", "end" -> {
                    String name = TexScan.envName(s, m.start(), to);
                    if (name == null) continue;
                    String kind = name.equals("subtable") || name.equals("subfigure") ? "Sub"
                            : name.startsWith("table") || name.startsWith("sidewaystable") || name.startsWith("wraptable")
                            || name.startsWith("longtable") ? "Table"
                            : name.startsWith("figure") || name.startsWith("sidewaysfigure") || name.startsWith("wrapfigure") ? "Figure" : null;
                    if (kind == null || name.startsWith("tabular")) continue;
                    if (w.equals("begin")) {
                        floatStarts.push(m.start());
                        floatKinds.push(kind);
                    } else if (!floatStarts.isEmpty()) {
                        floatStarts.pop();
                        floatKinds.pop();
                    }
                }
                case "caption" -> {
                    if (floatKinds.isEmpty() || floatKinds.peek().equals("Sub")) continue;
                    if (floatKinds.peek().equals("Table")) {
                        current = Integer.toString(++tableCount);
                        currentKind = "Table";
                        floats.putIfAbsent(floatStarts.peek(), current);
                    } else {
                        current = Integer.toString(++figureCount);
                        currentKind = "Figure";
                    }
                }
                case "label" -> {
                    TexScan.Arg a = TexScan.mandatory(s, m.end(), to);
                    if (a == null || current == null) continue;
                    String key = a.of(s).strip();
                    ctx.labelNumbers.putIfAbsent(key, current);
                    ctx.labelKinds.putIfAbsent(key, currentKind);
                }
                default -> { }
            }
        }
        return floats;
    }

    /** Every table float's tabulars, longtables, and tabulars outside floats, in document order. */
    private static List<PaperTable> tables(String s, int from, int to, TexText.Context ctx, Map<Integer, String> numbers,
                                           String body, List<PaperTable.Heading> headings, Map<Integer, Integer> floatParagraphs,
                                           List<Integer> paragraphOffsets) {
        List<PaperTable> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int i = from;
        int unnumbered = 0;
        while (i < to) {
            int b = s.indexOf("\\begin{", i);
            if (b < 0 || b >= to) break;
            String name = TexScan.envName(s, b, to);
            if (name == null) {
                i = b + 7;
                continue;
            }
            int open = s.indexOf('}', b) + 1;
            int close = TexScan.endOf(s, name, open, to);
            int end = close < 0 ? to : close;
            int next = close < 0 ? to : close + name.length() + 6;
            boolean tableFloat = name.equals("table") || name.equals("table*") || name.equals("sidewaystable")
                    || name.equals("sidewaystable*") || name.equals("wraptable");
            boolean figure = name.startsWith("figure") || name.startsWith("sidewaysfigure") || name.startsWith("wrapfigure");
            boolean longtable = name.startsWith("longtable");
            boolean tabular = TexText.TABULARS.contains(name) && !name.equals("array");
            if (!tableFloat && !longtable && !tabular) {
                // Figures may hold tabulars for layout: not tables. Other environments are looked into.
                i = figure ? next : open;
                continue;
            }
            String number = numbers.get(b);
            String caption = null, label = null;
            if (tableFloat || longtable) {
                caption = firstArgument(s, "caption", open, end, ctx);
                TexScan.Arg l = firstArg(s, "label", open, end);
                label = l == null ? null : l.of(s).strip();
            }
            List<int[]> grids = new ArrayList<>();
            if (tableFloat) {
                collectTabulars(s, open, end, grids);
            } else {
                grids.add(new int[] {TexText.tabularBody(s, name, open, end), end});
            }
            if (number == null && grids.isEmpty()) {
                i = next;
                continue;
            }
            String tableLabel = number == null ? null : "Table " + number;
            Integer paragraphs = floatParagraphs.get(b);
            String section = null;
            if (paragraphs != null && paragraphs > 0 && body != null) {
                section = PaperTable.headingAt(headings, paragraphOffsets.get(Math.min(paragraphs, paragraphOffsets.size()) - 1));
            }
            PaperTable.Mentions mentions = PaperTable.mentions(body, number, headings);
            String baseId = label != null ? label : number != null ? "table-" + number : "tabular-" + (++unnumbered);
            for (int k = 0; k < grids.size(); k++) {
                List<List<TableCell>> rows = Tabulars.rows(s, grids.get(k)[0], grids.get(k)[1], ctx);
                if (rows.isEmpty()) continue;
                String id = k == 0 ? baseId : baseId + "/" + (k + 1);
                while (ids.contains(id)) id = id + "'";
                ids.add(id);
                out.add(new PaperTable(id, tableLabel, caption, rows, mentions.sentences(),
                        mentions.section() != null ? mentions.section() : section));
            }
            i = next;
        }
        return out;
    }

    /** The tabular environments directly inside a float (not inside another tabular), as cell ranges. */
    private static void collectTabulars(String s, int from, int to, List<int[]> grids) {
        int i = from;
        while (i < to) {
            int b = s.indexOf("\\begin{", i);
            if (b < 0 || b >= to) return;
            String name = TexScan.envName(s, b, to);
            if (name == null) {
                i = b + 7;
                continue;
            }
            int open = s.indexOf('}', b) + 1;
            if (TexText.TABULARS.contains(name) && !name.equals("array")) {
                int close = TexScan.endOf(s, name, open, to);
                int end = close < 0 ? to : close;
                grids.add(new int[] {TexText.tabularBody(s, name, open, end), end});
                i = close < 0 ? to : close + name.length() + 6;
            } else {
                i = open;
            }
        }
    }

    /** The first {@code \command{...}} in {@code s[from, to)} outside nested tabulars, or null. */
    private static TexScan.Arg firstArg(String s, String command, int from, int to) {
        int i = from;
        while (i < to) {
            int b = s.indexOf("\\" + command, i);
            if (b < 0 || b >= to) return null;
            if (!TexScan.isCommand(s, b, command, to)) {
                i = b + 1;
                continue;
            }
            int p = b + command.length() + 1;
            if (p < to && s.charAt(p) == '*') p++;
            p = TexScan.skipOptionals(s, p, to);
            TexScan.Arg a = TexScan.mandatory(s, p, to);
            if (a != null && s.charAt(a.start() - 1) == '{') return a;
            i = p;
        }
        return null;
    }

    private static String firstArgument(String s, String command, int from, int to, TexText.Context ctx) {
        TexScan.Arg a = firstArg(s, command, from, to);
        return a == null ? null : blankToNull(TexText.inline(s, a.start(), a.end(), ctx).clean());
    }
}
