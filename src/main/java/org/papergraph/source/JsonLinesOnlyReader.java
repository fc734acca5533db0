package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;

/** A reader of a format that is always one record a line: a whole file is its lines from line 1, and always splittable. */
interface JsonLinesOnlyReader extends LineRecordReader {
    @Override
    default void read(InputStream in, String file, RecordSink sink) throws IOException {
        readLines(in, file, 1, sink);
    }

    @Override
    default boolean splittable(String head) { return true; }
}
