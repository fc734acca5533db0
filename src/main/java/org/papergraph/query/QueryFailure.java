package org.papergraph.query;

/** A query cannot be found, parsed or given its parameters; the message says which and how to fix it. */
public class QueryFailure extends RuntimeException {
    public QueryFailure(String message) { super(message); }
    public QueryFailure(String message, Throwable cause) { super(message, cause); }
}
