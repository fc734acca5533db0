package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;

/**
 * The results that name a method, dataset, task or metric, in the order of its Results list, and the labels that
 * order used: what an entity page reads of its results, and what {@link EntityCache} keeps of a big one.
 */
record RankedResults(List<Row> rows, Map<Node, Node> labels) {
    /** No results: the lists of a paper or an author. */
    static final RankedResults NONE = new RankedResults(List.of(), Map.of());

    /** One result naming the entity: ids and value only; labels are looked up for the shown page. */
    record Row(Node result, Node paper, Node method, Node dataset, Node metric, Node value, String unit, boolean lower, NodeValue rank,
               boolean other, boolean weak) {
        /** The least confidence of a table result that leaderboards rank ({@code TableConfidence.RANKED}). */
        static final double RANKED = 0.05;

        /** Whether a leaderboard ranks it: its own paper's result, not a table result read with low confidence. */
        boolean ranked() { return !other && !weak; }

        /** The value as a page shows it, with its unit. */
        String shown() { return Facts.withUnit(Facts.lexical(value), unit); }

        /**
         * A row whose {@link #rank} is the value as it ranks, highest best: negated where lower is better;
         * {@code other}: the paper reports it for another method ({@code pg:resultRole "other"}), so it is listed but
         * not ranked on a leaderboard; {@code weak}: read from a table with a confidence below {@link #RANKED}.
         */
        static Row of(Node result, Node paper, Node method, Node dataset, Node metric, Node value, String unit, boolean lower,
                      boolean other, boolean weak) {
            NodeValue v = value == null ? null : NodeValue.makeNode(value);
            return new Row(result, paper, method, dataset, metric, value, unit, lower,
                    v != null && lower && v.isNumber() ? XSDFuncOp.unaryMinus(v) : v, other, weak);
        }
    }

    /**
     * The results that name a method, dataset, task or metric, ordered as a leaderboard reads: by dataset label,
     * metric label, value best first (lowest first where the result or its metric says lower is better), then IRIs
     * (paper, method, dataset, metric, result) so the order is total and pages neither overlap nor skip. Results
     * missing a label or value sort as SPARQL's ORDER BY puts unbound values (first ascending, last descending). Only
     * ids and values of every result are read (a common metric has thousands), plus the labels of their datasets and
     * metrics, which the order needs; method labels and paper titles are looked up for shown rows only.
     */
    static RankedResults read(Sparql q, Map<String, Node> bind) {
        List<Row> rows = new ArrayList<>();
        for (QuerySolution r : q.select("entity-results", bind)) {
            rows.add(Row.of(Sparql.node(r, "r"), Sparql.node(r, "paper"), Sparql.node(r, "method"),
                    Sparql.node(r, "dataset"), Sparql.node(r, "metric"), Sparql.node(r, "value"), Sparql.str(r, "unit"),
                    "true".equals(Sparql.str(r, "lower")), "other".equals(Sparql.str(r, "roles")), weak(Sparql.str(r, "tableConfidence"))));
        }
        Set<Node> sortedBy = new HashSet<>();
        for (Row r : rows) {
            if (r.dataset() != null) sortedBy.add(r.dataset());
            if (r.metric() != null) sortedBy.add(r.metric());
        }
        Map<Node, Node> labels = q.leastValues(sortedBy, "least-labels");
        SparqlOrder by = new SparqlOrder();
        Comparator<Row> order = Comparator.<Row, Node>comparing(r -> labels.get(r.dataset()), by)
                .thenComparing(r -> labels.get(r.metric()), by)
                .thenComparing(Row::rank, (a, b) -> SparqlOrder.compare(b, a))
                .thenComparing(Row::paper, by)
                .thenComparing(Row::method, by)
                .thenComparing(Row::dataset, by)
                .thenComparing(Row::metric, by)
                .thenComparing(Row::result, by);
        rows.sort(order);
        return new RankedResults(rows, labels);
    }

    private static boolean weak(String confidence) {
        if (confidence == null) return false;
        try {
            return Double.parseDouble(confidence) < Row.RANKED;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
