package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The loop of the readers whose files are one JSON document of entries (Crossref works, the Papers with Code archive,
 * OpenAlex API pages): an array of entries; an object whose list field ({@code items}, {@code results}) holds them, or
 * whose wrapper field ({@code message}) holds such an object; or one object, the only entry. Entries are numbered from
 * 1 in file order and streamed with Jackson, one in memory at a time, so a 700 MB file reads in constant memory. An
 * entry that is not an object is rejected at its number with the line it starts on; a JSON syntax error ends the
 * file (the parser cannot find the next entry) and is reported at its line, the entries before it kept. Stateless.
 */
final class JsonDocuments {
    /** Receives each object entry: its position (entry number) and the line it starts on, for messages. */
    interface Handler { void entry(JsonNode object, SourcePosition position, long line); }

    /**
     * What a file holds and what its entries are called in messages ({@code what}: "a Crossref works file";
     * {@code noun}: "work"), and which fields of an object hold the entries.
     */
    record Shape(String what, String noun, Set<String> lists, Set<String> wrappers) {}

    private JsonDocuments() {}

    /** Whether {@code head}, the start of a file, opens a JSON object or array (after white space). */
    static boolean startsLikeJson(String head) {
        String h = head.stripLeading();
        return h.startsWith("{") || h.startsWith("[");
    }

    static void read(InputStream in, String file, RecordSink sink, ObjectMapper json, Shape shape, Handler handler) throws IOException {
        try (JsonParser p = json.getFactory().createParser(in)) {
            long[] entries = {0};
            try {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    readArray(p, file, json, shape, handler, sink, entries);
                } else if (t == JsonToken.START_OBJECT) {
                    readObject(p, file, json, shape, handler, sink, entries);
                } else if (t != null) {
                    sink.reject(new RecordError(SourcePosition.line(file, line(p)),
                            "not " + shape.what() + ": expected a JSON array or object"));
                }
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? line(p) : e.getLocation().getLineNr();
                sink.reject(new RecordError(SourcePosition.line(file, Math.max(1, line)), "JSON syntax error after entry "
                        + entries[0] + ": " + e.getOriginalMessage() + "; the rest of the file cannot be read"));
            }
        }
    }

    /** A list response, a wrapper, or a single object (one entry); the parser is on its START_OBJECT. */
    private static void readObject(JsonParser p, String file, ObjectMapper json, Shape shape, Handler handler, RecordSink sink,
                                   long[] entries) throws IOException {
        long start = line(p);
        ObjectNode single = json.createObjectNode();
        boolean container = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && shape.lists().contains(field)) {
                container = true;
                readArray(p, file, json, shape, handler, sink, entries);
            } else if (v == JsonToken.START_OBJECT && shape.wrappers().contains(field)) {
                container = true;
                readObject(p, file, json, shape, handler, sink, entries);
            } else {
                single.set(field, json.readTree(p));
            }
        }
        if (!container) handler.entry(single, SourcePosition.entry(file, ++entries[0]), start);
    }

    /** The elements of the array the parser is on, one entry each; ends on its END_ARRAY. */
    private static void readArray(JsonParser p, String file, ObjectMapper json, Shape shape, Handler handler, RecordSink sink,
                                  long[] entries) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = line(p);
            JsonNode n = json.readTree(p);
            SourcePosition pos = SourcePosition.entry(file, ++entries[0]);
            if (n == null || !n.isObject()) sink.reject(new RecordError(pos, shape.noun() + " at line " + line + " is not a JSON object"));
            else handler.entry(n, pos, line);
        }
    }

    private static long line(JsonParser p) { return Math.max(1, p.currentTokenLocation().getLineNr()); }
}
