package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns one source file into paper records. Implementations stream: memory use does not grow with the input.
 * A reader is stateless; one instance may read several files, one after another or from several threads.
 */
public interface RecordReader {
    /** Short format name used by {@code --format} and recorded in provenance, e.g. {@code listing}. */
    String format();

    /**
     * Reads every record of {@code in}, handing each to {@code sink} in order. A record that cannot be read is
     * passed to {@link RecordSink#reject} with its position and the reader goes on; only a failure of the stream
     * itself (an {@link IOException}) ends the read early.
     *
     * @param in   the decoded bytes (gzip already undone by {@link SourceFiles}); the caller closes it
     * @param file the file name as the user gave it, for positions
     */
    void read(InputStream in, String file, RecordSink sink) throws IOException;

    /**
     * How sure this reader is that a file starting with {@code head} is in its format: 0 for no, higher for
     * more sure. {@link SourceFiles#detect} picks the highest.
     *
     * @param head up to the first 8 KiB of the decoded content, as UTF-8 text (possibly cut mid-character)
     */
    int sniff(String head);
}
