package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The loop every JSON-lines reader shares: each line is decoded as strict UTF-8 and parsed on its own, so a line that
 * is not UTF-8, not valid JSON or not an object is one rejected record at its line number and the next line reads
 * normally. Blank lines are skipped, and a byte-order mark before the first line is ignored. What a reader makes of
 * each object it says in a {@link Handler}, which may refuse the object with a {@link BadRecord}. Stateless.
 */
final class JsonLines {
    /** Refuses text after the object on a line ({@code {"a":1} x}). Configured once, then only read: thread-safe. */
    static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Receives each object with its position; a {@link BadRecord} it throws rejects the line with its message. */
    interface Handler { void object(JsonNode object, SourcePosition position); }

    /** A line that is JSON but not a usable record; the message is the reason the line is rejected. */
    static final class BadRecord extends RuntimeException {
        BadRecord(String reason) { super(reason, null, false, false); }
    }

    private JsonLines() {}

    /** Reads the lines of {@code in} (named {@code file} in positions), parsing each with {@code mapper}. */
    static void read(InputStream in, String file, RecordSink sink, ObjectMapper mapper, Handler handler) throws IOException {
        read(in, file, 1, sink, mapper, handler);
    }

    /**
     * As {@link #read(InputStream, String, RecordSink, ObjectMapper, Handler)}, the first line of {@code in} being
     * line {@code firstLine} of {@code file}: a byte range of a file split by the Spark job ({@link LineRecordReader}).
     */
    static void read(InputStream in, String file, long firstLine, RecordSink sink, ObjectMapper mapper, Handler handler)
            throws IOException {
        Utf8Lines lines = new Utf8Lines(in, firstLine);
        Utf8Lines.Line line;
        while ((line = lines.next()) != null) {
            SourcePosition pos = SourcePosition.line(file, line.number());
            if (!line.ok()) {
                sink.reject(new RecordError(pos, line.error()));
                continue;
            }
            String text = line.text();
            // A byte-order mark is not JSON; editors on some systems put one before the first line.
            if (line.number() == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.isBlank()) continue;
            try {
                JsonNode node;
                try {
                    node = mapper.readTree(text);
                } catch (JsonProcessingException e) {
                    String where = e.getLocation() != null && e.getLocation().getColumnNr() > 0
                            ? " (column " + e.getLocation().getColumnNr() + ")" : "";
                    throw new BadRecord("not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
                }
                if (node == null || !node.isObject()) {
                    throw new BadRecord("not a JSON object but " + (node == null ? "nothing" : kind(node)));
                }
                handler.object(node, pos);
            } catch (BadRecord e) {
                sink.reject(new RecordError(pos, e.getMessage()));
            }
        }
    }

    /** What a JSON value is, for messages: "an object", "an array", "a string", "a number", "a boolean", "null". */
    static String kind(JsonNode n) {
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array";
        if (n.isTextual()) return "a string";
        if (n.isNumber()) return "a number";
        if (n.isBoolean()) return "a boolean";
        return "null";
    }

    private static String firstLine(String msg) {
        if (msg == null) return "unreadable";
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
