package org.papergraph.ingest;

/** An ingest cannot go on; the message says what happened and what to do. */
public class IngestException extends RuntimeException {
    public IngestException(String message) { super(message); }
    public IngestException(String message, Throwable cause) { super(message, cause); }
}
