package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.papergraph.vocab.EntityType;

/**
 * What the Papers with Code archive readers share: the archive's files ({@code papers-with-abstracts.json},
 * {@code methods.json}, {@code datasets.json}, {@code links-between-papers-and-code.json}) are one JSON array of
 * objects, and the REST API returns the same objects one at a time or wrapped in a list response
 * ({@code {count, next, previous, results: [...]}}). All three shapes are read; each object is one entry
 * (1-based, in file order) and goes to {@link #entry}.
 *
 * <p>Streams through {@link JsonDocuments}: one object at a time is in memory, so a 700 MB archive file reads in
 * constant memory. An entry that is not an object, or that {@link #entry} rejects, is reported at its entry number
 * with the line it starts on; the next entry still reads. A JSON syntax error ends the file (the parser cannot find
 * the next entry): it is reported at its line, and the entries before it are kept.
 */
abstract class PwcArchiveReader implements RecordReader {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Where a paperswithcode.com paper page URL keeps the paper's id. */
    private static final String PAPER_PAGE = "paperswithcode.com/paper/";

    /** Turns one entry into records (or a reject); {@code line} is where the entry starts, for messages. */
    abstract void entry(JsonNode entry, SourcePosition position, long line, RecordSink sink);

    /** What one entry is, for messages ("paper", "method", ...). */
    abstract String noun();

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        JsonDocuments.Shape shape = new JsonDocuments.Shape("a Papers with Code " + format() + " file", noun(), Set.of("results"), Set.of());
        JsonDocuments.read(in, file, sink, JSON, shape, (n, pos, line) -> entry(n, pos, line, sink));
    }

    /**
     * One entry of a methods, datasets or tasks file: an entity named by {@code name} (with {@code full_name}).
     * When the entry names the paper that introduced it ({@code paper}: an object with {@code title} and
     * {@code url} in the archive, a Papers with Code id in the API), the record is of that paper, with the entity in
     * {@code role} and a record key per entity so one paper's several entities keep their own graphs; otherwise it is
     * an entity record (no paper). An entry without a name is rejected.
     */
    void entityEntry(JsonNode n, SourcePosition pos, long line, RecordSink sink, EntityType type, String role,
                     java.util.List<String> variants) {
        String name = text(n, "name");
        if (name == null) {
            sink.reject(new RecordError(pos, noun() + " at line " + line + " has no name"));
            return;
        }
        PaperRecord.Builder b = PaperRecord.builder(format(), pos)
                .entity(new SourceEntity(type, name, text(n, "full_name"), role, variants));
        JsonNode paper = n.get("paper");
        if (paper != null && paper.isObject()) {
            b.title(text(paper, "title")).otherId("pwc", pwcId(text(paper, "url")));
        } else if (paper != null && paper.isTextual()) {
            b.otherId("pwc", pwcId(paper.asText()));
        }
        if (b.build().describesPaper()) b.recordKey(org.papergraph.resolve.Iris.contentKey(type.label(), name));
        sink.accept(b.build());
    }

    /** The strings of an array field (names of dataset variants, say); empty when absent. */
    static java.util.List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (v != null && v.isArray()) for (JsonNode e : v) if (e.isTextual() && !e.asText().isBlank()) out.add(e.asText());
        return out;
    }


    /** A non-blank string (or number, as text) field, stripped; null otherwise. */
    static String text(JsonNode n, String field) { return JsonRecords.text(n, field); }

    /**
     * The Papers with Code paper id from a paper page URL ({@code https://paperswithcode.com/paper/some-title}) or
     * a bare id; null for null or another URL.
     */
    static String pwcId(String urlOrId) {
        if (urlOrId == null) return null;
        int i = urlOrId.indexOf(PAPER_PAGE);
        if (i >= 0) {
            String id = urlOrId.substring(i + PAPER_PAGE.length()).replaceAll("[/?#].*$", "");
            return id.isBlank() ? null : id;
        }
        return urlOrId.contains("/") || urlOrId.contains(":") || urlOrId.isBlank() ? null : urlOrId.strip();
    }

    /**
     * How sure a reader can be from the head: the head is a JSON array or object whose first object has
     * {@code all} keys (quoted) and at least one of {@code any} (none required when {@code any} is empty).
     */
    static boolean hasKeys(String head, String[] all, String... any) {
        String h = head.stripLeading();
        if (!h.startsWith("[") && !h.startsWith("{")) return false;
        for (String k : all) if (!h.contains("\"" + k + "\"")) return false;
        if (any.length == 0) return true;
        for (String k : any) if (h.contains("\"" + k + "\"")) return true;
        return false;
    }
}
