package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * A reader of a format with one record a line (JSON lines), which can therefore read any run of whole lines of a
 * file on its own: the Spark job (src/spark) splits such files into byte ranges and reads each where it lies,
 * with the same records, positions and rejections as {@link #read} of the whole file.
 */
public interface LineRecordReader extends RecordReader {
    /**
     * Whether a file whose decoded content starts with {@code head} is in the one-record-a-line form (as opposed
     * to, say, one pretty-printed JSON document, which this reader also reads but cannot split).
     */
    boolean splittable(String head);

    /**
     * Reads the lines of {@code in}, the first of which is line {@code firstLine} (1-based) of {@code file}, as
     * {@link #read} reads those lines of the whole file. {@code in} starts at the start of a line and holds whole lines.
     */
    void readLines(InputStream in, String file, long firstLine, RecordSink sink) throws IOException;

    /** The first line of {@code head}, stripped: what the JSON readers look at to tell lines from one document. */
    static String firstLine(String head) {
        return head.lines().findFirst().orElse("").strip();
    }
}
