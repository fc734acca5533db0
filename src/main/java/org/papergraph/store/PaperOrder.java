package org.papergraph.store;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.base.record.RecordMapper;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;

/**
 * Every paper of the store in one of four orders, a page at a time, without sorting the papers (ADR 0017): the
 * store's summaries ({@link Summaries}) give each paper a key per order, and the triple index that leads with the
 * predicate and then the object holds them sorted. A page walks that index from its start: the rows before the
 * page are counted, not read, so a page costs its own rows plus a few milliseconds per 100,000 rows before it
 * (docs/BENCHMARKS.md).
 *
 * <p>Papers with the same key: by title order, those sharing the key's nine letters are ordered by their whole
 * normalised title, then their title as written, then IRI; in every other order (the same day, the same number of
 * citations), and for papers without a title, in the order the store first saw them. Papers without the value
 * an order goes by (no date, no title) come last.
 *
 * <p>The list of every paper a month at a time ({@code /papers}, ADR 0013) walks ranges of the date orders
 * ({@link #month}, {@link #undated}, {@link #nearestMonth}), so the pages and {@code query papers} share one mechanism.
 *
 * <p>For a dataset that is not a TDB2 store with summaries (an in-memory dataset in a test or a tool) the same keys
 * are computed from the graph and sorted, with ties by IRI. Call inside a read transaction.
 */
public final class PaperOrder {
    private PaperOrder() {}

    /** The orders papers can be listed in. */
    public enum Order {
        /** Newest first by earliest {@code dcterms:issued}; no date last. */
        NEWEST("newest", PG.newestFirstKey),
        /** Oldest first by earliest {@code dcterms:issued}; no date last. */
        OLDEST("oldest", PG.oldestFirstKey),
        /** By title, ignoring case, accents and punctuation; no title last. */
        TITLE("title", PG.titleKey),
        /** Most cited first (distinct citing papers). */
        CITED("cited", PG.mostCitedKey);

        /** The name used in queries and on the command line. */
        public final String label;
        final Node key;

        Order(String label, Node key) {
            this.label = label;
            this.key = key;
        }

        /** The order called {@code name} (case ignored). */
        public static Order byName(String name) {
            for (Order o : values()) if (o.label.equals(name.strip().toLowerCase(Locale.ROOT))) return o;
            throw new IllegalArgumentException("no paper order '" + name + "'; use one of " + names());
        }

        /** The orders' names, for messages. */
        public static String names() {
            StringBuilder sb = new StringBuilder();
            for (Order o : values()) sb.append(sb.length() == 0 ? "" : ", ").append(o.label);
            return sb.toString();
        }
    }

    /** The default order of {@code query papers} and of the paper list. */
    public static final Order DEFAULT = Order.NEWEST;

    /** Every key a paper may have (a dated paper also its month-then-citations key). */
    static final List<Node> KEYS = List.of(PG.newestFirstKey, PG.oldestFirstKey, PG.titleKey, PG.mostCitedKey, PG.monthCitedKey);

    /** One page of papers: {@code total} papers in all, these from {@code offset} on. */
    public record Page(long total, long offset, List<Node> papers) {}

    /** The papers from {@code offset} on, at most {@code limit}, and the number of papers in all. */
    public static Page page(DatasetGraph dsg, Order order, long offset, int limit) {
        Cursor c = cursor(dsg, order);
        c.skip(offset);
        List<Node> out = new ArrayList<>(Math.min(limit, 1024));
        while (out.size() < limit && c.hasNext()) out.add(c.next());
        return new Page(total(dsg), offset, out);
    }

    /** The number of papers: the count of {@code pg:Paper} in the summaries, or counted when there are none. */
    public static long total(DatasetGraph dsg) {
        if (Summaries.present(dsg)) return Summaries.count(dsg, PG.Paper);
        long n = 0;
        for (Iterator<Triple> it = dsg.getUnionGraph().find(Node.ANY, RDF.type.asNode(), PG.Paper); it.hasNext(); it.next()) n++;
        return n;
    }

    /** Every paper of {@code dsg} in {@code order}, read as it is walked. */
    public static Cursor cursor(DatasetGraph dsg, Order order) { return range(dsg, order, 0, Long.MAX_VALUE); }

    /** Every paper of the union graph {@code g} in {@code order}, for property functions. */
    public static Cursor cursor(Graph g, DatasetGraphTDB tdb, Order order) {
        return tdb != null && Summaries.present(tdb) ? new IndexCursor(tdb, order.key, order == Order.TITLE, 0, Long.MAX_VALUE)
                : new SortedCursor(g, order, 0, Long.MAX_VALUE);
    }

    /** The papers of {@code dsg} whose key in {@code order} is at least {@code from} and less than {@code to}, in order. */
    private static Cursor range(DatasetGraph dsg, Order order, long from, long to) {
        return range(dsg, order, false, from, to);
    }

    /** As {@link #range(DatasetGraph, Order, long, long)}; {@code titleTies} orders papers of one key by title. */
    private static Cursor range(DatasetGraph dsg, Order order, boolean titleTies, long from, long to) {
        DatasetGraphTDB tdb = tdbWithSummaries(dsg);
        return tdb != null ? new IndexCursor(tdb, order.key, titleTies || order == Order.TITLE, from, to)
                : new SortedCursor(dsg.getUnionGraph(), order, from, to);
    }

    // ---- papers by date: what the list of every paper a month at a time (/papers, ADR 0013) walks

    /**
     * The papers whose earliest date falls in {@code month}, newest first (papers of one day in the order the store
     * first saw them): one range of the newest-first keys, so it costs the month's papers, not the graph's.
     */
    public static Cursor month(DatasetGraph dsg, YearMonth month) {
        long first = Summaries.day(month.atDay(1)), last = Summaries.day(month.atEndOfMonth());
        return range(dsg, Order.NEWEST, Summaries.newestKey(last), Summaries.newestKey(first) + 1);
    }

    /**
     * The papers whose earliest date falls in {@code month}, newest first, papers of one day by title (normalised,
     * then as written, then IRI): what the month's page lists by date. A walk of the month's range that sorts only
     * the day a page starts or ends in.
     */
    public static Cursor monthByDate(DatasetGraph dsg, YearMonth month) {
        long first = Summaries.day(month.atDay(1)), last = Summaries.day(month.atEndOfMonth());
        return range(dsg, Order.NEWEST, true, Summaries.newestKey(last), Summaries.newestKey(first) + 1);
    }

    /**
     * The papers whose earliest date falls in {@code month}, most cited first (distinct citing papers; papers cited
     * as often newest first, then by title): one range of the month-then-citations keys ({@code pg:monthCitedKey}),
     * so a page reads its own rows and sorts at most one day's papers cited as often. Without summaries, the month's
     * papers sorted.
     */
    public static Cursor monthByCitations(DatasetGraph dsg, YearMonth month) {
        DatasetGraphTDB tdb = tdbWithSummaries(dsg);
        long m = month.getYear() * 12L + month.getMonthValue() - 1;
        if (tdb != null) return new IndexCursor(tdb, PG.monthCitedKey, true, Summaries.monthStart(m), Summaries.monthStart(m + 1));
        Graph g = dsg.getUnionGraph();
        List<Node> papers = new ArrayList<>();
        monthByDate(dsg, month).forEachRemaining(papers::add);
        java.util.Map<Node, Integer> cited = new java.util.HashMap<>();
        for (Node p : papers) {
            Set<Node> citing = new HashSet<>();
            g.find(Node.ANY, CITO.cites, p).forEachRemaining(t -> citing.add(t.getSubject()));
            cited.put(p, citing.size());
        }
        papers.sort(Comparator.comparing((Node p) -> cited.get(p)).reversed());
        Iterator<Node> it = papers.iterator();
        return new Cursor() {
            @Override public boolean hasNext() { return it.hasNext(); }

            @Override
            public Supplier<Node> nextLazily() {
                Node n = it.next();
                return () -> n;
            }

            @Override
            public long skip(long n) {
                long i = 0;
                for (; i < n && it.hasNext(); i++) it.next();
                return i;
            }
        };
    }

    /** The papers without a date, in the order the store first saw them. */
    public static Cursor undated(DatasetGraph dsg) {
        return range(dsg, Order.NEWEST, Summaries.MISSING, Summaries.MISSING + 1);
    }

    /**
     * The month of the papers' earliest dates nearest to {@code month}: the newest at or before it ({@code older}), or
     * the oldest at or after it; null when there is none. One step into an order's index.
     */
    public static YearMonth nearestMonth(DatasetGraph dsg, YearMonth month, boolean older) {
        Cursor c = older
                ? range(dsg, Order.NEWEST, Summaries.newestKey(Summaries.day(month.atEndOfMonth())), Summaries.MISSING)
                : range(dsg, Order.OLDEST, Summaries.oldestKey(Summaries.day(month.atDay(1))), Summaries.MISSING);
        if (!c.hasNext()) return null;
        Node paper = c.next();
        long least = -1;
        for (Iterator<Triple> it = dsg.getUnionGraph().find(paper, DCTerms.issued.asNode(), Node.ANY); it.hasNext(); ) {
            long d = Summaries.day(it.next().getObject());
            if (d >= 0 && (least < 0 || d < least)) least = d;
        }
        return least < 0 ? null : YearMonth.from(Summaries.date(least));
    }

    private static DatasetGraphTDB tdbWithSummaries(DatasetGraph dsg) {
        DatasetGraphTDB tdb;
        try {
            tdb = Summaries.tdb(dsg);
        } catch (RuntimeException e) {
            return null; // not TDB2
        }
        return tdb != null && Summaries.present(tdb) ? tdb : null;
    }

    /** A walk over the papers in order. */
    public interface Cursor extends Iterator<Node> {
        /** Passes over the next {@code n} papers (fewer at the end) without reading them; returns how many it passed. */
        long skip(long n);

        /** The next paper, read from the store only when the supplier is first asked. */
        Supplier<Node> nextLazily();

        @Override
        default Node next() { return nextLazily().get(); }
    }

    /**
     * The walk of the summaries' predicate-first triple index from one key predicate, one group of equal keys at a
     * time; with {@code byTitle}, the resources of one key are ordered by title when the group is first read.
     */
    static final class IndexCursor implements Cursor {
        private final boolean byTitle;
        private final NodeTable nodes;
        private final NodeTupleTable quads;
        private final Iterator<long[]> entries;
        private long[] pending;
        private Group group;
        private int at;

        IndexCursor(DatasetGraphTDB tdb, Node keyPredicate, boolean byTitle, long from, long to) {
            this.byTitle = byTitle;
            this.nodes = tdb.getTripleTable().getNodeTupleTable().getNodeTable();
            this.quads = tdb.getQuadTable().getNodeTupleTable();
            NodeId key = nodes.getNodeIdForNode(keyPredicate);
            this.entries = key == null || NodeId.isDoesNotExist(key) || from >= to ? List.<long[]>of().iterator()
                    : walk(tdb, key, from, to);
            pending = entries.hasNext() ? entries.next().clone() : null;
        }

        /**
         * Entries {object, subject} of predicate {@code key} in the predicate-first index, in its order, whose object
         * (an inline integer, ordered as its value for the keys' range) is in [from, to).
         */
        private static Iterator<long[]> walk(DatasetGraphTDB tdb, NodeId key, long from, long to) {
            TupleIndex pos = null;
            for (TupleIndex index : tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes()) {
                if (index.getName().equals("POS")) pos = index;
            }
            if (!(pos instanceof TupleIndexRecord rec)) {
                throw new IllegalStateException("the store has no POS triple index to walk");
            }
            RangeIndex range = rec.getRangeIndex();
            RecordFactory f = range.getRecordFactory();
            Record min = f.createKeyOnly(), max = f.createKeyOnly();
            NodeIdFactory.set(key, min.getKey(), 0);
            if (from > 0) NodeIdFactory.set(NodeIdInline.inline(Summaries.integer(from)), min.getKey(), NodeId.SIZE);
            if (to > Summaries.MISSING) {
                NodeIdFactory.setNext(key, max.getKey(), 0);
            } else {
                NodeIdFactory.set(key, max.getKey(), 0);
                NodeIdFactory.set(NodeIdInline.inline(Summaries.integer(to)), max.getKey(), NodeId.SIZE);
            }
            // One array for every entry: the walk copies what it keeps, and skipping allocates nothing.
            long[] row = new long[2];
            int keyLength = f.keyLength();
            RecordMapper<long[]> mapper = (ByteBuffer bb, int idx, byte[] keyBytes, RecordFactory rf) -> {
                int start = idx * rf.recordLength();
                if (keyBytes != null) {
                    for (int i = 0; i < keyLength; i++) keyBytes[i] = bb.get(start + i);
                }
                row[0] = bb.getLong(start + 8);
                row[1] = bb.getLong(start + 16);
                return row;
            };
            return range.iterator(min, max, mapper);
        }

        @Override
        public boolean hasNext() {
            while (group == null || at == group.size) {
                if (!load()) return false;
            }
            return true;
        }

        @Override
        public Supplier<Node> nextLazily() {
            if (!hasNext()) throw new NoSuchElementException();
            Group g = group;
            int i = at++;
            return () -> g.node(i);
        }

        @Override
        public long skip(long n) {
            long done = 0;
            while (n > 0 && hasNext()) {
                int k = (int) Math.min(n, group.size - at);
                at += k;
                n -= k;
                done += k;
            }
            return done;
        }

        /** Reads the next group of papers with one key; false at the end. */
        private boolean load() {
            if (pending == null) return false;
            Group g = new Group(pending[0]);
            while (pending != null && pending[0] == g.key) {
                g.add(pending[1]);
                pending = entries.hasNext() ? entries.next().clone() : null;
            }
            group = g;
            at = 0;
            return true;
        }

        /**
         * Papers with one key, in the order the store first saw them; by title order, sorted by their whole titles
         * when one of them is first read (the group of papers without a title stays as it is).
         */
        private final class Group {
            final long key;
            long[] ids = new long[4];
            int size;
            private boolean sorted;

            Group(long key) {
                this.key = key;
                this.sorted = !byTitle || key == MISSING_RAW;
            }

            void add(long id) {
                if (size == ids.length) ids = Arrays.copyOf(ids, 2 * size);
                ids[size++] = id;
            }

            Node node(int i) {
                if (!sorted) {
                    if (size > 1) sortByTitle();
                    sorted = true;
                }
                return nodes.getNodeForNodeId(IndexPacker.nodeId(ids[i]));
            }

            private void sortByTitle() {
                record Titled(long id, String normal, String title, String iri) {}
                List<Titled> rows = new ArrayList<>(size);
                NodeId titleP = nodes.getNodeIdForNode(DCTerms.title.asNode());
                for (int i = 0; i < size; i++) {
                    NodeId s = IndexPacker.nodeId(ids[i]);
                    List<Node> titles = new ArrayList<>();
                    if (titleP != null && !NodeId.isDoesNotExist(titleP)) {
                        quads.find(NodeId.NodeIdAny, s, titleP, NodeId.NodeIdAny)
                                .forEachRemaining(q -> titles.add(nodes.getNodeForNodeId(q.get(3))));
                    }
                    String[] least = leastTitle(titles.iterator());
                    rows.add(new Titled(ids[i], least[0], least[1], nodes.getNodeForNodeId(s).toString()));
                }
                rows.sort(Comparator.comparing(Titled::normal).thenComparing(Titled::title).thenComparing(Titled::iri));
                for (int i = 0; i < size; i++) ids[i] = rows.get(i).id();
            }
        }
    }

    /** The raw node id of the key of papers without the value an order goes by. */
    private static final long MISSING_RAW = IndexPacker.raw(NodeIdInline.inline(Summaries.integer(Summaries.MISSING)));

    /** The least of a paper's titles by (normal form, text): {normal, text}; empty strings when it has none. */
    static String[] leastTitle(Iterator<Node> titles) {
        String[] best = null;
        while (titles.hasNext()) {
            Node t = titles.next();
            if (!t.isLiteral()) continue;
            String text = t.getLiteralLexicalForm();
            String normal = Summaries.normalTitle(text);
            if (best == null || normal.compareTo(best[0]) < 0 || normal.equals(best[0]) && text.compareTo(best[1]) < 0) {
                best = new String[] {normal, text};
            }
        }
        return best == null ? new String[] {"", ""} : best;
    }

    /** The keys computed from a graph and sorted: for stores without summaries. */
    private static final class SortedCursor implements Cursor {
        private final Iterator<Node> papers;

        SortedCursor(Graph g, Order order, long from, long to) {
            record Row(Node paper, long key, String normal, String title, String iri) {}
            List<Row> rows = new ArrayList<>();
            Set<Node> seen = new HashSet<>();
            for (Iterator<Triple> it = g.find(Node.ANY, RDF.type.asNode(), PG.Paper); it.hasNext(); ) {
                Node p = it.next().getSubject();
                if (!seen.add(p)) continue;
                long key;
                String[] least = {"", ""};
                switch (order) {
                    case NEWEST, OLDEST -> {
                        long day = -1;
                        for (Iterator<Triple> d = g.find(p, DCTerms.issued.asNode(), Node.ANY); d.hasNext(); ) {
                            long x = Summaries.day(d.next().getObject());
                            if (x >= 0 && (day < 0 || x < day)) day = x;
                        }
                        key = order == Order.NEWEST ? Summaries.newestKey(day) : Summaries.oldestKey(day);
                    }
                    case TITLE -> {
                        List<Node> ts = new ArrayList<>();
                        g.find(p, DCTerms.title.asNode(), Node.ANY).forEachRemaining(t -> ts.add(t.getObject()));
                        long k = Summaries.MISSING;
                        for (Node t : ts) {
                            if (t.isLiteral()) k = Math.min(k, Summaries.titleKey(Summaries.normalTitle(t.getLiteralLexicalForm())));
                        }
                        key = k;
                        least = leastTitle(ts.iterator());
                    }
                    default -> {
                        Set<Node> citing = new HashSet<>();
                        g.find(Node.ANY, CITO.cites, p).forEachRemaining(t -> citing.add(t.getSubject()));
                        key = Summaries.citedKey(citing.size());
                    }
                }
                if (key >= from && key < to) rows.add(new Row(p, key, least[0], least[1], p.toString()));
            }
            rows.sort(Comparator.comparingLong(Row::key).thenComparing(Row::normal).thenComparing(Row::title)
                    .thenComparing(Row::iri));
            List<Node> out = new ArrayList<>(rows.size());
            for (Row r : rows) out.add(r.paper());
            papers = out.iterator();
        }

        @Override public boolean hasNext() { return papers.hasNext(); }

        @Override
        public Supplier<Node> nextLazily() {
            Node n = papers.next();
            return () -> n;
        }

        @Override
        public long skip(long n) {
            long i = 0;
            for (; i < n && papers.hasNext(); i++) papers.next();
            return i;
        }
    }
}
