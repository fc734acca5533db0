package org.papergraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;

/**
 * The papergraph store: a TDB2 database on disk. Each ingested record lives in its own named graph; the metadata
 * graph ({@link Iris#metaGraph()}) says for each record graph where it came from, which extractors made it and
 * when. Queries see the union of all named graphs as the default graph.
 *
 * <p>Writes happen in {@link #write} batches, each one TDB2 write transaction: a batch is stored whole or not at
 * all, so a crash or kill leaves the store as it was after the last committed batch. Safe to share between
 * threads; TDB2 gives readers a consistent snapshot while a batch commits.
 */
public final class GraphStore implements AutoCloseable {
    private static final Node ANY = Node.ANY;
    private final Path dir;
    private final DatasetGraph dsg;
    private final Iris iris;

    /** The TDB2 dataset itself, under the text-index wrapper; released on close. */
    private final DatasetGraph tdb;

    private GraphStore(Path dir, DatasetGraph tdb, Iris iris) {
        this.dir = dir;
        this.tdb = tdb;
        this.iris = iris;
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        // Writes pass the summaries' upkeep (ADR 0017) under the text index, so both follow every change.
        this.dsg = FullTextIndex.wrap(new SummaryWrites(tdb), dir);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /**
     * Opens the store in {@code dir}, creating an empty one when the folder is missing or empty.
     *
     * @throws StoreException when the folder cannot be created or written, or holds something that is not a
     *                        papergraph store
     */
    public static GraphStore open(Path dir, Iris iris) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new StoreException("store path " + dir + " is a file, not a folder; choose another --store");
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new StoreException("store folder " + dir + " is not writable; fix its permissions or choose another --store");
            }
            try (var entries = Files.list(dir)) {
                List<Path> list = entries.toList();
                boolean empty = list.isEmpty();
                boolean tdb2 = list.stream().anyMatch(p -> p.getFileName().toString().startsWith("Data-")
                        || p.getFileName().toString().equals("tdb.lock"));
                if (!empty && !tdb2) {
                    throw new StoreException("folder " + dir + " is not empty and is not a papergraph (TDB2) store; choose another --store");
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot use store folder " + dir + ": " + e.getMessage(), e);
        }
        try {
            GraphStore store = new GraphStore(dir, StoreLayout.connect(dir), iris);
            // A compaction stopped after its new generation was complete leaves the old one behind (Compaction).
            Compaction.deleteOldGenerations(dir);
            store.refreshAfterOpen();
            return store;
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path directory() { return dir; }

    public Iris iris() { return iris; }

    /**
     * The store's dataset graph: TDB2 (union default graph on) under the full-text index ({@link FullTextIndex}), which
     * every write must go through so the index stays in step. Callers use transactions.
     */
    public DatasetGraph datasetGraph() { return dsg; }

    /** The dataset for SPARQL: its default graph is the union of the named graphs. */
    public Dataset dataset() { return DatasetFactory.wrap(dsg); }

    /**
     * Replaces the graphs of the given records in one transaction: each record graph is emptied, filled with its
     * quads, and its provenance in the metadata graph rewritten ({@link RecordProvenance}).
     *
     * @return how many provenance quads the records got (the extractors' own descriptions not counted)
     */
    public long write(Collection<RecordQuads> batch, List<Extractor> extractors) {
        if (batch.isEmpty()) return 0;
        Node meta = iris.metaGraph();
        String now = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Node time = NodeFactory.createLiteralDT(now, XSDDatatype.XSDdateTime);
        try {
            return writeTxn(batch, extractors, meta, time);
        } catch (InternalError e) {
            // TDB2 writes through memory-mapped files: when the disk fills up, the failed page write reaches Java
            // as this error ("a fault occurred in ... unsafe memory access"), not as an IOException. The
            // transaction was not committed, so the store on disk is still the one after the last batch.
            throw new StoreException("writing to the store in " + dir + " failed, most likely because the disk is full ("
                    + e.getMessage() + "); free some space and run the same ingest again", e);
        }
    }

    private long writeTxn(Collection<RecordQuads> batch, List<Extractor> extractors, Node meta, Node time) {
        return Txn.calculateWrite(dsg, () -> {
            long provenance = 0;
            for (Extractor x : extractors) dsg.deleteAny(meta, iris.extractor(x.name()), ANY, ANY);
            RecordProvenance.agents(iris, extractors, dsg::add);
            // Leaderboards the batch can change are marked out of date in the same transaction (ADR 0009); the
            // ingest run refreshes them when it ends, and queries compute them from the results until then.
            Set<Node> stale = new HashSet<>();
            boolean allStale = false;
            for (RecordQuads rq : batch) {
                Node g = rq.graph();
                if (!allStale) {
                    Set<Node> touched = Leaderboards.touched(dsg, g, rq.quads());
                    if (touched == null) allStale = true;
                    else stale.addAll(touched);
                }
                dsg.deleteAny(g, ANY, ANY, ANY);
                dsg.deleteAny(meta, g, ANY, ANY);
                for (Quad q : rq.quads()) dsg.add(q);
                provenance += RecordProvenance.record(iris, g, rq.paper(), rq.format(), rq.position(), time, extractors, dsg::add);
            }
            if (allStale) Leaderboards.markAllStale(dsg, iris);
            else Leaderboards.markStale(dsg, iris, stale);
            return provenance;
        });
    }

    /**
     * Writes quads a conversion made ({@code convert}, the Spark job: record graphs with their provenance, entity
     * declarations, the extractors' descriptions) in one transaction. The first time a run meets a record graph (or
     * a subject of the metadata graph), that graph is emptied and its description in the metadata graph removed, so
     * a record loaded again replaces itself as in {@link #write}; {@code replaced} remembers them across batches (a
     * 64-bit hash each). The entities and cited graphs only grow. Every leaderboard is marked out of date.
     */
    public void writeConverted(Collection<Quad> quads, Set<Long> replaced) {
        if (quads.isEmpty()) return;
        Node meta = iris.metaGraph(), entities = iris.entitiesGraph(), cited = iris.citedGraph();
        try {
            Txn.executeWrite(dsg, () -> {
                for (Quad q : quads) {
                    Node g = q.getGraph();
                    Node target = g.equals(meta) ? q.getSubject() : g.equals(entities) || g.equals(cited) ? null : g;
                    if (target != null && target.isURI() && replaced.add(hash64(target.getURI()))) {
                        dsg.deleteAny(target, ANY, ANY, ANY);
                        dsg.deleteAny(meta, target, ANY, ANY);
                    }
                    dsg.add(q);
                }
                Leaderboards.markAllStale(dsg, iris);
            });
        } catch (InternalError e) {
            throw new StoreException("writing to the store in " + dir + " failed, most likely because the disk is full ("
                    + e.getMessage() + "); free some space and run the same ingest again", e);
        }
    }

    private static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * True when some leaderboard summary is marked out of date, or the store has results and no summaries; or when a
     * kept paper list is (ADR 0025), which {@link #refreshLeaderboards} refreshes with them.
     */
    public boolean leaderboardsOutOfDate() {
        return Txn.calculateRead(dsg, () -> Leaderboards.anyStale(dsg, iris) || Leaderboards.missing(dsg, iris)
                || ListSummaries.outOfDate(dsg));
    }

    /**
     * Brings the leaderboard summaries up to date (ADR 0009): recomputes those marked out of date, or all of them in a
     * store that has results but none (one built before summaries existed). Does nothing, and writes nothing, when
     * they are current.
     *
     * The kept starts of long paper lists (ADR 0025) marked out of date are recomputed in the same transaction.
     *
     * @return how many leaderboards were recomputed
     */
    public int refreshLeaderboards() {
        if (!leaderboardsOutOfDate()) return 0;
        return Txn.calculateWrite(dsg, () -> {
            int n = Leaderboards.update(dsg, iris);
            ListSummaries.refresh(dsg);
            return n;
        });
    }

    /**
     * Leaderboards left out of date by an ingest that stopped early or by writes through the server are rebuilt when
     * the store is next opened. A failure leaves the marks in place: queries still compute those leaderboards from
     * the results, so it is reported and not fatal.
     */
    private void refreshAfterOpen() {
        // The summaries first: the leaderboards' own writes are counted in them.
        if (!Txn.calculateRead(tdb, () -> Summaries.present(tdb))) {
            try {
                Txn.executeWrite(tdb, () -> Summaries.rebuild(tdb));
            } catch (InternalError e) {
                throw new StoreException("writing the summaries of the store in " + dir + " failed, most likely because the disk is full ("
                        + e.getMessage() + "); free some space and open it again", e);
            }
        }
        try {
            refreshLeaderboards();
        } catch (RuntimeException e) {
            System.err.println("papergraph: the leaderboard summaries in " + dir + " could not be brought up to date ("
                    + e.getMessage() + "); queries compute them from the results until the next ingest");
        }
    }

    /** Number of quads in all named graphs, metadata graph included (not the summaries in the default graph). */
    public long size() {
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            var it = dsg.find(ANY, ANY, ANY, ANY);
            while (it.hasNext()) {
                if (!it.next().isDefaultGraph()) n++;
            }
            return n;
        });
    }

    /**
     * The quad indexes the open store uses, in TDB2's order of preference ({@link StoreLayout}): what it was created
     * with, kept across compactions.
     */
    public List<String> quadIndexes() {
        DatasetGraph container = tdb;
        return Txn.calculateRead(container, () -> java.util.Arrays.stream(org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(container)
                .getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()).map(i -> i.getName()).toList());
    }

    /** How much a compaction would reclaim ({@link Compaction}); reads the indexes in a read transaction. */
    public Compaction.Estimate estimate() { return Compaction.estimate(tdb, dir); }

    /**
     * Compacts the store in place ({@link Compaction}): a new generation of the database holding only the live quads,
     * written by {@code copier}, switched to inside {@code gate}, the old one deleted. Writers wait meanwhile.
     *
     * @throws StoreException when the new generation cannot be written; the store is then as it was
     */
    public Compaction.Result compact(Compaction.Copier copier, Compaction.Gate gate, java.util.function.Consumer<String> stage) {
        return Compaction.compact(dir, tdb, dsg, copier, gate, stage);
    }

    @Override
    public void close() {
        // Release the database and the text index so another process (or a test) can open the folder.
        try {
            var index = ((org.apache.jena.query.text.DatasetGraphText) dsg).getTextIndex();
            FullTextIndex.forget(index);
            index.close();
        } finally {
            org.apache.jena.tdb2.sys.TDBInternal.expel(tdb);
        }
    }
}
