package org.papergraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.papergraph.store.IndexPacker;

/**
 * A bulk loader for an empty store that writes the quad indexes bottom-up instead of inserting into them. While the
 * quads stream in, their terms get node ids from the node table (one write transaction) and each quad is kept as four
 * 64-bit node ids. At the end, for each of the store's quad indexes, the kept quads are sorted in that index's column
 * order and handed to TDB2's B+tree packer ({@link BPlusTreeRewriter}), which writes full leaves in order with no
 * search and no page split, in a transaction of that index alone, as Jena's {@code xloader} does from its sorted
 * files. Sorting uses every core.
 *
 * <p>Memory stays bounded: up to a third of the heap holds quads (32 bytes each). When that fills, the held quads are
 * sorted in each index's order in turn and written to a work folder as one sorted run per index (delta-coded, see
 * {@link RunWriter}), and the array is reused. At the end the indexes are built from their runs by a k-way merge,
 * two at a time (one per core, at most two), so disk, not heap, grows with the input: all six indexes' runs are on
 * disk at once, and each is deleted when its index is built. Quads in the default graph go to the triple table
 * through ordinary inserts (papergraph writes none).
 */
final class PackedLoader implements StreamRDF {
    private static final String PRIMARY = "GSPO";
    private static final int IO_BUFFER = 1 << 20;
    /** Index builds at once from sorted runs: one per core, and no more than two (they share the disk). */
    private static final int BUILDERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** Slots of the cache of recent terms in front of the node table ({@link #id}). */
    private static final int ID_CACHE = 1 << 20;

    private final DatasetGraph dsg;
    private final Path work;
    /** Quads held in memory at most; more go to {@link #work}. */
    private final int memoryQuads;
    private long[] t = new long[4 * 1024];
    private int n;
    private long spilled;
    /** The sorted runs written so far, by index position; null while every quad is in {@link #t}. */
    private List<List<Path>> runs;
    private TupleIndex[] indexes;
    private final ForkJoinPool sorter = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    private final Node[] cachedNodes = new Node[ID_CACHE];
    private final int[] cachedHashes = new int[ID_CACHE];
    private final long[] cachedIds = new long[ID_CACHE];
    private final byte[] idBytes = new byte[SystemTDB.SizeOfNodeId];
    private final ByteBuffer idBuffer = ByteBuffer.wrap(idBytes);
    private DatasetGraphTDB tdb;
    private NodeTable nodes;

    /** A loader for the empty store {@code dsg}, with {@code work} (created when needed, deleted at the end) for big loads. */
    PackedLoader(DatasetGraph dsg, Path work) {
        this(dsg, work, defaultMemoryQuads());
    }

    private static int defaultMemoryQuads() {
        if (memoryQuadsOverride > 0) return memoryQuadsOverride;
        int property = Integer.getInteger("papergraph.packedMemoryQuads", 0);
        return property > 0 ? property : (int) Math.min(Integer.MAX_VALUE / 4 - 8, Runtime.getRuntime().maxMemory() / 3 / 32);
    }

    /**
     * When positive, the quads held in memory at most instead of a third of the heap's worth; so does the system
     * property {@code papergraph.packedMemoryQuads} (for tests and for trying the disk path on a small input).
     */
    static int memoryQuadsOverride;

    PackedLoader(DatasetGraph dsg, Path work, int memoryQuads) {
        this.dsg = dsg;
        this.work = work;
        this.memoryQuads = memoryQuads;
    }

    /** Begins the transaction that allocates node ids. */
    void startBulk() {
        dsg.begin(TxnType.WRITE);
        tdb = TDBInternal.getDatasetGraphTDB(dsg);
        // The node table under TDB2's caches: the cache in id() is the loader's, and TDB2's (Caffeine, with its
        // eviction bookkeeping on every new term) cost 7% of the node-id thread at 100k papers. Nothing else reads
        // the node table while the load runs, and the store is opened afresh after it.
        nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable().baseNodeTable();
        indexes = tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
        for (TupleIndex index : indexes) {
            if (!IndexPacker.packable(index)) {
                IllegalStateException e = new IllegalStateException("index " + index.getName()
                        + " is not a B+tree; use --loader phased");
                finishException(e); // the caller has not started feeding: end the transaction and the sorter here
                throw e;
            }
        }
    }

    /** Commits the node table, then builds each quad index from the kept quads; {@code stage} hears of each index. */
    void finishBulk(Consumer<String> stage) {
        dsg.commit();
        dsg.end();
        try {
            if (runs == null) {
                for (int i = 0; i < indexes.length; i++) {
                    stage.accept("building index " + indexes[i].getName() + " (" + (i + 1) + " of " + indexes.length
                            + ")");
                    int[] order = order(indexes[i]);
                    TupleSort.sort(t, n, order, sorter);
                    IndexPacker.pack(indexes[i], new InMemory(t, n, order));
                }
            } else {
                if (n > 0) writeRuns();
                t = null;
                buildFromRuns(stage);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sort the quads in " + work + ": " + e.getMessage(), e);
        } finally {
            t = null;
            sorter.shutdownNow();
            deleteWork();
        }
    }

    /** Builds every index from its sorted runs, {@link #BUILDERS} at a time; the first failure stops the rest. */
    private void buildFromRuns(Consumer<String> stage) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(BUILDERS, r -> {
            Thread th = new Thread(r, "papergraph-index-build");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (int i = 0; i < indexes.length; i++) {
                TupleIndex index = indexes[i];
                List<Path> indexRuns = runs.get(i);
                String what = "building index " + index.getName() + " (" + (i + 1) + " of " + indexes.length
                        + ", merging " + indexRuns.size() + " sorted runs of " + spilled + " quads)";
                builds.add(pool.submit(() -> {
                    synchronized (stage) {
                        stage.accept(what);
                    }
                    try (Merge merge = new Merge(indexRuns)) {
                        IndexPacker.pack(index, merge);
                    }
                    for (Path r : indexRuns) Files.deleteIfExists(r);
                    return null;
                }));
            }
            for (Future<?> f : builds) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) throw io;
                    if (cause instanceof RuntimeException re) throw re;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while building the indexes", e);
                }
            }
        } finally {
            // After a failure, the builds not started are dropped and a running one is waited for: the caller
            // deletes the store folder next.
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The positions in a GSPO quad of {@code index}'s columns, in its order. */
    private static int[] order(TupleIndex index) {
        int[] order = new int[4];
        for (int c = 0; c < 4; c++) order[c] = PRIMARY.indexOf(index.getName().charAt(c));
        return order;
    }

    /** Abandons the load; the node ids allocated are not committed, the work folder is deleted. */
    void finishException(Throwable failure) {
        if (dsg.isInTransaction()) {
            dsg.abort();
            dsg.end();
        }
        t = null;
        sorter.shutdownNow();
        deleteWork();
    }

    /** Sorts the held quads in each index's order in turn and writes each order as a sorted run of that index. */
    private void writeRuns() throws IOException {
        if (runs == null) {
            Files.createDirectories(work);
            runs = new ArrayList<>();
            for (int i = 0; i < indexes.length; i++) runs.add(new ArrayList<>());
        }
        for (int i = 0; i < indexes.length; i++) {
            int[] order = order(indexes[i]);
            TupleSort.sort(t, n, order, sorter);
            Path run = work.resolve(indexes[i].getName() + "-" + runs.get(i).size() + ".run");
            try (RunWriter out = new RunWriter(Files.newOutputStream(run))) {
                for (int k = 0; k < n; k++) out.add(t, 4 * k, order);
            }
            runs.get(i).add(run);
        }
        spilled += n;
        n = 0;
    }

    private void deleteWork() {
        if (work != null) BulkIngestor.deleteQuietly(work);
    }

    /**
     * The node id of {@code node}, allocated when new. A direct-mapped cache of recent terms sits in front of the node
     * table: most terms of a quad were seen a moment ago (the record's graph, its paper, the predicates), and the node
     * table's own cache costs several times more per hit.
     */
    private long id(Node node) {
        int h = node.hashCode();
        int slot = (h ^ (h >>> 16)) & (ID_CACHE - 1);
        Node seen = cachedNodes[slot];
        // The hash first: comparing two literals costs more than the rest of a hit (measured at 1M papers).
        if (seen == node || (seen != null && cachedHashes[slot] == h && seen.equals(node))) return cachedIds[slot];
        // Numbers, dates and booleans are held in the id itself (as TDB2's NodeTableInline does above its caches).
        NodeId id = node.isLiteral() ? NodeIdInline.inline(node) : null;
        if (id == null) id = nodes.getAllocateNodeId(node);
        NodeIdFactory.set(id, idBytes, 0);
        long v = idBuffer.getLong(0);
        cachedNodes[slot] = node;
        cachedHashes[slot] = h;
        cachedIds[slot] = v;
        return v;
    }

    @Override public void start() {}

    @Override public void finish() {}

    @Override public void base(String base) {}

    @Override public void prefix(String prefix, String iri) {}

    @Override public void version(String version) {}

    @Override
    public void triple(Triple triple) {
        tdb.getTripleTable().add(triple);
    }

    @Override
    public void quad(Quad q) {
        Node g = q.getGraph();
        if (g == null || Quad.isDefaultGraph(g)) {
            triple(q.asTriple());
            return;
        }
        if (n == memoryQuads) {
            try {
                writeRuns();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write sorted quads to " + work + ": " + e.getMessage(), e);
            }
        }
        if (4 * n == t.length) t = Arrays.copyOf(t, (int) Math.min(4L * memoryQuads, 2L * t.length));
        int base = 4 * n;
        t[base] = id(g);
        t[base + 1] = id(q.getSubject());
        t[base + 2] = id(q.getPredicate());
        t[base + 3] = id(q.getObject());
        n++;
    }

    /** The quads of an array sorted in {@code order}, each as four ids in that order. */
    private static final class InMemory implements Iterator<long[]> {
        private final long[] t;
        private final int n;
        private final int[] order;
        private final long[] out = new long[4];
        private int i;

        InMemory(long[] t, int n, int[] order) {
            this.t = t;
            this.n = n;
            this.order = order;
        }

        @Override public boolean hasNext() { return i < n; }

        @Override
        public long[] next() {
            if (i >= n) throw new NoSuchElementException();
            int base = 4 * i++;
            for (int c = 0; c < 4; c++) out[c] = t[base + order[c]];
            return out;
        }
    }

    /**
     * Writes tuples, given in sorted order, as a run: for each tuple a byte with the first column that differs from
     * the previous tuple ({@code c}), then that column's increase and the columns after it, each as an unsigned
     * varint. Columns before {@code c} are the previous tuple's. A tuple equal to the previous one is written once.
     * Node ids are offsets into the node file (small numbers) or inline values, so a quad took 7.2 bytes instead of
     * 32 at 20k papers (docs/BENCHMARKS.md).
     */
    static final class RunWriter implements AutoCloseable {
        private static final int MAX_TUPLE = 1 + 4 * 10;
        private final OutputStream out;
        private final byte[] buf = new byte[IO_BUFFER];
        private final long[] prev = new long[4];
        private int pos;
        private boolean any;

        RunWriter(OutputStream out) {
            this.out = out;
        }

        /** Adds the tuple at {@code t[base..base+3]}, its columns taken in {@code order}. */
        void add(long[] t, int base, int[] order) throws IOException {
            int c = 0;
            if (any) {
                while (c < 4 && t[base + order[c]] == prev[c]) c++;
                if (c == 4) return;
            }
            any = true;
            if (pos + MAX_TUPLE > buf.length) flush();
            buf[pos++] = (byte) c;
            long v = t[base + order[c]];
            put(v - prev[c]);
            prev[c] = v;
            for (int k = c + 1; k < 4; k++) {
                v = t[base + order[k]];
                put(v);
                prev[k] = v;
            }
        }

        private void put(long v) {
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        private void flush() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                out.close();
            }
        }
    }

    /** Reads a run {@link RunWriter} wrote, a tuple at a time into {@link #head}. */
    static final class RunReader implements AutoCloseable {
        private final InputStream in;
        private final byte[] buf;
        final long[] head = new long[4];
        private int pos;
        private int lim;
        private boolean eof;

        RunReader(InputStream in) {
            this(in, IO_BUFFER);
        }

        RunReader(InputStream in, int buffer) {
            this.in = in;
            this.buf = new byte[Math.max(4 * RunWriter.MAX_TUPLE, buffer)];
        }

        /** Reads the next tuple into {@link #head}; false at the end of the run. */
        boolean next() throws IOException {
            if (lim - pos < RunWriter.MAX_TUPLE && !eof) fill();
            if (pos == lim) return false;
            int c = buf[pos++];
            if (c < 0 || c > 3) throw new IOException("a sorted run is damaged (column " + c + ")");
            head[c] += get();
            for (int k = c + 1; k < 4; k++) head[k] = get();
            return true;
        }

        private long get() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                if (pos == lim) throw new IOException("a sorted run ends in the middle of a tuple");
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) return v;
            }
            throw new IOException("a sorted run is damaged (a number of more than ten bytes)");
        }

        private void fill() throws IOException {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
            while (lim < buf.length) {
                int r = in.read(buf, lim, buf.length - lim);
                if (r < 0) {
                    eof = true;
                    break;
                }
                lim += r;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The k-way merge of sorted runs. */
    static final class Merge implements Iterator<long[]>, AutoCloseable {
        private final PriorityQueue<RunReader> queue = new PriorityQueue<>((a, b) -> Arrays.compareUnsigned(a.head, b.head));
        private final List<RunReader> open = new ArrayList<>();
        private final long[] out = new long[4];

        Merge(List<Path> runs) throws IOException {
            // A buffer per run, smaller when there are many runs: two merges at once hold at most an eighth of the heap.
            int buffer = (int) Math.max(64 << 10, Math.min(IO_BUFFER, Runtime.getRuntime().maxMemory() / 16 / Math.max(1, runs.size())));
            try {
                for (Path r : runs) {
                    RunReader reader = new RunReader(Files.newInputStream(r), buffer);
                    open.add(reader);
                    if (reader.next()) queue.add(reader);
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override public boolean hasNext() { return !queue.isEmpty(); }

        @Override
        public long[] next() {
            RunReader r = queue.poll();
            if (r == null) throw new NoSuchElementException();
            System.arraycopy(r.head, 0, out, 0, 4);
            try {
                if (r.next()) queue.add(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (RunReader r : open) {
                try {
                    r.close();
                } catch (IOException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        }
    }
}
