package org.papergraph.store;

/** The store cannot be opened or written; the message says what to do. */
public class StoreException extends RuntimeException {
    public StoreException(String message) { super(message); }
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
