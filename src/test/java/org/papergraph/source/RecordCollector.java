package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@link RecordSink} that keeps what a reader hands it, for assertions. */
public final class RecordCollector implements RecordSink {
    public final List<PaperRecord> records = new ArrayList<>();
    public final List<RecordError> errors = new ArrayList<>();

    @Override public void accept(PaperRecord record) { records.add(record); }
    @Override public void reject(RecordError error) { errors.add(error); }

    /** Reads a file (gzip undone) with {@code reader}. */
    public static RecordCollector read(RecordReader reader, Path file) throws IOException {
        RecordCollector c = new RecordCollector();
        try (InputStream in = SourceFiles.open(file)) {
            reader.read(in, file.getFileName().toString(), c);
        }
        return c;
    }

    /** Reads a string with {@code reader}, as file {@code name}. */
    public static RecordCollector read(RecordReader reader, String name, String content) throws IOException {
        RecordCollector c = new RecordCollector();
        reader.read(new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name, c);
        return c;
    }
}
