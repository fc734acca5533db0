package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.papergraph.source.JsonLines.BadRecord;

/**
 * Reads papergraph's own line format, {@code papergraph-jsonl}: one JSON object per line describing one paper
 * ({@code docs/formats/papergraph-jsonl.md} is the reference). Blank lines are skipped. A line that is not valid
 * UTF-8, not valid JSON, not an object, has no title, or has a field of the wrong type or shape is rejected with
 * its line number and the reason; the lines after it still read. Keys the format does not define are ignored,
 * so a newer writer's output still reads.
 *
 * <p>{@code cites} entries are arXiv ids (a version suffix is allowed) or DOIs (anything starting with
 * {@code 10.}); each becomes a {@link Reference} with only that identifier, which the citation extractor turns
 * into a {@code cito:cites} edge to the paper with that identifier.
 *
 * <p>Stateless and thread-safe: the Jackson mapper is configured once and only read from.
 */
public final class PaperJsonReader implements JsonLinesOnlyReader {
    public static final String FORMAT = "papergraph-jsonl";

    /** New-style ({@code 1706.03762}, {@code 2103.00020v2}) and old-style ({@code cs/0112017}) arXiv ids. */
    static final Pattern ARXIV_ID = Pattern.compile(
            "(?:\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?");
    static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Top-level keys of other JSON-lines formats papergraph also reads (arXiv OAI snapshot, OpenAlex works,
     * S2ORC / Semantic Scholar): a line with any of them is not ours, whatever else it has.
     */
    private static final Set<String> FOREIGN_KEYS = Set.of(
            "id", "submitter", "versions", "authors_parsed", "update_date", "journal-ref",
            "display_name", "authorships", "abstract_inverted_index", "openalex", "referenced_works",
            "paper_id", "paperId", "corpusid", "corpusId", "externalids", "externalIds", "content");

    /** The shared strict mapper, and a key given twice is an error too. */
    private static final ObjectMapper MAPPER = JsonLines.STRICT.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public String format() { return FORMAT; }

    /**
     * Looks at the top-level keys of the first non-blank line (as far as the head holds it): 20 when it has both
     * {@code arxiv} and {@code title}, 5 when it has {@code title} and {@code cites} or {@code code}, 0 otherwise
     * and always 0 when a key of another known JSON-lines format is present.
     */
    @Override
    public int sniff(String head) {
        String first = firstLine(head);
        if (first == null || !first.startsWith("{")) return 0;
        Set<String> keys = topLevelKeys(first);
        for (String k : keys) if (FOREIGN_KEYS.contains(k)) return 0;
        if (!keys.contains("title")) return 0;
        if (keys.contains("arxiv")) return 20;
        if (keys.contains("cites") || keys.contains("code")) return 5;
        return 0;
    }

    private static String firstLine(String head) {
        int start = 0;
        while (start < head.length()) {
            int end = head.indexOf('\n', start);
            String line = (end < 0 ? head.substring(start) : head.substring(start, end)).strip();
            if (!line.isEmpty()) return line;
            if (end < 0) break;
            start = end + 1;
        }
        return null;
    }

    /** Field names of the outermost object, read as far as the text goes (the head may cut the line short). */
    private static Set<String> topLevelKeys(String text) {
        Set<String> keys = new HashSet<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return keys;
            JsonToken t;
            while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT) {
                if (t == JsonToken.FIELD_NAME) {
                    keys.add(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // a cut-off or broken line: the keys seen before the break still tell the format
        }
        return keys;
    }

    @Override
    public void readLines(InputStream in, String file, long firstLine, RecordSink sink) throws IOException {
        JsonLines.read(in, file, firstLine, sink, MAPPER, (node, pos) -> sink.accept(record(node, pos)));
    }

    /** The record an object describes; throws {@link BadRecord} with a reason a user can act on. */
    static PaperRecord record(JsonNode node, SourcePosition pos) {
        String title = string(node, "title");
        if (title == null || title.isBlank()) throw new BadRecord("missing title");

        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos).title(title);
        String arxiv = string(node, "arxiv");
        if (arxiv != null) {
            arxiv = arxiv.strip();
            if (!ARXIV_ID.matcher(arxiv).matches()) throw new BadRecord("'arxiv' is not an arXiv id: " + arxiv);
            b.arxivId(arxiv);
        }
        String doi = string(node, "doi");
        if (doi != null) {
            if (!DOI.matcher(doi.strip()).matches()) throw new BadRecord("'doi' is not a DOI (10.xxxx/...): " + doi);
            b.doi(doi);
        }
        b.abstractText(string(node, "abstract"));
        for (String name : strings(node, "authors")) b.author(Author.named(Text.clean(name)));
        String published = string(node, "published");
        if (published != null) b.published(date(published));
        for (String c : strings(node, "categories")) b.category(c.strip());
        for (String url : strings(node, "code")) {
            String u = url.strip();
            if (!u.startsWith("https://") && !u.startsWith("http://")) {
                throw new BadRecord("'code' entry is not an http(s) URL: " + url);
            }
            b.codeLink(u);
        }
        for (String cited : strings(node, "cites")) {
            String c = cited.strip();
            if (ARXIV_ID.matcher(c).matches()) {
                b.reference(new Reference(null, null, null, c, null, null, null));
            } else if (DOI.matcher(c).matches()) {
                b.reference(new Reference(null, null, c, null, null, null, null));
            } else {
                throw new BadRecord("'cites' entry is neither an arXiv id nor a DOI: " + cited);
            }
        }
        b.journalRef(string(node, "venue"));
        return b.build();
    }

    private static String date(String s) {
        String d = s.strip();
        if (!DATE.matcher(d).matches()) throw new BadRecord("'published' is not a yyyy-MM-dd date: " + s);
        try {
            // What LocalDate.parse checks of this shape, without its formatter (a tenth of the reading time).
            LocalDate.of(Integer.parseInt(d, 0, 4, 10), Integer.parseInt(d, 5, 7, 10), Integer.parseInt(d, 8, 10, 10));
        } catch (DateTimeException e) {
            throw new BadRecord("'published' is not a calendar date: " + s);
        }
        return d;
    }

    /** The string value of {@code key}, null when absent or JSON null; a value of another type is an error. */
    private static String string(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new BadRecord("'" + key + "' must be a string, not " + JsonLines.kind(v));
        return v.textValue();
    }

    /** The strings of array {@code key} in order, empty when absent or null; blank strings are skipped. */
    private static List<String> strings(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw new BadRecord("'" + key + "' must be an array of strings, not " + JsonLines.kind(v));
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw new BadRecord("'" + key + "' element " + (i + 1) + " must be a string, not " + JsonLines.kind(e));
            }
            if (!e.textValue().isBlank()) out.add(e.textValue());
        }
        return out;
    }
}
