package org.papergraph.store;

import static org.apache.jena.graph.Node.ANY;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.ExprNotComparableException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.vocabulary.DCTerms;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;

/**
 * Summaries of the long paper lists of resource pages (ADR 0025): for a method, dataset, task or metric named by at
 * least {@link #minPapers} papers, and for a paper cited by at least as many, the store's default graph keeps the
 * list's size ({@code pg:listedCount}), its papers per year ({@code pg:listedYear}, for an entity) and its {@link #kept}
 * newest papers ({@code pg:listedPaper}), so the first pages of the list read a few hundred triples instead of every
 * paper naming or citing it.
 *
 * <p>Like the leaderboards (ADR 0009) they are derived data that an answer never depends on: every write through the
 * store ({@link SummaryWrites}) marks the lists it can change {@code pg:summaryStale} in the default graph, in the
 * write's transaction ({@link #mark}); the page queries read a summary only when neither mark is there and
 * the summaries' version triple is, and otherwise read the whole list as before. {@link #refresh} recomputes what is
 * marked, and runs where the leaderboards are refreshed (end of an ingest, after a bulk load, after a server write,
 * when a store is opened). {@link Summaries#rebuild} empties the default graph, version triple included, so the lists
 * are then read whole until the next refresh builds them again.
 */
public final class ListSummaries {
    /** The version of this layout, stated as {@code pg:Summaries pg:listsVersion}. */
    public static final int VERSION = 1;
    /** Lists of at least this many papers are summarised; shorter ones read in tens of milliseconds. Not final for tests. */
    public static int minPapers = 1_000;
    /** How many of a list's newest papers are kept: the first ten pages of 50. Not final for tests. */
    public static int kept = 500;
    /** The year of {@code pg:listedYear} for papers without a date (or whose date does not start with a year). */
    public static final long UNDATED = (1L << 20) - 1;
    private static final int YEAR_SHIFT = 32;

    private static final Node DEFAULT = Quad.defaultGraphIRI;
    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);
    private static final List<Node> RESULT_NAMING = List.of(PG.dataset, PG.method, PG.task, PG.metric);

    private ListSummaries() {}

    // ------------------------------------------------------------------------------------------------ marking

    /** Marks every list out of date. In the caller's write transaction. */
    public static void markAllStale(DatasetGraph dsg) { dsg.add(DEFAULT, PG.Summaries, PG.summaryStale, TRUE); }

    /**
     * Marks the lists a transaction's changes ({@link Summaries#apply}, just before it commits) can have changed: those
     * of the entities whose named count changed, of the papers whose citing papers changed, and of the entities and
     * papers a paper with a changed date names or cites. Only a list that is summarised, or long enough to be, is marked:
     * the others are read whole anyway.
     */
    static void mark(DatasetGraph dsg, Summaries.Delta delta) {
        Set<Node> owners = new HashSet<>(delta.named.keySet());
        owners.addAll(delta.citedBy.keySet());
        delta.papers.forEach((paper, what) -> {
            if ((what & Summaries.DATE) != 0) owners.addAll(namedAndCited(dsg, paper));
        });
        for (Node o : owners) {
            if (!o.isURI()) continue;
            if (Summaries.named(dsg, o) >= minPapers || Summaries.citedBy(dsg, o) >= minPapers
                    || dsg.contains(DEFAULT, o, PG.listedCount, ANY)) {
                dsg.add(DEFAULT, o, PG.summaryStale, TRUE);
            }
        }
    }

    /** The entities {@code paper} names (its mentions' and results') and the papers it cites, in the union graph. */
    static Set<Node> namedAndCited(DatasetGraph dsg, Node paper) {
        Set<Node> out = new HashSet<>();
        dsg.find(Quad.unionGraph, paper, CITO.cites, ANY).forEachRemaining(q -> out.add(q.getObject()));
        dsg.find(Quad.unionGraph, paper, PG.hasMention, ANY).forEachRemaining(m ->
                dsg.find(Quad.unionGraph, m.getObject(), PG.entity, ANY).forEachRemaining(q -> out.add(q.getObject())));
        dsg.find(Quad.unionGraph, paper, PG.reportsResult, ANY).forEachRemaining(r -> {
            for (Node p : RESULT_NAMING) dsg.find(Quad.unionGraph, r.getObject(), p, ANY).forEachRemaining(q -> out.add(q.getObject()));
        });
        return out;
    }

    // ------------------------------------------------------------------------------------------------ refreshing

    /** True when the lists need a {@link #refresh}: some are marked, or the store has summaries but no lists yet. */
    public static boolean outOfDate(DatasetGraph dsg) {
        if (dsg.contains(DEFAULT, ANY, PG.summaryStale, ANY)) return true;
        return Summaries.present(dsg) && !dsg.contains(DEFAULT, PG.Summaries, PG.listsVersion, ANY);
    }

    /**
     * Recomputes the lists marked out of date (all of them when {@code pg:Summaries} is marked or the version triple is
     * missing) and removes the marks. Needs the store's summaries ({@link Summaries}), which find the big lists; without
     * them it writes nothing and the lists are read whole. In the caller's write transaction.
     *
     * @return how many lists were written
     */
    public static int refresh(DatasetGraph dsg) {
        DatasetGraphTDB tdb;
        try {
            tdb = Summaries.tdb(dsg);
        } catch (RuntimeException e) {
            tdb = null;
        }
        if (tdb == null || !Summaries.present(tdb)) return 0;
        boolean all = dsg.contains(DEFAULT, PG.Summaries, PG.summaryStale, ANY)
                || !dsg.contains(DEFAULT, PG.Summaries, PG.listsVersion, ANY);
        List<Node> owners = new ArrayList<>();
        if (all) {
            for (Node p : List.of(PG.listedCount, PG.listedYear, PG.listedPaper, PG.summaryStale, PG.listsVersion)) {
                dsg.deleteAny(DEFAULT, ANY, p, ANY);
            }
            for (int k = 1; k <= Summaries.NAMED_KINDS.size(); k++) {
                PaperOrder.Cursor c = new PaperOrder.IndexCursor(tdb, PG.mostNamedKey, false, Summaries.kindStart(k), Summaries.kindStart(k + 1));
                while (c.hasNext()) {
                    Node e = c.next();
                    if (Summaries.named(dsg, e) < minPapers) break;
                    owners.add(e);
                }
            }
            PaperOrder.Cursor c = new PaperOrder.IndexCursor(tdb, PG.mostCitedKey, false, 0, Long.MAX_VALUE);
            while (c.hasNext()) {
                Node p = c.next();
                if (Summaries.citedBy(dsg, p) < minPapers) break;
                owners.add(p);
            }
            dsg.add(DEFAULT, PG.Summaries, PG.listsVersion, Summaries.integer(VERSION));
        } else {
            dsg.find(DEFAULT, ANY, PG.summaryStale, ANY).forEachRemaining(q -> owners.add(q.getSubject()));
            for (Node o : owners) {
                for (Node p : List.of(PG.listedCount, PG.listedYear, PG.listedPaper, PG.summaryStale)) dsg.deleteAny(DEFAULT, o, p, ANY);
            }
        }
        int n = 0;
        FromIndexes lists = byQueries ? null : new FromIndexes(tdb);
        for (Node o : owners) {
            boolean entity = Summaries.named(dsg, o) >= minPapers;
            boolean cited = Summaries.citedBy(dsg, o) >= minPapers;
            if (!entity && !cited) continue;
            if (lists != null) n += lists.write(dsg, o, entity);
            else if (entity) n += write(dsg, o, papers(dsg, "entity-papers", "entity", o), true);
            else n += write(dsg, o, papers(dsg, "cited-by-dates", "paper", o), false);
        }
        return n;
    }

    /**
     * When true, {@link #refresh} computes each list with the page's own query ({@code entity-papers.rq},
     * {@code cited-by-dates.rq}) instead of from the indexes: what the index walk must agree with, for tests.
     */
    static boolean byQueries = false;

    /**
     * The lists computed from the quad indexes, without the query engine: a list's papers by index lookups (an entity's
     * mentions and results, then the papers holding them; a paper's citing papers), each paper's least date once per
     * refresh whatever the number of lists it is in, and only the papers that can be among the {@link #kept} newest
     * turned into IRIs. It keeps what the page queries give: the same papers, the least date by the order SPARQL's
     * {@code MIN} uses ({@link NodeValue#compareAlways}), the same years and the same newest papers.
     */
    private static final class FromIndexes {
        private static final long NONE = Long.MIN_VALUE;
        private final NodeTupleTable quads;
        private final NodeTable nodes;
        private final NodeId issued, hasMention, reportsResult, cites, entity;
        private final List<NodeId> resultNaming = new ArrayList<>();
        /** Each paper's least date (raw node id; {@link #NONE} when undated), by raw node id. */
        private final LongLongMap least = new LongLongMap();
        private final Map<Long, NodeValue> dateValues = new HashMap<>();
        private final Map<Long, Long> years = new HashMap<>();

        FromIndexes(DatasetGraphTDB tdb) {
            quads = tdb.getQuadTable().getNodeTupleTable();
            nodes = quads.getNodeTable();
            issued = existing(nodes, DCTerms.issued.asNode());
            hasMention = existing(nodes, PG.hasMention);
            reportsResult = existing(nodes, PG.reportsResult);
            cites = existing(nodes, CITO.cites);
            entity = existing(nodes, PG.entity);
            for (Node p : RESULT_NAMING) {
                NodeId id = existing(nodes, p);
                if (id != null) resultNaming.add(id);
            }
        }

        /** Writes the list of {@code owner} (an entity's papers, or a paper's citing papers) when it is long enough. */
        int write(DatasetGraph dsg, Node owner, boolean ofEntity) {
            long[] papers = ofEntity ? entityPapers(owner) : citingPapers(owner);
            if (papers.length < minPapers) return 0;
            dsg.add(DEFAULT, owner, PG.listedCount, Summaries.integer(papers.length));
            // Papers per least date, the dates then ordered newest first (undated last) to find which papers can be kept.
            Map<Long, Integer> perDate = new HashMap<>();
            for (long p : papers) perDate.merge(leastDate(p), 1, Integer::sum);
            if (ofEntity) {
                Map<Long, Long> perYear = new TreeMap<>();
                perDate.forEach((d, count) -> perYear.merge(year(d), (long) count, Long::sum));
                perYear.forEach((y, count) -> dsg.add(DEFAULT, owner, PG.listedYear, Summaries.integer(y << YEAR_SHIFT | count)));
            }
            List<Long> dates = new ArrayList<>(perDate.keySet());
            Comparator<Long> oldestFirst = (a, b) -> compare(value(a), value(b));
            dates.sort(oldestFirst.reversed());
            Set<Long> candidates = new HashSet<>();
            int seen = 0;
            for (int i = 0; i < dates.size(); i++) {
                long d = dates.get(i);
                if (seen >= kept && oldestFirst.compare(d, dates.get(i - 1)) != 0) break;
                candidates.add(d);
                seen += perDate.get(d);
            }
            Map<Node, Node> issuedOf = new HashMap<>();
            for (long p : papers) {
                long d = leastDate(p);
                if (candidates.contains(d)) issuedOf.put(nodes.getNodeForNodeId(IndexPacker.nodeId(p)), d == NONE ? null : value(d).asNode());
            }
            for (Node p : newest(issuedOf, kept)) dsg.add(DEFAULT, owner, PG.listedPaper, p);
            return 1;
        }

        /** The papers mentioning {@code e} or reporting a result naming it, as sorted distinct raw node ids. */
        private long[] entityPapers(Node e) {
            NodeId id = existing(nodes, e);
            if (id == null) return new long[0];
            LongList mentions = new LongList(), results = new LongList(), papers = new LongList();
            if (entity != null) subjects(entity, id, mentions);
            for (NodeId p : resultNaming) subjects(p, id, results);
            if (hasMention != null) for (long m : mentions.distinct()) subjects(hasMention, IndexPacker.nodeId(m), papers);
            if (reportsResult != null) for (long r : results.distinct()) subjects(reportsResult, IndexPacker.nodeId(r), papers);
            return papers.distinct();
        }

        /** The papers citing {@code paper}, as sorted distinct raw node ids. */
        private long[] citingPapers(Node paper) {
            NodeId id = existing(nodes, paper);
            LongList papers = new LongList();
            if (id != null && cites != null) subjects(cites, id, papers);
            return papers.distinct();
        }

        /** Adds the subjects of the quads {@code ? p o} of any named graph. */
        private void subjects(NodeId p, NodeId o, LongList out) {
            for (Iterator<Tuple<NodeId>> it = quads.find(NodeId.NodeIdAny, NodeId.NodeIdAny, p, o); it.hasNext(); ) {
                out.add(IndexPacker.raw(it.next().get(1)));
            }
        }

        /** The least {@code dcterms:issued} of {@code paper} in SPARQL's order, as a raw node id, or {@link #NONE}. */
        private long leastDate(long paper) {
            long known = least.get(paper);
            if (known != LongLongMap.ABSENT) return known;
            long min = NONE;
            if (issued != null) {
                for (Iterator<Tuple<NodeId>> it = quads.find(NodeId.NodeIdAny, IndexPacker.nodeId(paper), issued, NodeId.NodeIdAny); it.hasNext(); ) {
                    long d = IndexPacker.raw(it.next().get(3));
                    // As SPARQL's MIN: the first value, replaced by each one that sorts before it.
                    if (min == NONE || NodeValue.compareAlways(value(min), value(d)) > 0) min = d;
                }
            }
            least.put(paper, min);
            return min;
        }

        private NodeValue value(long date) {
            if (date == NONE) return null;
            return dateValues.computeIfAbsent(date, d -> NodeValue.makeNode(nodes.getNodeForNodeId(IndexPacker.nodeId(d))));
        }

        private long year(long date) {
            return date == NONE ? UNDATED : years.computeIfAbsent(date, d -> ListSummaries.year(value(d).asNode()));
        }

        private static NodeId existing(NodeTable nodes, Node n) {
            NodeId id = nodes.getNodeIdForNode(n);
            return id == null || NodeId.isDoesNotExist(id) ? null : id;
        }
    }

    /** A growing array of longs. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) values = Arrays.copyOf(values, 2 * size);
            values[size++] = v;
        }

        /** The values sorted, each once. */
        long[] distinct() {
            long[] v = Arrays.copyOf(values, size);
            Arrays.sort(v);
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                if (n == 0 || v[i] != v[n - 1]) v[n++] = v[i];
            }
            return Arrays.copyOf(v, n);
        }
    }

    /** A map from long to long by open addressing, for a value per paper without a boxed entry each. */
    private static final class LongLongMap {
        static final long ABSENT = Long.MAX_VALUE;
        private long[] keys = new long[1 << 10];
        private long[] values = new long[1 << 10];
        private boolean[] used = new boolean[1 << 10];
        private int size;

        long get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) return values[i];
            }
            return ABSENT;
        }

        void put(long key, long value) {
            if (2 * (size + 1) > keys.length) grow();
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (used[i] && keys[i] != key) i = (i + 1) & mask;
            if (!used[i]) size++;
            used[i] = true;
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] k = keys, v = values;
            boolean[] u = used;
            keys = new long[2 * k.length];
            values = new long[2 * k.length];
            used = new boolean[2 * k.length];
            size = 0;
            for (int i = 0; i < k.length; i++) if (u[i]) put(k[i], v[i]);
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }

    /** The papers of one list with their least dates: the page query {@code name} with {@code var} bound to {@code owner}. */
    private static Map<Node, Node> papers(DatasetGraph dsg, String name, String var, Node owner) {
        Query q = QueryFactory.create(pageQuery(name));
        Map<Node, Node> out = new HashMap<>();
        try (QueryExec qe = QueryExec.dataset(dsg).query(q).substitution(var, owner).set(TDB2.symUnionDefaultGraph, true).build()) {
            RowSet rows = qe.select();
            while (rows.hasNext()) {
                Binding b = rows.next();
                out.put(b.get("other"), b.get("issued"));
            }
        }
        return out;
    }

    private static int write(DatasetGraph dsg, Node owner, Map<Node, Node> issued, boolean years) {
        if (issued.size() < minPapers) return 0;
        dsg.add(DEFAULT, owner, PG.listedCount, Summaries.integer(issued.size()));
        if (years) {
            Map<Long, Long> perYear = new TreeMap<>();
            for (Node d : issued.values()) perYear.merge(year(d), 1L, Long::sum);
            perYear.forEach((y, count) -> dsg.add(DEFAULT, owner, PG.listedYear, Summaries.integer(y << YEAR_SHIFT | count)));
        }
        for (Node p : newest(issued, kept)) dsg.add(DEFAULT, owner, PG.listedPaper, p);
        return 1;
    }

    /** The year a list's histogram counts a paper in: the first four characters of its date when they are digits. */
    public static long year(Node date) {
        String s = date == null || !date.isLiteral() ? null : date.getLiteralLexicalForm();
        if (s == null || s.length() < 4) return UNDATED;
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') return UNDATED;
        }
        return Long.parseLong(s.substring(0, 4));
    }

    /** The year and count packed in a {@code pg:listedYear} value. */
    public static long[] yearCount(long packed) { return new long[] {packed >>> YEAR_SHIFT, packed & ((1L << YEAR_SHIFT) - 1)}; }

    /**
     * The first {@code n} papers of {@code issued} newest first, as the pages sort them (ORDER BY DESC(?issued) ?other:
     * undated last, ties by IRI).
     */
    static List<Node> newest(Map<Node, Node> issued, int n) {
        Map<Node, NodeValue> values = new HashMap<>();
        Comparator<Node> order = (a, b) -> compare(a == null ? null : values.computeIfAbsent(a, NodeValue::makeNode),
                b == null ? null : values.computeIfAbsent(b, NodeValue::makeNode));
        Comparator<Node> date = Comparator.comparing(issued::get, order);
        List<Node> all = new ArrayList<>(issued.keySet());
        all.sort(date.reversed().thenComparing(order));
        return all.subList(0, Math.min(n, all.size()));
    }

    private static int compare(NodeValue a, NodeValue b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        try {
            return NodeValue.compareAlways(a, b);
        } catch (ExprNotComparableException ex) {
            return NodeCmp.compareRDFTerms(a.asNode(), b.asNode());
        }
    }

    private static String pageQuery(String name) {
        try (InputStream in = ListSummaries.class.getClassLoader().getResourceAsStream("web/queries/" + name + ".rq")) {
            if (in == null) throw new IllegalStateException("no page query web/queries/" + name + ".rq on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
