package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.papergraph.vocab.EntityType;

/**
 * What the Papers with Code archive readers share: the archive's files ({@code papers-with-abstracts.json},
 * {@code methods.json}, {@code datasets.json}, {@code links-between-papers-and-code.json}) are one JSON array of
 * objects, and the REST API returns the same objects one at a time or wrapped in a list response
 * ({@code {count, next, previous, results: [...]}}). All three shapes are read; each object is one entry
 * (1-based, in file order) and goes to {@link #entry}.
 *
 * <p>Streams with Jackson: one object at a time is in memory, so a 700 MB archive file reads in constant memory.
 * An entry that is not an object, or that {@link #entry} rejects, is reported at its entry number with the line it
 * starts on; the next entry still reads. A JSON syntax error ends the file (the parser cannot find the next entry):
 * it is reported at its line, and the entries before it are kept.
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
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            long[] entries = {0};
            try {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    readArray(p, file, sink, entries);
                } else if (t == JsonToken.START_OBJECT) {
                    readObject(p, file, sink, entries);
                } else if (t != null) {
                    sink.reject(new RecordError(SourcePosition.line(file, line(p)),
                            "not a Papers with Code " + format() + " file: expected a JSON array or object"));
                }
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? line(p) : e.getLocation().getLineNr();
                sink.reject(new RecordError(SourcePosition.line(file, Math.max(1, line)), "JSON syntax error after entry "
                        + entries[0] + ": " + e.getOriginalMessage() + "; the rest of the file cannot be read"));
            }
        }
    }

    /** An API list response, or a single object (one entry). */
    private void readObject(JsonParser p, String file, RecordSink sink, long[] entries) throws IOException {
        long start = line(p);
        ObjectNode single = JSON.createObjectNode();
        boolean list = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("results") && v == JsonToken.START_ARRAY) {
                list = true;
                readArray(p, file, sink, entries);
            } else {
                single.set(field, JSON.readTree(p));
            }
        }
        if (!list) handle(single, file, start, sink, ++entries[0]);
    }

    /** The elements of the array the parser is on, one entry each; ends on its END_ARRAY. */
    private void readArray(JsonParser p, String file, RecordSink sink, long[] entries) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = line(p);
            JsonNode n = JSON.readTree(p);
            handle(n, file, line, sink, ++entries[0]);
        }
    }

    private void handle(JsonNode n, String file, long line, RecordSink sink, long entry) {
        SourcePosition pos = SourcePosition.entry(file, entry);
        if (n == null || !n.isObject()) {
            sink.reject(new RecordError(pos, noun() + " at line " + line + " is not a JSON object"));
            return;
        }
        entry(n, pos, line, sink);
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

    private static long line(JsonParser p) { return Math.max(1, p.currentTokenLocation().getLineNr()); }

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
