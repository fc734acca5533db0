package org.papergraph.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeParams;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.SystemTDB;

/**
 * Writes an empty TDB2 tuple index bottom-up from tuples already sorted in its order, with TDB2's B+tree packer
 * ({@link BPlusTreeRewriter}): full leaves left to right and the branch levels above them, no search and no page
 * split (ADR 0011). Used by the packed bulk loader for the quad indexes and for the summaries' triple indexes.
 *
 * <p>Node ids travel as longs: the 8 bytes of TDB2's key, read as a big-endian number, so that comparing them as
 * unsigned numbers is comparing the keys.
 */
public final class IndexPacker {
    private IndexPacker() {}

    /** Whether {@code index} is a B+tree this class can write. */
    public static boolean packable(TupleIndex index) {
        return index instanceof TupleIndexRecord rec && rec.getRangeIndex() instanceof BPlusTree;
    }

    /**
     * Writes {@code sorted} (each tuple in the index's column order; a tuple given twice in a row is written once) as
     * the whole of the empty {@code index}, in a transaction of that index alone.
     */
    public static void pack(TupleIndex index, Iterator<long[]> sorted) {
        BPlusTree bpt = (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
        RecordFactory factory = bpt.getRecordFactory();
        BPlusTreeParams params = new BPlusTreeParams(BPlusTreeParams.calcOrder(SystemTDB.BlockSize, factory), factory);
        Records records = new Records(sorted, factory, index.getTupleLength());
        CoLib.executeWrite(index, () -> BPlusTreeRewriter.packIntoBPlusTree(records, params, factory,
                bpt.getStateManager().getBufferChannel(), bpt.getNodeManager().getBlockMgr(),
                bpt.getRecordsMgr().getBlockMgr()));
    }

    /** The long of a node id (its key bytes, big-endian). */
    public static long raw(NodeId id) {
        byte[] b = new byte[SystemTDB.SizeOfNodeId];
        NodeIdFactory.set(id, b, 0);
        return ByteBuffer.wrap(b).getLong();
    }

    /** The node id of a long from {@link #raw}. */
    public static NodeId nodeId(long raw) {
        return NodeIdFactory.get(ByteBuffer.allocate(SystemTDB.SizeOfNodeId).putLong(0, raw), 0);
    }

    /** Sorted tuples as index records, each once. */
    private static final class Records implements Iterator<Record> {
        private final Iterator<long[]> sorted;
        private final RecordFactory factory;
        private final int width;
        private final long[] last;
        private boolean any;
        private Record next;

        Records(Iterator<long[]> sorted, RecordFactory factory, int width) {
            this.sorted = sorted;
            this.factory = factory;
            this.width = width;
            this.last = new long[width];
        }

        @Override
        public boolean hasNext() {
            while (next == null && sorted.hasNext()) {
                long[] q = sorted.next();
                if (any && Arrays.equals(q, 0, width, last, 0, width)) continue;
                System.arraycopy(q, 0, last, 0, width);
                any = true;
                ByteBuffer key = ByteBuffer.allocate(8 * width);
                for (int c = 0; c < width; c++) key.putLong(q[c]);
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
}
