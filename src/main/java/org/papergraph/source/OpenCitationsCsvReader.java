package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.papergraph.resolve.Iris;

/**
 * Reads OpenCitations citation CSV (COCI/Index: {@code oci, citing, cited, creation, timespan, ...}; also the
 * two-column {@code citing, cited} form). Each row is one citation and becomes one record of the citing paper,
 * known by its DOI, with one reference to the cited DOI; the record key is the cited DOI, so the rows of one citing
 * paper keep separate record graphs. {@code creation} is the citing paper's publication date.
 *
 * <p>A row with a wrong number of fields or an empty citing or cited DOI is rejected at its line.
 */
public final class OpenCitationsCsvReader implements RecordReader {
    public static final String FORMAT = "opencitations-csv";

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String head) {
        String first = head.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        List<String> cols = split(first);
        return cols.contains("citing") && cols.contains("cited") ? 10 : 0;
    }

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        Utf8Lines lines = new Utf8Lines(in);
        Utf8Lines.Line line = lines.next();
        if (line == null) return;
        if (!line.ok()) {
            // The header names the columns: a damaged one is not guessed at, the rows cannot be read without it.
            sink.reject(new RecordError(SourcePosition.line(file, 1), "header line: " + line.error()
                    + "; the rows cannot be read without the column names"));
            return;
        }
        List<String> header = split(line.text().toLowerCase(Locale.ROOT));
        int citing = header.indexOf("citing"), cited = header.indexOf("cited"), creation = header.indexOf("creation");
        if (citing < 0 || cited < 0) {
            sink.reject(new RecordError(SourcePosition.line(file, 1), "header has no citing and cited columns: " + header));
            return;
        }
        while ((line = lines.next()) != null) {
            SourcePosition pos = SourcePosition.line(file, line.number());
            if (!line.ok()) { sink.reject(new RecordError(pos, line.error())); continue; }
            if (line.text().isBlank()) continue;
            List<String> f = split(line.text());
            if (f.size() != header.size()) {
                sink.reject(new RecordError(pos, "expected " + header.size() + " fields, found " + f.size()));
                continue;
            }
            String from = f.get(citing).strip(), to = f.get(cited).strip();
            if (from.isEmpty() || to.isEmpty()) {
                sink.reject(new RecordError(pos, "citing or cited DOI is empty"));
                continue;
            }
            PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos).doi(doi(from)).recordKey(Iris.contentKey(Iris.normaliseDoi(doi(to))));
            if (creation >= 0) b.published(f.get(creation).strip());
            b.reference(new Reference(null, null, doi(to), null, null, null, null));
            sink.accept(b.build());
        }
    }

    /** OpenCitations writes {@code coci => 10.1/x} or {@code doi:10.1/x} in some dumps; keep the DOI. */
    private static String doi(String v) {
        int i = v.indexOf("10.");
        return i > 0 ? v.substring(i) : v;
    }

    /** Splits one CSV line: fields optionally in double quotes, a doubled quote inside is a quote. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { sb.append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
