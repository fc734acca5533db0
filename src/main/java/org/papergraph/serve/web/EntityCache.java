package org.papergraph.serve.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * What a page reads of a big list, kept for the next views and pages of the same list: a method, dataset, task or
 * metric's papers with their dates and its ranked results (CIFAR-10 at 300k papers has 30,000 results and 58,000
 * papers, which take seconds to read), and a paper's or author's papers in date order (the most-cited paper at 300k
 * papers is cited by 16,791). Paging through such a list read all of it again for every page.
 *
 * <p>An entry is kept under the store's data version ({@code TransactionCoordinator.getDataVersion}, raised by every
 * committed write: ingest, the server's update and upload endpoints) and used only at that same version, so a page
 * never shows data older than its own read transaction. Only entities with at least {@link #minRows} rows are kept
 * (smaller ones read in milliseconds), least recently used first out, and at most {@link #MAX_ROWS} rows in all
 * (about 500 bytes a row, measured: 150 MB at most). Thread-safe.
 */
final class EntityCache {
    /** Rows (papers plus results) all entries hold together at most. */
    static final int MAX_ROWS = 300_000;
    /** Entities with fewer rows than this are not kept. Not final for tests. */
    static int minRows = 2_000;
    /** Pages served from the cache, for tests. */
    static volatile long hits;

    /**
     * A list's papers with their dates, in list order; for an entity also its ranked results (empty for the lists of a
     * paper or an author).
     */
    record Entry(Map<Node, Node> issued, RankedResults ranked, List<Node> paperOrder) {
        int rows() { return issued.size() + ranked.rows().size(); }
    }

    /** Which list: {@code list} names it on the page of {@code node} ("entity", "cited-by", "references", ...). */
    private record Key(Node node, String list) {}

    private record Versioned(long version, Entry entry) {}

    private final LinkedHashMap<Key, Versioned> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long rows;

    /** The entry of the list {@code list} on the page of {@code node}, read at {@code version}, or null. */
    synchronized Entry get(Node node, String list, long version) {
        Key key = new Key(node, list);
        Versioned v = entries.get(key);
        if (v == null) return null;
        if (v.version() != version) {
            // Older data (or, when this reader began before a write that a later one has cached, newer): not for it.
            if (v.version() < version) remove(key);
            return null;
        }
        hits++;
        return v.entry();
    }

    /** Keeps {@code entry}, the list {@code list} of {@code node} read at {@code version}, when it is big enough. */
    synchronized void put(Node node, String list, long version, Entry entry) {
        int n = entry.rows();
        if (n < minRows || n > MAX_ROWS) return;
        Key key = new Key(node, list);
        Versioned old = entries.get(key);
        if (old != null && old.version() > version) return;
        remove(key);
        entries.put(key, new Versioned(version, entry));
        rows += n;
        Iterator<Map.Entry<Key, Versioned>> it = entries.entrySet().iterator();
        while (rows > MAX_ROWS && it.hasNext()) {
            Map.Entry<Key, Versioned> eldest = it.next();
            if (eldest.getKey().equals(key)) continue;
            rows -= eldest.getValue().entry().rows();
            it.remove();
        }
    }

    private void remove(Key key) {
        Versioned old = entries.remove(key);
        if (old != null) rows -= old.entry().rows();
    }
}
