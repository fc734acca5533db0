package org.papergraph.ingest;

import org.papergraph.store.GraphStore;

/** Lets tests in other packages use {@link IngestTest#count}. */
public final class IngestTestAccess {
    private IngestTestAccess() {}

    public static long count(GraphStore store, String query) { return IngestTest.count(store, query); }
}
