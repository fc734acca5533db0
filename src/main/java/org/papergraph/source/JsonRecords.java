package org.papergraph.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Splits a JSON source into its objects for the JSON readers: JSON Lines (through {@link JsonLines}: one object a
 * line, each parsed on its own so a broken line is one rejected record at its line number) or, when the first line is
 * a lone <code>{</code>, one pretty-printed object (entry 1).
 */
final class JsonRecords {
    static final ObjectMapper JSON = JsonLines.STRICT;

    /** Receives each object with its position. */
    interface Handler { void object(JsonNode node, SourcePosition position); }

    private JsonRecords() {}

    static void read(InputStream in, String file, RecordSink sink, Handler handler) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        b.mark(4096);
        String first = new String(b.readNBytes(4096), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        b.reset();
        if (first.equals("{")) {
            try {
                handler.object(JSON.readTree(b), SourcePosition.entry(file, 1));
            } catch (JsonProcessingException e) {
                sink.reject(new RecordError(SourcePosition.line(file, e.getLocation() == null ? 1 : e.getLocation().getLineNr()),
                        "JSON syntax error: " + e.getOriginalMessage()));
            }
            return;
        }
        readLines(b, file, 1, sink, handler);
    }

    /** Whether a source starting with {@code head} is JSON lines rather than one pretty-printed object. */
    static boolean splittable(String head) { return !LineRecordReader.firstLine(head).equals("{"); }

    /** Reads JSON lines, the first being line {@code firstLine} of {@code file}. */
    static void readLines(InputStream b, String file, long firstLine, RecordSink sink, Handler handler) throws IOException {
        JsonLines.read(b, file, firstLine, sink, JSON, handler::object);
    }

    /** A non-blank string field, stripped; numbers as text; null otherwise. */
    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** The first string of a field that is a string or an array of strings. */
    static String firstText(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v != null && v.isArray()) {
            for (JsonNode e : v) if (e.isValueNode() && !e.asText().isBlank()) return e.asText().strip();
            return null;
        }
        return text(n, field);
    }
}
