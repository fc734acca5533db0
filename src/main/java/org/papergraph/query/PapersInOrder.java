package org.papergraph.query;

import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBase;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionBase;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.GraphTDB;
import org.papergraph.store.PaperOrder;

/**
 * {@code ?paper pgf:papersBy ("newest" ?rank)}: every paper of the active graph, one row each, in one of the orders
 * of {@link PaperOrder} ({@code newest}, {@code oldest}, {@code title}, {@code cited}), walked from the store's
 * summaries without sorting. {@code ?rank} (optional) is the paper's place in the order, from 1; the order may be a
 * variable, which when unbound means {@code newest}, or the object may be the order alone. Rows come in order, so
 * a subquery takes a page with LIMIT and OFFSET; the rows before the page are passed over without reading their
 * papers (bindings read their paper only when asked).
 */
final class PapersInOrder extends PropertyFunctionBase {
    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        super.build(subject, predicate, object, cxt);
        if (object.isList() && (object.getArgListSize() < 1 || object.getArgListSize() > 2)) {
            throw new QueryExecException("<" + predicate.getURI() + "> takes an order or a list (order ?rank)");
        }
        if (!subject.isNode()) throw new QueryExecException("<" + predicate.getURI() + "> takes one subject: ?paper");
    }

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        Node orderArg = object.isList() ? object.getArg(0) : object.getArg();
        Node rankArg = object.isList() && object.getArgListSize() == 2 ? object.getArg(1) : null;
        if (Var.isVar(orderArg)) orderArg = binding.get(Var.alloc(orderArg));
        PaperOrder.Order order;
        try {
            order = orderArg == null ? PaperOrder.DEFAULT : PaperOrder.Order.byName(
                    orderArg.isLiteral() ? orderArg.getLiteralLexicalForm() : orderArg.toString());
        } catch (IllegalArgumentException e) {
            throw new QueryExecException(e.getMessage());
        }
        Node paperArg = subject.getArg();
        if (!Var.isVar(paperArg) || binding.contains(Var.alloc(paperArg))
                || rankArg != null && (!Var.isVar(rankArg) || binding.contains(Var.alloc(rankArg)))) {
            throw new QueryExecException("<" + predicate.getURI() + "> needs ?paper (and ?rank) unbound: it lists every paper");
        }
        Graph g = cxt.getActiveGraph();
        DatasetGraphTDB tdb = g instanceof GraphTDB t ? t.getDSG() : null;
        PaperOrder.Cursor papers = PaperOrder.cursor(g, tdb, order);
        Var paper = Var.alloc(paperArg);
        Var rank = rankArg == null ? null : Var.alloc(rankArg);
        Iterator<Binding> rows = new Iterator<>() {
            private long n;

            @Override public boolean hasNext() { return papers.hasNext(); }

            @Override
            public Binding next() {
                return new Row(binding, paper, rank, ++n, papers.nextLazily());
            }
        };
        return QueryIterPlainWrapper.create(rows, cxt);
    }

    /** One paper's row: its paper read from the store only when asked, its rank made only when asked. */
    private static final class Row extends BindingBase {
        private final Var paper;
        private final Var rank;
        private final long n;
        private final Supplier<Node> lazy;
        private Node node;

        Row(Binding parent, Var paper, Var rank, long n, Supplier<Node> lazy) {
            super(parent);
            this.paper = paper;
            this.rank = rank;
            this.n = n;
            this.lazy = lazy;
        }

        private Node paperNode() {
            if (node == null) node = lazy.get();
            return node;
        }

        @Override protected Iterator<Var> vars1() { return rank == null ? List.of(paper).iterator() : List.of(paper, rank).iterator(); }

        @Override protected int size1() { return rank == null ? 1 : 2; }

        @Override protected boolean isEmpty1() { return false; }

        @Override protected boolean contains1(Var v) { return v.equals(paper) || v.equals(rank); }

        @Override
        protected Node get1(Var v) {
            if (v.equals(paper)) return paperNode();
            if (v.equals(rank)) return NodeValue.makeInteger(n).asNode();
            return null;
        }

        @Override
        protected void forEach1(BiConsumer<Var, Node> action) {
            action.accept(paper, paperNode());
            if (rank != null) action.accept(rank, NodeValue.makeInteger(n).asNode());
        }

        @Override
        protected Binding detachWithNewParent(Binding newParent) {
            Row r = new Row(newParent, paper, rank, n, lazy);
            r.node = node;
            return r;
        }
    }
}
