package org.papergraph.serve.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * What a method, dataset, task or metric page reads of a big entity (its papers with their dates, its ranked results),
 * kept for the next pages of the same entity: CIFAR-10 at 300k papers has 30,000 results and 30,000 papers, which
 * take seconds to read, and paging through its lists read them again for every page.
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

    /** The entity's papers with their dates, its ranked results, and its papers newest first. */
    record Entry(Map<Node, Node> issued, Pages.Ranked ranked, List<Node> paperOrder) {
        int rows() { return issued.size() + ranked.rows().size(); }
    }

    private record Versioned(long version, Entry entry) {}

    private final LinkedHashMap<Node, Versioned> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long rows;

    /** The entry of {@code entity} read at {@code version}, or null. */
    synchronized Entry get(Node entity, long version) {
        Versioned v = entries.get(entity);
        if (v == null) return null;
        if (v.version() != version) {
            // Older data (or, when this reader began before a write that a later one has cached, newer): not for it.
            if (v.version() < version) remove(entity);
            return null;
        }
        hits++;
        return v.entry();
    }

    /** Keeps {@code entry}, read at {@code version}, when it is big enough to be worth it. */
    synchronized void put(Node entity, long version, Entry entry) {
        int n = entry.rows();
        if (n < minRows || n > MAX_ROWS) return;
        Versioned old = entries.get(entity);
        if (old != null && old.version() > version) return;
        remove(entity);
        entries.put(entity, new Versioned(version, entry));
        rows += n;
        Iterator<Map.Entry<Node, Versioned>> it = entries.entrySet().iterator();
        while (rows > MAX_ROWS && it.hasNext()) {
            Map.Entry<Node, Versioned> eldest = it.next();
            if (eldest.getKey().equals(entity)) continue;
            rows -= eldest.getValue().entry().rows();
            it.remove();
        }
    }

    private void remove(Node entity) {
        Versioned old = entries.remove(entity);
        if (old != null) rows -= old.entry().rows();
    }
}
