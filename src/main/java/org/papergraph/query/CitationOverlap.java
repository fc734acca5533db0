package org.papergraph.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropFuncArgType;
import org.apache.jena.sparql.pfunction.PropertyFunctionBase;
import org.apache.jena.tdb2.store.GraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.papergraph.vocab.CITO;

/**
 * The property functions {@code pgf:coCited} and {@code pgf:coupled} ({@link PaperFunctions}): for a bound subject
 * paper and an object list {@code (?other ?count)}, one row per other paper with its count, most first, ties in the
 * order {@code ORDER BY ?other} gives.
 *
 * <p>The counts are, by definition, those of the plain SPARQL over the active graph (a set of triples):
 * <pre>
 *   coCited: SELECT ?other (COUNT(*) AS ?count) { ?citing cito:cites ?paper , ?other FILTER(?other != ?paper) } GROUP BY ?other
 *   coupled: SELECT ?other (COUNT(*) AS ?count) { ?paper cito:cites ?ref . ?other cito:cites ?ref FILTER(?other != ?paper) } GROUP BY ?other
 * </pre>
 * Jena evaluates that by decoding every (citing paper, other paper) pair to nodes and grouping on them: for a
 * much-cited paper, hundreds of thousands of pairs, each a node-table lookup and a hash of a binding. Here, when the
 * active graph is a TDB2 union graph (papergraph's default graph: the union of the record graphs), the pairs are
 * counted on TDB2's node ids straight from the quad indexes, and only the rows actually read are decoded: the
 * counts are ranked first, and a group of equal counts is decoded and ordered only when the reader gets to it, so a
 * page of 100 rows decodes about 100 nodes. The same citation stored in several record graphs is counted once: each
 * citing paper counts at most once per other paper (and each shared reference at most once), whatever the number of
 * graphs holding the triples. Any other active graph (a named graph, an in-memory dataset) is counted the same way
 * over {@link Graph#find}.
 *
 * <p>Stateless: a new iterator per call. The counting loop checks the query's cancel signal, so a timeout stops it.
 */
public final class CitationOverlap extends PropertyFunctionBase {
    /** Which overlap is counted. */
    public enum Kind {
        /** Papers cited together with the subject: counted over the papers citing it. */
        CO_CITED,
        /** Papers citing what the subject cites: counted over the subject's references. */
        COUPLED
    }

    private static final Var OTHER = Var.alloc("other");
    /** The order of {@code ORDER BY ?other}: Jena's own comparator, so equal counts come out as the query would sort them. */
    private static final BindingComparator BY_OTHER = new BindingComparator(List.of(new SortCondition(OTHER, Query.ORDER_ASCENDING)));
    private static final Comparator<Node> NODE_ORDER =
            (a, b) -> BY_OTHER.compare(BindingFactory.binding(OTHER, a), BindingFactory.binding(OTHER, b));

    private final Kind kind;

    public CitationOverlap(Kind kind) {
        super(PropFuncArgType.PF_ARG_SINGLE, PropFuncArgType.PF_ARG_LIST);
        this.kind = kind;
    }

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        super.build(subject, predicate, object, cxt);
        if (object.getArgListSize() != 2) {
            throw new QueryExecException("<" + predicate.getURI() + "> takes an object list of two: (?other ?count)");
        }
    }

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        Node paper = subject.getArg();
        if (Var.isVar(paper)) {
            paper = binding.get(Var.alloc(paper));
            if (paper == null) {
                throw new QueryExecException("<" + predicate.getURI() + "> needs its subject bound to a paper");
            }
        }
        Graph g = cxt.getActiveGraph();
        Ranking<?> ranking = g instanceof GraphTDB tdb && Quad.isUnionGraph(tdb.getGraphName())
                ? count(new TdbUnion(tdb), paper, cxt.getCancelSignal())
                : count(new PlainGraph(g), paper, cxt.getCancelSignal());
        Node otherArg = object.getArg(0);
        Node countArg = object.getArg(1);
        Iterator<Binding> rows = new Iterator<>() {
            private Binding next;

            @Override
            public boolean hasNext() {
                while (next == null && ranking.hasNext()) {
                    ranking.advance();
                    BindingBuilder b = BindingFactory.builder(binding);
                    if (bind(b, binding, otherArg, ranking.node()) && bind(b, binding, countArg, NodeValue.makeInteger(ranking.count()).asNode())) {
                        next = b.build();
                    }
                }
                return next != null;
            }

            @Override
            public Binding next() {
                if (!hasNext()) throw new NoSuchElementException();
                Binding b = next;
                next = null;
                return b;
            }
        };
        return QueryIterPlainWrapper.create(rows, cxt);
    }

    /** Binds {@code arg} to {@code value} when it is an unbound variable; else whether it already equals it. */
    private static boolean bind(BindingBuilder b, Binding input, Node arg, Node value) {
        if (Var.isVar(arg)) {
            Var v = Var.alloc(arg);
            Node bound = input.get(v);
            if (bound == null) {
                b.add(v, value);
                return true;
            }
            return bound.equals(value);
        }
        return arg.equals(value);
    }

    /**
     * The citation links of a graph as keys of type {@code K} (nodes or node ids): who cites a paper, what a paper
     * cites. Duplicates are allowed (the counting removes them).
     */
    private interface Citations<K> {
        /** The key of {@code n}, or null when the graph does not hold it. */
        K key(Node n);
        /** Papers citing {@code cited}. */
        Iterator<K> citing(K cited);
        /** Papers {@code citing} cites. */
        Iterator<K> cited(K citing);
        Node node(K key);
        /**
         * A number for {@code key}: 0 or more only when no other key has the same (so keys need not be compared),
         * else negative (a hash; keys with equal codes are compared).
         */
        long code(K key);
    }

    /** Counts over TDB2 node ids in the quad indexes, i.e. over every named graph: the union graph. */
    private static final class TdbUnion implements Citations<NodeId> {
        private final NodeTupleTable quads;
        private final NodeTable nodes;
        private final NodeId cites;

        TdbUnion(GraphTDB g) {
            this.quads = g.getDSG().getQuadTable().getNodeTupleTable();
            this.nodes = quads.getNodeTable();
            this.cites = key(CITO.cites);
        }

        @Override
        public NodeId key(Node n) {
            NodeId id = nodes.getNodeIdForNode(n);
            return id == null || NodeId.isDoesNotExist(id) ? null : id;
        }

        // Quad tuples are (graph, subject, predicate, object).
        @Override
        public Iterator<NodeId> citing(NodeId cited) {
            return map(quads.find(NodeId.NodeIdAny, NodeId.NodeIdAny, cites, cited), t -> t.get(1));
        }

        @Override
        public Iterator<NodeId> cited(NodeId citing) {
            return map(quads.find(NodeId.NodeIdAny, citing, cites, NodeId.NodeIdAny), t -> t.get(3));
        }

        @Override
        public Node node(NodeId key) { return nodes.getNodeForNodeId(key); }

        @Override
        public long code(NodeId key) {
            // Node table positions are unique and never negative; inline values (numbers, dates) are hashed.
            return key.isPtr() ? key.getPtrLocation() : key.hashCode() | Long.MIN_VALUE;
        }

        boolean usable() { return cites != null; }
    }

    /** Counts over any graph with {@link Graph#find}. */
    private record PlainGraph(Graph g) implements Citations<Node> {
        @Override
        public Node key(Node n) { return n; }

        @Override
        public Iterator<Node> citing(Node cited) { return g.find(Node.ANY, CITO.cites, cited).mapWith(t -> t.getSubject()); }

        @Override
        public Iterator<Node> cited(Node citing) { return g.find(citing, CITO.cites, Node.ANY).mapWith(t -> t.getObject()); }

        @Override
        public Node node(Node key) { return key; }

        @Override
        public long code(Node key) { return key.hashCode() | Long.MIN_VALUE; }
    }

    private static <T, R> Iterator<R> map(Iterator<T> it, Function<T, R> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() { return it.hasNext(); }

            @Override
            public R next() { return f.apply(it.next()); }
        };
    }

    /**
     * Counts per key, each key raised at most once per pass (a citing paper or shared reference), in an
     * open-addressing table probed by {@link Citations#code}: a much-cited paper means hundreds of thousands of
     * increments over tens of thousands of keys, where a {@code HashMap} of boxed counters cost as much as reading
     * the indexes. A slot is free while its count is 0.
     */
    private static final class Tallies<K> {
        private long[] codes = new long[4096];
        private Object[] keys = new Object[4096];
        private int[] counts = new int[4096];
        private int[] lastPass = new int[4096];
        private int size;

        /** Adds one to {@code key}'s count unless it was already raised in {@code pass}. */
        void add(K key, long code, int pass) {
            int mask = codes.length - 1;
            int i = slot(code, mask);
            while (counts[i] != 0) {
                // A code of 0 or more identifies its key (a TDB2 node table position); a negative one is a hash.
                if (codes[i] == code && (code >= 0 || keys[i].equals(key))) {
                    if (lastPass[i] != pass) {
                        lastPass[i] = pass;
                        counts[i]++;
                    }
                    return;
                }
                i = (i + 1) & mask;
            }
            codes[i] = code;
            keys[i] = key;
            counts[i] = 1;
            lastPass[i] = pass;
            if (++size * 2 > codes.length) grow();
        }

        private static int slot(long code, int mask) {
            long h = code * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        private void grow() {
            long[] oc = codes;
            Object[] ok = keys;
            int[] on = counts;
            int[] op = lastPass;
            int n = oc.length * 2;
            codes = new long[n];
            keys = new Object[n];
            counts = new int[n];
            lastPass = new int[n];
            int mask = n - 1;
            for (int j = 0; j < oc.length; j++) {
                if (on[j] == 0) continue;
                int i = slot(oc[j], mask);
                while (counts[i] != 0) i = (i + 1) & mask;
                codes[i] = oc[j];
                keys[i] = ok[j];
                counts[i] = on[j];
                lastPass[i] = op[j];
            }
        }
    }

    private <K> Ranking<K> count(Citations<K> c, Node paperNode, AtomicBoolean cancel) {
        K paper = c.key(paperNode);
        if (paper == null || (c instanceof TdbUnion t && !t.usable())) return new Ranking<>(c, new Tallies<>());
        // The outer loop runs over the papers citing the subject (co-citation) or over its references (coupling),
        // each once; the inner one over what such a paper cites (co-citation) or who cites such a reference
        // (coupling). An inner key seen twice in one pass (the triple is in two record graphs) counts once.
        Set<K> passes = new HashSet<>();
        Tallies<K> tallies = new Tallies<>();
        Iterator<K> outer = kind == Kind.CO_CITED ? c.citing(paper) : c.cited(paper);
        int pass = 0;
        while (outer.hasNext()) {
            K via = outer.next();
            if (!passes.add(via)) continue;
            if ((pass & 255) == 0 && cancel != null && cancel.get()) throw new QueryCancelledException();
            Iterator<K> inner = kind == Kind.CO_CITED ? c.cited(via) : c.citing(via);
            while (inner.hasNext()) {
                K other = inner.next();
                if (other.equals(paper)) continue;
                tallies.add(other, c.code(other), pass);
            }
            pass++;
        }
        return new Ranking<>(c, tallies);
    }

    /**
     * The counted papers, most first; papers with equal counts are decoded and put in {@code ORDER BY ?other} order
     * only when the reader reaches their group.
     */
    private static final class Ranking<K> {
        private final Citations<K> c;
        private final List<K> keys;
        /** (count << 32 | index into keys), sorted ascending: read from the end. */
        private final long[] order;
        private int pos;
        private final List<Node> group = new ArrayList<>();
        /** Index of the current row in {@link #group}; -1 before the first. */
        private int cur = -1;
        private int groupCount;

        @SuppressWarnings("unchecked")
        Ranking(Citations<K> c, Tallies<K> tallies) {
            this.c = c;
            this.keys = new ArrayList<>(tallies.size);
            this.order = new long[tallies.size];
            int i = 0;
            for (int j = 0; j < tallies.keys.length; j++) {
                if (tallies.counts[j] == 0) continue;
                keys.add((K) tallies.keys[j]);
                order[i] = ((long) tallies.counts[j] << 32) | i;
                i++;
            }
            Arrays.sort(order);
            this.pos = order.length;
        }

        boolean hasNext() { return cur + 1 < group.size() || pos > 0; }

        /** Moves to the next row; only when {@link #hasNext()}. */
        void advance() {
            if (cur + 1 < group.size()) {
                cur++;
                return;
            }
            // Next group: every key with the next lower count.
            group.clear();
            cur = 0;
            groupCount = (int) (order[pos - 1] >>> 32);
            while (pos > 0 && (int) (order[pos - 1] >>> 32) == groupCount) {
                group.add(c.node(keys.get((int) order[--pos])));
            }
            group.sort(NODE_ORDER);
        }

        Node node() { return group.get(cur); }

        long count() { return groupCount; }
    }
}
