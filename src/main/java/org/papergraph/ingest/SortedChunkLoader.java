package org.papergraph.ingest;

import java.util.Arrays;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.lib.TupleLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A bulk loader that inserts each index's quads in that index's order, a chunk at a time: the quads of a chunk get
 * their node ids as they arrive, then for each of the six quad indexes the chunk's records are sorted in the index's
 * key order and inserted in that order. Consecutive inserts then land in the same or the next B+tree leaf instead of
 * anywhere in the index, which is what makes TDB2's loaders fast on sorted input and slow on shuffled input
 * (docs/BENCHMARKS.md). Everything runs in one write transaction on the calling thread, so a failed or stopped load
 * commits nothing; {@link BulkIngestor} builds in a sibling folder anyway.
 *
 * <p>Quads in the default graph go to the triple table as they come (papergraph writes none). Inserting a record an
 * index already holds changes nothing, so duplicates need no bookkeeping; {@link #added} counts the quads new to the
 * first index.
 */
final class SortedChunkLoader implements StreamRDF {
    /** Quads per chunk unless the system property {@code papergraph.sortedChunk} says otherwise. */
    static final int DEFAULT_CHUNK = 2_000_000;

    private final DatasetGraph dsg;
    private final int chunkSize;
    private DatasetGraphTDB tdb;
    private NodeTable nodes;
    private TupleIndex[] indexes;
    @SuppressWarnings("unchecked")
    private Tuple<NodeId>[] chunk;
    private int n;
    long added;

    SortedChunkLoader(DatasetGraph dsg) {
        this(dsg, Integer.getInteger("papergraph.sortedChunk", DEFAULT_CHUNK));
    }

    @SuppressWarnings("unchecked")
    SortedChunkLoader(DatasetGraph dsg, int chunkSize) {
        this.dsg = dsg;
        this.chunkSize = chunkSize;
        this.chunk = new Tuple[chunkSize];
    }

    /** Begins the write transaction. */
    void startBulk() {
        dsg.begin(TxnType.WRITE);
        tdb = TDBInternal.getDatasetGraphTDB(dsg);
        nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        indexes = tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
    }

    /** Inserts what is left and commits. */
    void finishBulk() {
        flush();
        dsg.commit();
        dsg.end();
    }

    /** Abandons the load: nothing of it is committed. */
    void finishException(Throwable t) {
        if (dsg.isInTransaction()) {
            dsg.abort();
            dsg.end();
        }
    }

    @Override public void start() {}

    @Override public void finish() {}

    @Override public void base(String base) {}

    @Override public void prefix(String prefix, String iri) {}

    @Override public void version(String version) {}

    @Override
    public void triple(Triple t) {
        tdb.getTripleTable().add(t);
    }

    @Override
    public void quad(Quad q) {
        Node g = q.getGraph();
        if (g == null || Quad.isDefaultGraph(g)) {
            triple(q.asTriple());
            return;
        }
        chunk[n++] = TupleFactory.create4(nodes.getAllocateNodeId(g), nodes.getAllocateNodeId(q.getSubject()),
                nodes.getAllocateNodeId(q.getPredicate()), nodes.getAllocateNodeId(q.getObject()));
        if (n == chunkSize) flush();
    }

    private void flush() {
        if (n == 0) return;
        for (int i = 0; i < indexes.length; i++) {
            TupleIndex index = indexes[i];
            if (!(index instanceof TupleIndexRecord rec)) {
                for (int k = 0; k < n; k++) index.add(chunk[k]);
                continue;
            }
            RangeIndex range = rec.getRangeIndex();
            RecordFactory factory = range.getRecordFactory();
            Record[] records = new Record[n];
            for (int k = 0; k < n; k++) records[k] = TupleLib.record(factory, chunk[k], rec.getMapping());
            Arrays.sort(records, (a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
            long fresh = 0;
            for (Record r : records) if (range.insert(r)) fresh++;
            if (i == 0) added += fresh;
        }
        Arrays.fill(chunk, 0, n, null);
        n = 0;
    }
}
