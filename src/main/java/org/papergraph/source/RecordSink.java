package org.papergraph.source;

/**
 * Receives what a {@link RecordReader} reads, in source order. Called from the reader's thread only.
 */
public interface RecordSink {
    /** A record that was read completely. */
    void accept(PaperRecord record);

    /** A record that could not be read; the reader goes on with the next one. */
    void reject(RecordError error);
}
