package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Crossref works: a dump or API list response ({@code {items: [...]}}, also inside the API's
 * {@code message}), a single work response ({@code {message: {...}}}) or a JSON array of works. Per work: DOI, title,
 * authors (given + family name, ORCID, affiliation names), the issued date (as precise as its {@code date-parts}),
 * the abstract (JATS tags removed), container title with volume and pages as the journal reference, and each
 * {@code reference} as a {@link Reference}: its DOI, title ({@code article-title}, else {@code volume-title}),
 * year and first author. A reference with only an {@code unstructured} string gets the DOI it contains and the
 * title it quotes, else the string itself as its title, so the citation is kept (as a stub paper) instead of
 * dropped.
 *
 * <p>Streams one work at a time. A work without a DOI and a title is rejected at its entry; a JSON syntax error ends
 * the file and is reported at its line.
 */
public final class CrossrefWorksReader implements RecordReader {
    public static final String FORMAT = "crossref-works";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern DOI_IN_TEXT = Pattern.compile("(?i)\\b(10\\.\\d{4,9}/[^\\s\"<>]+[^\\s\"<>.,;)])");
    private static final Pattern QUOTED = Pattern.compile("[“\"]([^”\"]{12,})[”\"]");
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)");

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String h) {
        if (!JsonDocuments.startsLikeJson(h)) return 0;
        boolean crossref = h.contains("\"reference-count\"") || h.contains("\"is-referenced-by-count\"") || h.contains("\"container-title\"");
        return crossref && h.contains("\"DOI\"") ? 10 : 0;
    }

    /** Works in a Crossref API response ({@code message.items}), a dump's {@code items}, an array, or one work. */
    private static final JsonDocuments.Shape SHAPE = new JsonDocuments.Shape("a Crossref works file", "work", Set.of("items"), Set.of("message"));

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        JsonDocuments.read(in, file, sink, JSON, SHAPE, (w, pos, line) -> work(w, pos, sink));
    }

    private static void work(JsonNode w, SourcePosition pos, RecordSink sink) {
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos)
                .doi(JsonRecords.text(w, "DOI"))
                .title(strip(JsonRecords.firstText(w, "title")))
                .abstractText(strip(JsonRecords.text(w, "abstract")))
                .published(date(w.get("issued")));
        JsonNode authors = w.get("author");
        if (authors != null && authors.isArray()) {
            for (JsonNode a : authors) {
                String name = name(a);
                if (name == null) continue;
                String orcid = JsonRecords.text(a, "ORCID");
                if (orcid != null) orcid = orcid.replaceFirst("^https?://orcid\\.org/", "");
                List<String> affs = new ArrayList<>();
                JsonNode aff = a.get("affiliation");
                if (aff != null && aff.isArray()) for (JsonNode f : aff) {
                    String n = Text.clean(JsonRecords.text(f, "name"));
                    if (n != null && !affs.contains(n)) affs.add(n);
                }
                b.author(new Author(Text.clean(name), orcid, affs));
            }
        }
        String container = JsonRecords.firstText(w, "container-title");
        if (container != null) {
            String vol = JsonRecords.text(w, "volume"), page = JsonRecords.text(w, "page");
            b.journalRef(container + (vol == null ? "" : " " + vol) + (page == null ? "" : ", " + page));
        }
        JsonNode refs = w.get("reference");
        if (refs != null && refs.isArray()) for (JsonNode r : refs) b.reference(reference(r));
        PaperRecord rec = b.build();
        if (rec.doi() == null && rec.title() == null) {
            sink.reject(new RecordError(pos, "work has neither a DOI nor a title"));
            return;
        }
        sink.accept(rec);
    }

    /** One entry of a work's reference list, or null when it says nothing to identify the cited work by. */
    static Reference reference(JsonNode r) {
        if (r == null || !r.isObject()) return null;
        String doi = JsonRecords.text(r, "DOI");
        String title = strip(JsonRecords.text(r, "article-title"));
        if (title == null) title = strip(JsonRecords.text(r, "volume-title"));
        Integer year = year(JsonRecords.text(r, "year"));
        String unstructured = Text.clean(JsonRecords.text(r, "unstructured"));
        if (unstructured != null) {
            if (doi == null) {
                Matcher d = DOI_IN_TEXT.matcher(unstructured);
                if (d.find()) doi = d.group(1);
            }
            if (title == null) {
                Matcher q = QUOTED.matcher(unstructured);
                title = q.find() ? q.group(1).strip().replaceAll("[,.]$", "") : doi == null ? unstructured : null;
            }
            if (year == null) {
                Matcher y = YEAR.matcher(unstructured);
                if (y.find()) year = year(y.group(1));
            }
        }
        if (doi == null && title == null) return null;
        String author = Text.clean(JsonRecords.text(r, "author"));
        return new Reference(title, year, doi, null, Map.of(), author == null ? List.of() : List.of(author), null);
    }

    private static String name(JsonNode a) {
        String given = JsonRecords.text(a, "given"), family = JsonRecords.text(a, "family");
        if (family != null) return given == null ? family : given + " " + family;
        return JsonRecords.text(a, "name");
    }

    /** {@code date-parts} [[2017, 5]] as 2017-05 (as precise as given), or null. */
    static String date(JsonNode issued) {
        JsonNode parts = issued == null ? null : issued.get("date-parts");
        if (parts == null || !parts.isArray() || parts.isEmpty() || !parts.get(0).isArray()) return null;
        JsonNode d = parts.get(0);
        if (d.isEmpty() || !d.get(0).canConvertToInt()) return null;
        StringBuilder sb = new StringBuilder(String.format("%04d", d.get(0).asInt()));
        for (int i = 1; i < Math.min(3, d.size()) && d.get(i).canConvertToInt(); i++) sb.append(String.format("-%02d", d.get(i).asInt()));
        return sb.toString();
    }

    private static Integer year(String s) {
        return s != null && s.matches("\\d{4}") ? Integer.valueOf(s) : null;
    }

    /** Crossref titles and abstracts may carry JATS or HTML markup; the text is what counts. */
    private static String strip(String s) {
        return s == null ? null : Text.clean(TAG.matcher(s).replaceAll(" "));
    }
}
