package org.papergraph.serve.web;

import java.util.function.Consumer;

/**
 * Where the pages' SPARQL queries can be watched: when a listener is set, every SELECT a page runs is passed to it,
 * as text with the page's values already in place, so that it can be sent again on its own (the benchmark times
 * each page's queries over HTTP this way, docs/BENCHMARKS.md). Off unless set; for benchmarks and tests.
 */
public final class PageQueryLog {
    private PageQueryLog() {}

    private static volatile Consumer<String> listener;

    /** Passes every page query run from now on to {@code l}; null stops it. */
    public static void listen(Consumer<String> l) { listener = l; }

    static void seen(String query) {
        Consumer<String> l = listener;
        if (l != null) l.accept(query);
    }

    static boolean on() { return listener != null; }
}
