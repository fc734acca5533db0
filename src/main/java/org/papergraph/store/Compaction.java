package org.papergraph.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Compaction of a store (docs/adr/0015-compaction.md). TDB2 never overwrites a block a committed transaction can
 * still see: every write transaction copies the index blocks it changes, and the old copies stay in the files. A
 * store that is re-ingested keeps growing although it holds the same quads. Compaction writes the live quads into a
 * new generation of the database ({@code Data-NNNN} with the next number, which TDB2 opens from then on), switches
 * the open store over to it, deletes the old generation, and merges away the Lucene text index's deleted documents.
 *
 * <p>How it stays safe:
 * <ul>
 * <li>The new generation is written in {@code Data-NNNN-tmp} and renamed into place only when complete; TDB2 deletes
 *     a {@code -tmp} folder it finds when it opens a store, so a kill during the copy leaves the old generation in
 *     use and the half-written one gone. A kill after the rename leaves two complete copies of the same quads: TDB2
 *     opens the newer, and {@link #deleteOldGenerations} (run by every open) deletes the older.</li>
 * <li>Writers are held off from the snapshot being copied until the switch (TDB2's read-only mode of the
 *     switchable dataset: they wait, they are not refused), so nothing committed meanwhile is lost. Readers go on
 *     reading the old generation until the switch.</li>
 * <li>The switch itself runs inside a {@link Gate}: a reader that began on the old generation must not make its
 *     next call after the switch, when the dataset would send it to the new one. The server's gate waits until no
 *     request is running and holds new ones for the moment of the switch; offline there is nobody to wait for.</li>
 * </ul>
 *
 * <p>How much a compaction would reclaim is estimated from the quad indexes ({@link #estimate}): the index blocks
 * allocated against those the live records fill. The node table is left out: terms are never deleted from it, and
 * a re-ingest of the same records adds few new ones.
 */
public final class Compaction {
    /** Share of the index space a compaction would reclaim, at or above which an ingest compacts at its end. */
    public static final double AUTO_GARBAGE_SHARE = 0.5;
    /** Bytes a compaction would reclaim at least before an ingest compacts at its end: tiny stores are left alone. */
    public static final long AUTO_MIN_RECLAIM_BYTES = 8L << 20;

    private static final Pattern GENERATION = Pattern.compile("Data-(\\d+)");

    private Compaction() {}

    /**
     * What compaction would do to a store.
     *
     * @param quads          quads in the store (named graphs and default graph)
     * @param indexBytes     bytes of index blocks allocated, live or not
     * @param liveIndexBytes bytes the live records need in full blocks, as a compacted store holds them
     * @param storeBytes     bytes of the store folder's files (all generations, the text index)
     */
    public record Estimate(long quads, long indexBytes, long liveIndexBytes, long storeBytes) {
        /** Index bytes a compaction would free. */
        public long reclaimable() { return Math.max(0, indexBytes - liveIndexBytes); }

        /** The share of the index space that is garbage, 0 to 1. */
        public double garbageShare() { return indexBytes == 0 ? 0 : (double) reclaimable() / indexBytes; }

        /** Whether an ingest compacts at its end: {@link #AUTO_GARBAGE_SHARE} and {@link #AUTO_MIN_RECLAIM_BYTES}. */
        public boolean worthCompacting() { return garbageShare() >= AUTO_GARBAGE_SHARE && reclaimable() >= AUTO_MIN_RECLAIM_BYTES; }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d quads, store %s, indexes %s of which %.0f%% (%s) reclaimable", quads,
                    mib(storeBytes), mib(indexBytes), 100 * garbageShare(), mib(reclaimable()));
        }
    }

    /** What a compaction did. */
    public record Result(long bytesBefore, long bytesAfter, long quads, long millis, String generation) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "compacted %d quads into %s: %s -> %s in %.1f s", quads, generation,
                    mib(bytesBefore), mib(bytesAfter), millis / 1000.0);
        }
    }

    /** Fills the empty database {@code target} with {@code quads}, each once; how a new generation is written. */
    public interface Copier {
        void copy(Iterator<Quad> quads, DatasetGraph target, Path work, Consumer<String> stage);
    }

    /** Runs the switch to the new generation while no reader is inside the store. */
    @FunctionalInterface
    public interface Gate {
        void exclusive(Runnable switchOver);

        /** For a store no one else reads: runs the switch at once. */
        Gate NONE = Runnable::run;
    }

    static String mib(long bytes) { return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0)); }

    /**
     * Bytes the store folder uses: TDB2 grows its index files in 8 MiB steps, as sparse files, so their lengths
     * overstate the space used; for each B+tree file ({@code .dat}, {@code .idn}) the blocks its state file
     * ({@code .bpt}: root, node blocks, record blocks) says are allocated count instead. Close to what {@code du}
     * reports. Every other file counts with its length.
     */
    public static long diskBytes(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(Compaction::usedBytes).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long usedBytes(Path p) {
        try {
            String n = p.getFileName().toString();
            boolean dat = n.endsWith(".dat"), idn = n.endsWith(".idn");
            if (dat || idn) {
                Path state = p.resolveSibling(n.substring(0, n.length() - 4) + ".bpt");
                if (Files.isRegularFile(state) && Files.size(state) >= 24) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(state));
                    long blocks = dat ? b.getLong(16) : b.getLong(8);
                    return Math.min(Files.size(p), blocks * SystemTDB.BlockSize);
                }
            }
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The estimate for the store whose TDB2 container is {@code tdb}; reads the indexes in a read transaction. */
    static Estimate estimate(DatasetGraph tdb, Path dir) {
        long[] out = new long[3];
        Txn.executeRead(tdb, () -> {
            DatasetGraphTDB db = TDBInternal.getDatasetGraphTDB(tdb);
            count(db.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes(), out, true);
            count(db.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes(), out, false);
        });
        return new Estimate(out[0], out[1], out[2], diskBytes(dir));
    }

    private static void count(TupleIndex[] indexes, long[] out, boolean quads) {
        long records = -1;
        for (TupleIndex index : indexes) {
            if (!(index instanceof TupleIndexRecord rec) || !(rec.getRangeIndex() instanceof BPlusTree bpt)) continue;
            // Every index holds the same records in another order: count them once, without decoding a term.
            if (records < 0) records = bpt.size();
            long blocks = bpt.getStateManager().getRecordsBlocksLimit() + bpt.getStateManager().getNodeBlocksLimit();
            int perBlock = Math.max(1, bpt.getParams().getMaxRec());
            int perNode = Math.max(2, bpt.getParams().getMaxPtr());
            long leaves = (records + perBlock - 1) / perBlock;
            long live = leaves + Math.max(1, (leaves + perNode - 2) / (perNode - 1));
            out[1] += blocks * SystemTDB.BlockSize;
            out[2] += Math.min(blocks, live) * SystemTDB.BlockSize;
        }
        if (records > 0) out[0] += records;
    }

    /** {@code Data-NNNN} folders of the container {@code dir}, oldest first. */
    static List<Path> generations(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "Data-*")) {
            for (Path p : s) if (GENERATION.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)) out.add(p);
        } catch (IOException e) {
            return out;
        }
        out.sort((a, b) -> Integer.compare(number(a), number(b)));
        return out;
    }

    private static int number(Path generation) {
        Matcher m = GENERATION.matcher(generation.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Deletes the generations older than the one in use: what a compaction stopped after its rename leaves (the
     * same quads twice). Called with the store open, so this process holds the folder's lock.
     *
     * @return how many were deleted
     */
    static int deleteOldGenerations(Path dir) {
        List<Path> gens = generations(dir);
        int n = 0;
        for (int i = 0; i < gens.size() - 1; i++) {
            deleteTree(gens.get(i));
            n++;
        }
        return n;
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Compacts the open store: see the class comment. {@code tdb} is its TDB2 container, {@code text} the
     * text-indexed dataset over it.
     */
    static Result compact(Path dir, DatasetGraph tdb, DatasetGraph text, Copier copier, Gate gate, Consumer<String> stage) {
        long t0 = System.nanoTime();
        DatasetGraphSwitchable container = TDBInternal.getDatabaseContainer(tdb);
        if (container == null || container.getContainerPath() == null) {
            throw new StoreException("the store in " + dir + " is not an on-disk TDB2 database; it cannot be compacted");
        }
        long before = diskBytes(dir);
        long[] quads = {0};
        Path[] made = {null};
        container.startReadOnlyDatabase(); // writers wait from here to the switch; readers go on
        DatasetGraphTDB old;
        StoreParams params;
        ReorderTransformation reorder;
        try {
            old = (DatasetGraphTDB) container.get();
            // The new generation keeps the old one's layout (ADR 0017: four quad indexes). TDB2 keeps a store's
            // tdb.cfg in the container folder, not in Data-NNNN, so a generation opened without these parameters
            // would be made with TDB2's default six quad indexes.
            params = old.getStoreParams();
            reorder = old.getReorderTransform();
            Path current = Path.of(old.getLocation().getDirectoryPath());
            Path next = current.resolveSibling(String.format(Locale.ROOT, "Data-%04d", number(current) + 1));
            Path tmp = next.resolveSibling(next.getFileName() + "-tmp");
            if (Files.exists(next)) throw new StoreException("cannot compact " + dir + ": " + next + " exists already");
            deleteTree(tmp);
            try {
                Files.createDirectories(tmp);
                copyConfigFiles(current, tmp);
                Location loc = Location.create(tmp.toString());
                DatasetGraphTDB target = StoreConnection.connectCreate(loc, params, reorder).getDatasetGraphTDB();
                try {
                    stage.accept("compacting: copying the live quads into " + next.getFileName());
                    Txn.executeRead(old, () -> {
                        Iterator<Quad> it = old.find();
                        Iterator<Quad> counted = new Iterator<>() {
                            @Override public boolean hasNext() { return it.hasNext(); }
                            @Override public Quad next() { quads[0]++; return it.next(); }
                        };
                        copier.copy(counted, target, tmp.resolve("sort-work"), stage);
                    });
                } finally {
                    StoreConnection.internalExpel(loc, true);
                }
                // A copier may write indexes outside the dataset's own transactions: prefixes go in afresh.
                var prefixes = Txn.calculateRead(old, () -> old.prefixes().getMapping());
                if (!prefixes.isEmpty()) {
                    DatasetGraphTDB again = StoreConnection.connectCreate(loc, params, reorder).getDatasetGraphTDB();
                    try {
                        Txn.executeWrite(again, () -> prefixes.forEach((p, uri) -> again.prefixes().add(p, uri)));
                    } finally {
                        StoreConnection.internalExpel(loc, true);
                    }
                }
                Files.move(tmp, next, StandardCopyOption.ATOMIC_MOVE);
                made[0] = next;
            } catch (IOException e) {
                deleteTree(tmp);
                throw new StoreException("compacting " + dir + " failed: " + e.getMessage() + "; the store is as it was", e);
            } catch (RuntimeException | Error e) {
                deleteTree(tmp);
                throw e;
            }
            // The text index: the same documents, without those deleted by re-ingests (writers are still held off).
            compactTextIndex(text, stage);
            DatasetGraphTDB fresh = StoreConnection.connectCreate(Location.create(made[0].toString()), params, reorder).getDatasetGraphTDB();
            TransactionCoordinator from = old.getTxnSystem().getTxnMgr();
            TransactionCoordinator to = fresh.getTxnSystem().getTxnMgr();
            try {
                gate.exclusive(() -> to.execExclusive(() -> {
                    // The data version goes on from the old one: caches keyed by it stay right.
                    to.takeOverFrom(from);
                    to.modifyConfigDirect(() -> from.listExternals().forEach(to::addExternal));
                    if (!container.change(old, fresh)) container.set(fresh);
                }));
            } catch (RuntimeException | Error e) {
                // Not switched: the new generation must not shadow the old one (which may still be written) at the next open.
                StoreConnection.internalExpel(Location.create(made[0].toString()), true);
                try {
                    Path back = made[0].resolveSibling(made[0].getFileName() + "-tmp");
                    Files.move(made[0], back, StandardCopyOption.ATOMIC_MOVE);
                    deleteTree(back);
                } catch (IOException io) {
                    throw new StoreException("compaction of " + dir + " failed before the switch and " + made[0]
                            + " could not be removed: delete it before the store is opened again", io);
                }
                throw e;
            }
        } finally {
            container.finishReadOnlyDatabase();
        }
        // Readers still on the old generation finish first; then it is closed and deleted.
        old.getTxnSystem().getTxnMgr().startExclusiveMode();
        StoreConnection.release(old.getLocation());
        deleteOldGenerations(dir);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Result(before, diskBytes(dir), quads[0], millis, made[0].getFileName().toString());
    }

    private static void copyConfigFiles(Path from, Path to) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(from)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && (n.equals("tdb.cfg") || n.endsWith(".opt"))) Files.copy(p, to.resolve(n));
            }
        }
    }

    /** Merges away the text index's deleted documents and commits; the index is left as it is when it cannot. */
    private static void compactTextIndex(DatasetGraph text, Consumer<String> stage) {
        if (!(text instanceof DatasetGraphText t) || !(t.getTextIndex() instanceof TextIndexLucene lucene)) return;
        stage.accept("compacting: merging away the text index's deleted documents");
        try {
            var writer = lucene.getIndexWriter();
            writer.forceMergeDeletes(true);
            writer.commit();
        } catch (IOException e) {
            throw new StoreException("compacting the text index failed: " + e.getMessage()
                    + "; the index is unchanged and still right", e);
        }
    }
}
