package org.papergraph.ingest;

import org.papergraph.source.RecordError;

/** Hears about an ingest as it goes; called from the ingesting thread. All methods default to doing nothing. */
public interface IngestListener {
    default void fileStarted(String file, String format, long bytes) {}
    /** Bytes of the current file consumed so far (raw, before gunzip). */
    default void progress(long bytesRead, long records) {}
    default void fileFinished(String file) {}
    /** A file found in a folder was not read, and why. */
    default void fileSkipped(String file, String reason) {}
    default void rejected(RecordError error) {}
    /**
     * Something read was repaired, not rejected (bytes that are not UTF-8 replaced by U+FFFD); {@code where} names
     * the file, line and column.
     */
    default void warning(String where, String what) {}
    default void batchCommitted(long records) {}
    /** A step after the records, e.g. rebuilding the leaderboard summaries; {@code what} reads as a sentence. */
    default void stage(String what) {}

    IngestListener NONE = new IngestListener() {};
}
