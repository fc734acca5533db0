package org.papergraph.store;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.params.StoreParamsBuilder;

/**
 * How papergraph lays out a new TDB2 store (ADR 0017): four quad indexes instead of TDB2's six. The triple table
 * (the default graph, which holds the store's summaries, {@link Summaries}) keeps TDB2's three.
 *
 * <p>Every query papergraph runs reads the union of the named graphs, where the graph is never bound: a pattern
 * binds some of subject, predicate and object, and {@code SPOG}, {@code POSG} and {@code OSPG} each lead with one
 * of them (a subject and an object bound together, with no predicate, use {@code OSPG} and filter on the subject).
 * Writes replace a record's named graph, which needs one index that leads with the graph: {@code GSPO}. The other
 * two of TDB2's default six ({@code GPOS}, {@code GOSP}) serve patterns that bind the graph and a predicate or object,
 * which papergraph only uses on small graphs (a record's graph, the leaderboards graph), where {@code GSPO} and a
 * scan of the graph do. Dropping them takes a third off the store and off a bulk load's sorting and index building
 * (docs/BENCHMARKS.md).
 *
 * <p>TDB2 records the layout in the store folder ({@code tdb.cfg}) when it creates the store, and reads it back on
 * every later open; a store made before this layout, or by another tool, keeps the indexes it has. TDB2's own
 * compaction ({@code tdb2.tdbcompact}) writes the default six indexes again: the store stays correct, only bigger.
 */
public final class StoreLayout {
    private StoreLayout() {}

    /**
     * The quad indexes of a new store. TDB2 answers a pattern from the index with the longest bound prefix, the first
     * in this list on a tie, and filters the rest of the pattern over that prefix's range. The order makes those
     * filters test only graphs and predicates, which are IRIs: TDB2's {@code NodeId.equals} compares the number of a
     * node id and not its kind, so a filter on the object could take an inline number for the IRI stored at that
     * position of the node table (measured: {@code 41} matched an IRI). So {@code OSPG} comes first, answering graph
     * and object together; {@code GSPO} next, answering graph and predicate (a record's results, a graph's marks: small
     * graphs), ahead of {@code POSG}.
     */
    public static final String[] QUAD_INDEXES = {"OSPG", "GSPO", "SPOG", "POSG"};

    private static final StoreParams PARAMS = StoreParamsBuilder.create(StoreParams.getDftStoreParams())
            .quadIndexes(QUAD_INDEXES).build();

    /** Opens the TDB2 store in {@code dir}, creating it with papergraph's layout when the folder is missing or empty. */
    public static DatasetGraph connect(Path dir) {
        return DatabaseMgr.connectDatasetGraph(dir.toString(), PARAMS);
    }

    /**
     * Opens the TDB2 store in {@code dir}, creating it with TDB2's default six quad indexes when the folder is missing
     * or empty: for TDB2's phased and parallel loaders, which write those six by name.
     */
    public static DatasetGraph connectWithTdbDefaults(Path dir) {
        return DatabaseMgr.connectDatasetGraph(dir.toString());
    }
}
