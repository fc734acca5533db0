package org.papergraph.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeParams;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A bulk loader for an empty store that writes the quad indexes bottom-up instead of inserting into them. While the
 * quads stream in, their terms get node ids from the node table (one write transaction) and each quad is kept as four
 * 64-bit node ids. At the end, for each of the store's quad indexes, the kept quads are sorted in that index's column
 * order and handed to TDB2's B+tree packer ({@link BPlusTreeRewriter}), which writes full leaves in order with no
 * search and no page split, in a transaction of that index alone, as Jena's {@code xloader} does from its sorted
 * files.
 *
 * <p>Memory stays bounded: up to a third of the heap holds quads (32 bytes each). A load with more quads than that
 * writes them to a file in a work folder, then sorts that file in chunks of that size into sorted runs for each index
 * and merges the runs into the packer, so disk, not heap, grows with the input: about 64 bytes a quad while an index
 * is built, deleted at the end. Quads in the default graph go to the triple table through ordinary inserts
 * (papergraph writes none).
 */
final class PackedLoader implements StreamRDF {
    private static final String PRIMARY = "GSPO";
    private static final int IO_BUFFER = 1 << 20;

    private final DatasetGraph dsg;
    private final Path work;
    /** Quads held in memory at most; more go to {@link #work}. */
    private final int memoryQuads;
    private long[] t = new long[4 * 1024];
    private int n;
    private long quads;
    private long spilled;
    private DataOutputStream spill;
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
        nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
    }

    /** Commits the node table, then builds each quad index from the kept quads; {@code stage} hears of each index. */
    void finishBulk(Consumer<String> stage) {
        dsg.commit();
        dsg.end();
        try {
            if (spill != null) {
                writeSpill();
                spill.close();
                spill = null;
                t = null;
            }
            TupleIndex[] indexes = tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
            for (int i = 0; i < indexes.length; i++) {
                TupleIndex index = indexes[i];
                if (!(index instanceof TupleIndexRecord rec) || !(rec.getRangeIndex() instanceof BPlusTree bpt)) {
                    throw new IllegalStateException("index " + index.getName() + " is not a B+tree; use --loader phased");
                }
                stage.accept("building index " + index.getName() + " (" + (i + 1) + " of " + indexes.length
                        + (spilled > 0 ? ", sorting " + quads + " quads on disk" : "") + ")");
                int[] order = new int[4];
                for (int c = 0; c < 4; c++) order[c] = PRIMARY.indexOf(index.getName().charAt(c));
                Iterator<long[]> sorted;
                List<Path> runs = List.of();
                if (spilled == 0) {
                    TupleSort.sort(t, n, order);
                    sorted = new InMemory(t, n, order);
                } else {
                    runs = runs(order, index.getName());
                    sorted = new Merge(runs);
                }
                RecordFactory factory = bpt.getRecordFactory();
                BPlusTreeParams params = new BPlusTreeParams(BPlusTreeParams.calcOrder(SystemTDB.BlockSize, factory), factory);
                Records records = new Records(sorted, factory);
                try {
                    CoLib.executeWrite(index, () -> BPlusTreeRewriter.packIntoBPlusTree(records, params, factory,
                            bpt.getStateManager().getBufferChannel(), bpt.getNodeManager().getBlockMgr(),
                            bpt.getRecordsMgr().getBlockMgr()));
                } finally {
                    if (sorted instanceof Merge m) m.close();
                    for (Path r : runs) Files.deleteIfExists(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sort the quads in " + work + ": " + e.getMessage(), e);
        } finally {
            t = null;
            deleteWork();
        }
    }

    /** Abandons the load; the node ids allocated are not committed, the work folder is deleted. */
    void finishException(Throwable failure) {
        if (dsg.isInTransaction()) {
            dsg.abort();
            dsg.end();
        }
        t = null;
        try {
            if (spill != null) spill.close();
        } catch (IOException ignored) {
            // deleted below anyway
        }
        deleteWork();
    }

    /** Sorted runs of the spilled quads in the column order {@code order}, each written in that order. */
    private List<Path> runs(int[] order, String name) throws IOException {
        List<Path> runs = new ArrayList<>();
        long[] chunk = new long[4 * (int) Math.min(memoryQuads, spilled)];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(work.resolve("quads.bin")), IO_BUFFER))) {
            long left = spilled;
            while (left > 0) {
                int m = (int) Math.min(left, chunk.length / 4);
                for (int k = 0; k < 4 * m; k++) chunk[k] = in.readLong();
                left -= m;
                TupleSort.sort(chunk, m, order);
                Path run = work.resolve(name + "-" + runs.size() + ".run");
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), IO_BUFFER))) {
                    for (int k = 0; k < m; k++) {
                        int base = 4 * k;
                        for (int c = 0; c < 4; c++) out.writeLong(chunk[base + order[c]]);
                    }
                }
                runs.add(run);
            }
        }
        return runs;
    }

    private void writeSpill() throws IOException {
        for (int k = 0; k < 4 * n; k++) spill.writeLong(t[k]);
        spilled += n;
        n = 0;
    }

    private void deleteWork() {
        if (work != null) BulkIngestor.deleteQuietly(work);
    }

    private long id(Node node) {
        NodeId id = nodes.getAllocateNodeId(node);
        NodeIdFactory.set(id, idBytes, 0);
        return idBuffer.getLong(0);
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
                if (spill == null) {
                    Files.createDirectories(work);
                    spill = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(work.resolve("quads.bin")), IO_BUFFER));
                }
                writeSpill();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the quads to " + work + ": " + e.getMessage(), e);
            }
        }
        if (4 * n == t.length) t = Arrays.copyOf(t, (int) Math.min(4L * memoryQuads, 2L * t.length));
        int base = 4 * n;
        t[base] = id(g);
        t[base + 1] = id(q.getSubject());
        t[base + 2] = id(q.getPredicate());
        t[base + 3] = id(q.getObject());
        n++;
        quads++;
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

    /** The k-way merge of sorted runs. */
    private static final class Merge implements Iterator<long[]>, AutoCloseable {
        private record Cursor(DataInputStream in, long[] head) {}

        private final PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator.comparing(Cursor::head, Arrays::compareUnsigned));
        private final List<DataInputStream> open = new ArrayList<>();
        private final long[] out = new long[4];

        Merge(List<Path> runs) throws IOException {
            for (Path r : runs) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(r), IO_BUFFER));
                open.add(in);
                Cursor c = new Cursor(in, new long[4]);
                if (read(c)) queue.add(c);
            }
        }


        private static boolean read(Cursor c) {
            try {
                for (int k = 0; k < 4; k++) c.head()[k] = c.in().readLong();
                return true;
            } catch (EOFException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override public boolean hasNext() { return !queue.isEmpty(); }

        @Override
        public long[] next() {
            Cursor c = queue.poll();
            if (c == null) throw new NoSuchElementException();
            System.arraycopy(c.head(), 0, out, 0, 4);
            if (read(c)) queue.add(c);
            return out;
        }

        @Override
        public void close() throws IOException {
            for (DataInputStream in : open) in.close();
        }
    }

    /** Sorted quads as index records, each once (a quad read twice is written once). */
    private static final class Records implements Iterator<Record> {
        private final Iterator<long[]> sorted;
        private final RecordFactory factory;
        private final long[] last = new long[4];
        private boolean any;
        private Record next;

        Records(Iterator<long[]> sorted, RecordFactory factory) {
            this.sorted = sorted;
            this.factory = factory;
        }

        @Override
        public boolean hasNext() {
            while (next == null && sorted.hasNext()) {
                long[] q = sorted.next();
                if (any && Arrays.equals(q, last)) continue;
                System.arraycopy(q, 0, last, 0, 4);
                any = true;
                ByteBuffer key = ByteBuffer.allocate(32);
                key.putLong(q[0]).putLong(q[1]).putLong(q[2]).putLong(q[3]);
                next = factory.create(key.array());
            }
            return next != null;
        }

        @Override
        public Record next() {
            if (!hasNext()) throw new NoSuchElementException();
            Record r = next;
            next = null;
            return r;
        }
    }

    /**
     * In-place sort of the 4-long tuples of an array by the columns {@code order} gives, each compared as unsigned
     * (the byte order of TDB2's index keys).
     */
    static final class TupleSort {
        private TupleSort() {}

        static void sort(long[] t, int n, int[] order) {
            if (n > 1) quick(t, 0, n - 1, order, new long[4]);
        }

        private static int compare(long[] t, int a, int b, int[] o) {
            int x = a * 4, y = b * 4;
            for (int c = 0; c < 4; c++) {
                int r = Long.compareUnsigned(t[x + o[c]], t[y + o[c]]);
                if (r != 0) return r;
            }
            return 0;
        }

        private static int comparePivot(long[] t, int a, long[] p, int[] o) {
            int x = a * 4;
            for (int c = 0; c < 4; c++) {
                int r = Long.compareUnsigned(t[x + o[c]], p[o[c]]);
                if (r != 0) return r;
            }
            return 0;
        }

        private static void quick(long[] t, int lo, int hi, int[] o, long[] pivot) {
            while (hi - lo > 16) {
                int mid = (lo + hi) >>> 1;
                if (compare(t, mid, lo, o) < 0) swap(t, mid, lo);
                if (compare(t, hi, lo, o) < 0) swap(t, hi, lo);
                if (compare(t, hi, mid, o) < 0) swap(t, hi, mid);
                System.arraycopy(t, mid * 4, pivot, 0, 4);
                int i = lo, j = hi;
                while (i <= j) {
                    while (comparePivot(t, i, pivot, o) < 0) i++;
                    while (comparePivot(t, j, pivot, o) > 0) j--;
                    if (i <= j) {
                        swap(t, i, j);
                        i++;
                        j--;
                    }
                }
                // The smaller side by recursion, the bigger by the loop: the stack stays logarithmic.
                if (j - lo < hi - i) {
                    quick(t, lo, j, o, pivot);
                    lo = i;
                } else {
                    quick(t, i, hi, o, pivot);
                    hi = j;
                }
            }
            for (int i = lo + 1; i <= hi; i++) {
                for (int j = i; j > lo && compare(t, j - 1, j, o) > 0; j--) swap(t, j - 1, j);
            }
        }

        private static void swap(long[] t, int a, int b) {
            int x = a * 4, y = b * 4;
            for (int c = 0; c < 4; c++) {
                long v = t[x + c];
                t[x + c] = t[y + c];
                t[y + c] = v;
            }
        }
    }
}
