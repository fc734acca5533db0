package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reader of JSON objects, one a line or one pretty-printed object a file ({@link JsonRecords}): it says what one
 * object is ({@link #paper}), and reading whole files, telling lines from one document and reading runs of lines
 * follow from that.
 */
interface JsonObjectsReader extends LineRecordReader {
    /** Turns one object at {@code pos} into a record for {@code sink}, or rejects it there. */
    void paper(JsonNode n, SourcePosition pos, RecordSink sink);

    @Override
    default void read(InputStream in, String file, RecordSink sink) throws IOException {
        JsonRecords.read(in, file, sink, (n, pos) -> paper(n, pos, sink));
    }

    @Override
    default boolean splittable(String head) { return JsonRecords.splittable(head); }

    @Override
    default void readLines(InputStream in, String file, long firstLine, RecordSink sink) throws IOException {
        JsonRecords.readLines(in, file, firstLine, sink, (n, pos) -> paper(n, pos, sink));
    }
}
