package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the S2ORC 2019 metadata table ({@code metadata_sample.tsv}): tab-separated, one paper a line after a header
 * naming the columns. Columns are found by name, so their order may change: {@code pid} (the S2ORC paper id),
 * {@code title}, {@code authors} and {@code outbound_citations} (Python list literals, {@code ['A B', "C'D"]}),
 * {@code year}, {@code venue}, and the identifier columns the release named {@code has_doi} and
 * {@code has_arxiv_id}, which hold the DOI and arXiv id themselves (empty when the paper has none). Outbound
 * citations become references known by their S2ORC id; inbound citations are not read (each citing paper's own
 * line says them).
 *
 * <p>A line with another number of fields than the header, without a {@code pid}, with a list that does not parse,
 * or that is not UTF-8, is rejected at its line number; the next line still reads.
 */
public final class S2orcTsvReader implements RecordReader {
    public static final String FORMAT = "s2orc-metadata-tsv";

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String head) {
        String first = head.lines().findFirst().orElse("");
        List<String> cols = List.of(first.split("\t", -1));
        return cols.contains("pid") && cols.contains("title") && cols.contains("outbound_citations") ? 10 : 0;
    }

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        Utf8Lines lines = new Utf8Lines(in);
        Utf8Lines.Line line = lines.next();
        if (line == null) return;
        if (!line.ok()) { sink.reject(new RecordError(SourcePosition.line(file, 1), line.error() + "; the header cannot be read")); return; }
        String[] header = line.text().split("\t", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) col.putIfAbsent(header[i].strip(), i);
        if (!col.containsKey("pid")) {
            sink.reject(new RecordError(SourcePosition.line(file, 1), "no pid column in the header: not an S2ORC metadata table"));
            return;
        }
        while ((line = lines.next()) != null) {
            SourcePosition pos = SourcePosition.line(file, line.number());
            if (!line.ok()) { sink.reject(new RecordError(pos, line.error())); continue; }
            if (line.text().isBlank()) continue;
            String[] f = line.text().split("\t", -1);
            if (f.length != header.length) {
                sink.reject(new RecordError(pos, "line has " + f.length + " fields, the header " + header.length));
                continue;
            }
            try {
                paper(f, col, pos, sink);
            } catch (IllegalArgumentException e) {
                sink.reject(new RecordError(pos, e.getMessage()));
            }
        }
    }

    private static void paper(String[] f, Map<String, Integer> col, SourcePosition pos, RecordSink sink) {
        String pid = field(f, col, "pid");
        if (pid == null) { sink.reject(new RecordError(pos, "no pid")); return; }
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos).otherId("s2", pid)
                .title(field(f, col, "title"))
                .doi(field(f, col, "has_doi"))
                .arxivId(field(f, col, "has_arxiv_id"))
                .journalRef(field(f, col, "venue"));
        String year = field(f, col, "year");
        if (year != null && year.matches("\\d{4}")) b.published(year);
        for (String a : pythonList(field(f, col, "authors"), "authors")) b.author(new Author(Text.clean(a), null, List.of()));
        for (String c : pythonList(field(f, col, "outbound_citations"), "outbound_citations")) {
            b.reference(new Reference(null, null, null, null, Map.of("s2", c), List.of(), null));
        }
        sink.accept(b.build());
    }

    private static String field(String[] f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null) return null;
        String v = f[i].strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * The strings of a Python list literal of strings as the release wrote them ({@code ['a', "b'c"]}); empty for
     * null. Throws {@link IllegalArgumentException} naming {@code column} when the text is not such a list.
     */
    static List<String> pythonList(String s, String column) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        String t = s.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) throw new IllegalArgumentException(column + " is not a list: " + abbreviate(t));
        int i = 1, end = t.length() - 1;
        while (true) {
            while (i < end && (t.charAt(i) == ' ' || t.charAt(i) == ',')) i++;
            if (i >= end) return out;
            char q = t.charAt(i);
            if (q != '\'' && q != '"') throw new IllegalArgumentException(column + ": expected a quoted string at " + i + " in " + abbreviate(t));
            StringBuilder sb = new StringBuilder();
            int j = i + 1;
            for (; j < end && t.charAt(j) != q; j++) {
                char c = t.charAt(j);
                if (c == '\\' && j + 1 < end) c = t.charAt(++j);
                sb.append(c);
            }
            if (j >= end) throw new IllegalArgumentException(column + ": unterminated string in " + abbreviate(t));
            if (!sb.toString().isBlank()) out.add(sb.toString());
            i = j + 1;
        }
    }

    private static String abbreviate(String s) { return s.length() <= 60 ? s : s.substring(0, 57) + "..."; }
}
