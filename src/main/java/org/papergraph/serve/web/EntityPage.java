package org.papergraph.serve.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.serve.web.PaperLists.NodeOrder;
import org.papergraph.serve.web.view.Views.Board;
import org.papergraph.serve.web.view.Views.BoardRow;
import org.papergraph.serve.web.view.Views.EntityPapers;
import org.papergraph.serve.web.view.Views.EntityResult;
import org.papergraph.serve.web.view.Views.EntityResults;
import org.papergraph.serve.web.view.Views.EntityView;
import org.papergraph.serve.web.view.Views.Link;
import org.papergraph.serve.web.view.Views.Page;
import org.papergraph.serve.web.view.Views.Pager;
import org.papergraph.serve.web.view.Views.YearBar;
import org.papergraph.vocab.PG;

/**
 * What the page of a method, dataset, task or metric shows (template {@code entity.jte}): its names, a dataset's
 * leaderboard with charts, every result naming it ranked a page at a time, and its papers per year and a page at a
 * time. What it reads of a big entity is kept under the data version ({@link EntityCache}).
 */
final class EntityPage {
    /** Rows of each metric's table in a dataset's leaderboard section; its Results list ranks every result. */
    static final int BOARD_ROWS = 10;

    private final Pages pages;
    private final PaperLists lists;
    private final EntityCache cache;

    EntityPage(Pages pages, PaperLists lists, EntityCache cache) {
        this.pages = pages;
        this.lists = lists;
        this.cache = cache;
    }

    EntityView view(Graph g, Sparql q, Node e, String type, Paging paging, String root, long version) {
        String label = Pages.label(g, e);
        List<String> alt = Pages.all(g, e, SKOS.altLabel.asNode());
        alt.remove(label);
        List<Link> variantOf = new ArrayList<>();
        for (String parent : Pages.all(g, e, PG.variantOf)) {
            Node pn = NodeFactory.createURI(parent);
            variantOf.add(pages.link(root, pn, Pages.label(g, pn)));
        }
        Map<String, Node> bind = Map.of("entity", e);
        EntityCache.Entry data = version < 0 ? null : cache.get(e, "entity", version);
        if (data == null) {
            Ranked r = rankedResults(q, bind);
            Map<Node, Node> dates = new HashMap<>();
            for (QuerySolution row : q.select("entity-papers", bind)) dates.put(Sparql.node(row, "other"), Sparql.node(row, "issued"));
            data = new EntityCache.Entry(Collections.unmodifiableMap(dates),
                    new Ranked(Collections.unmodifiableList(r.rows()), Collections.unmodifiableMap(r.labels())),
                    Collections.unmodifiableList(PaperLists.byDate(dates, true)));
            if (version >= 0) cache.put(e, "entity", version, data);
        }
        Map<Node, Node> issued = data.issued();
        Ranked ranked = data.ranked();
        List<Board> leaderboard = type.equals("Dataset") ? leaderboard(root, q, e, ranked, issued) : null;
        EntityResults results = results(root, q, paging, e, ranked);

        Map<String, Long> perYear = new TreeMap<>();
        for (Node d : issued.values()) {
            String lexical = PaperLists.lexical(d);
            perYear.merge(lexical != null && lexical.length() >= 4 ? lexical.substring(0, 4) : "undated", 1L, Long::sum);
        }
        long total = issued.size();
        EntityPapers papers;
        if (total == 0) {
            papers = new EntityPapers("0", "No paper in the graph mentions this " + type.toLowerCase(Locale.ROOT) + ".", List.of(), null);
        } else {
            long max = perYear.values().stream().max(Long::compare).orElse(1L);
            List<YearBar> years = new ArrayList<>();
            perYear.forEach((y, n) -> years.add(new YearBar(y, Math.max(2, 200 * n / max), n)));
            var page = lists.pageOf(q, paging, "papers", data.paperOrder(), issued, bind, true);
            papers = new EntityPapers(PaperLists.grouped(total), null, years, lists.rows(root, e, page, paging, "newest first", "roles"));
        }
        return new EntityView(new Page(root, label, null), type, label, alt.isEmpty() ? null : String.join(", ", alt), variantOf,
                pages.formats(root, e), leaderboard, results, papers);
    }

    /**
     * A dataset's leaderboard: per metric, the {@link #BOARD_ROWS} best results (lower first where lower is better:
     * any of the metric's results on this dataset, or the metric itself, says so, as in {@code queries/leaderboard.rq}),
     * a link to the page of the Results list where the metric's full ranking starts, and a chart of the best value over
     * time. Built from the ranked results the Results list also shows, plus the issue dates of their papers; method
     * labels and paper titles are looked up for the shown rows and the chart's new bests only, so a dataset with ten
     * thousand results renders in the time its results take to read, not in the time ten thousand table rows take.
     */
    private List<Board> leaderboard(String root, Sparql q, Node e, Ranked ranked, Map<Node, Node> issued) {
        record Entry(int position, ResultRow row, BigDecimal value) {}
        record Ranking(String name, List<Entry> entries, boolean lower) {}
        Map<String, List<Entry>> byMetric = new TreeMap<>();
        for (int i = 0; i < ranked.rows().size(); i++) {
            ResultRow r = ranked.rows().get(i);
            BigDecimal v = decimal(r.value());
            if (v == null) continue;
            String name = PaperLists.lexical(ranked.labels().get(r.metric()));
            if (name == null) name = r.metric() == null ? "(no metric)" : PaperLists.lexical(r.metric());
            byMetric.computeIfAbsent(name, k -> new ArrayList<>()).add(new Entry(i, r, v));
        }
        if (byMetric.isEmpty()) return List.of();
        NodeOrder by = new NodeOrder();
        List<Ranking> rankings = new ArrayList<>();
        Map<String, List<SotaChart.Point>> points = new HashMap<>();
        Set<Node> named = new HashSet<>();
        Set<Node> titled = new HashSet<>();
        for (var m : byMetric.entrySet()) {
            List<Entry> entries = m.getValue();
            boolean lower = entries.stream().anyMatch(x -> x.row().lower());
            Comparator<Entry> byValue = Comparator.comparing(Entry::value);
            entries.sort((lower ? byValue : byValue.reversed())
                    .thenComparing(x -> issued.get(x.row().paper()), by)
                    .thenComparing(x -> x.row().paper(), by)
                    .thenComparing(x -> x.row().result(), by));
            rankings.add(new Ranking(m.getKey(), entries, lower));
            for (Entry x : entries.subList(0, Math.min(BOARD_ROWS, entries.size()))) {
                named.add(x.row().method());
                titled.add(x.row().paper());
            }
            List<SotaChart.Point> pts = new ArrayList<>();
            for (Entry x : entries) {
                String date = PaperLists.lexical(issued.get(x.row().paper()));
                if (date != null && date.length() >= 4) pts.add(new SotaChart.Point(SotaChart.time(date), x.value(), x.row().method()));
            }
            points.put(m.getKey(), pts);
            for (SotaChart.Point p : SotaChart.drawn(pts, lower)) named.add(p.method());
        }
        named.remove(null);
        Map<Node, Node> methodLabels = PaperLists.leastValues(q, named, "least-labels");
        Map<Node, Node> titles = PaperLists.leastValues(q, titled, "least-titles");
        Map<Node, String> dotLabels = new HashMap<>();
        methodLabels.forEach((k, v) -> dotLabels.put(k, PaperLists.lexical(v)));
        List<Board> boards = new ArrayList<>();
        for (Ranking b : rankings) {
            List<BoardRow> rows = new ArrayList<>();
            int rank = 0;
            for (Entry x : b.entries().subList(0, Math.min(BOARD_ROWS, b.entries().size()))) {
                ResultRow r = x.row();
                rows.add(new BoardRow(++rank, pages.link(root, r.method(), PaperLists.lexical(methodLabels.get(r.method()))),
                        PaperLists.lexical(r.value()), pages.link(root, r.paper(), PaperLists.lexical(titles.get(r.paper()))),
                        PaperLists.lexical(issued.get(r.paper()))));
            }
            String more = null;
            Link all = null;
            if (b.entries().size() > BOARD_ROWS) {
                int first = b.entries().stream().mapToInt(Entry::position).min().orElse(0);
                more = "The best " + BOARD_ROWS + " of " + PaperLists.grouped(b.entries().size()) + " results.";
                all = new Link(pages.href(root, e) + "?results=" + (first / Paging.ROWS + 1) + "#results", "Every " + b.name() + " result, ranked");
            }
            boards.add(new Board(b.name(), b.lower(), rows, more, all, SotaChart.chart(b.name(), points.get(b.name()), b.lower(), dotLabels)));
        }
        return boards;
    }

    /** A value as a decimal number, or null when it is absent or not a number. */
    private static BigDecimal decimal(Node value) {
        if (value == null || !value.isLiteral()) return null;
        try {
            return new BigDecimal(value.getLiteralLexicalForm().strip());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** One result naming the entity: ids and value only; labels are looked up for the shown page. */
    record ResultRow(Node result, Node paper, Node method, Node dataset, Node metric, Node value, boolean lower, NodeValue rank) {
        /** A row whose {@link #rank} is the value as it ranks, highest best: negated where lower is better. */
        static ResultRow of(Node result, Node paper, Node method, Node dataset, Node metric, Node value, boolean lower) {
            NodeValue v = value == null ? null : NodeValue.makeNode(value);
            return new ResultRow(result, paper, method, dataset, metric, value, lower,
                    v != null && lower && v.isNumber() ? XSDFuncOp.unaryMinus(v) : v);
        }
    }

    /** The results that name an entity, in the order of its Results list, and the labels that order used. */
    record Ranked(List<ResultRow> rows, Map<Node, Node> labels) {
        /** No results: the lists of a paper or an author. */
        static final Ranked NONE = new Ranked(List.of(), Map.of());
    }

    /**
     * The results that name a method, dataset, task or metric, ordered as a leaderboard reads: by dataset label,
     * metric label, value best first (lowest first where the result or its metric says lower is better), then IRIs
     * (paper, method, dataset, metric, result) so the order is total and pages neither overlap nor skip. Results
     * missing a label or value sort as SPARQL's ORDER BY puts unbound values (first ascending, last descending). Only
     * ids and values of every result are read (a common metric has thousands), plus the labels of their datasets and
     * metrics, which the order needs; method labels and paper titles are looked up for shown rows only.
     */
    private static Ranked rankedResults(Sparql q, Map<String, Node> bind) {
        List<ResultRow> rows = new ArrayList<>();
        for (QuerySolution r : q.select("entity-results", bind)) {
            rows.add(ResultRow.of(Sparql.node(r, "r"), Sparql.node(r, "paper"), Sparql.node(r, "method"),
                    Sparql.node(r, "dataset"), Sparql.node(r, "metric"), Sparql.node(r, "value"), "true".equals(Sparql.str(r, "lower"))));
        }
        Set<Node> sortedBy = new HashSet<>();
        for (ResultRow r : rows) {
            if (r.dataset() != null) sortedBy.add(r.dataset());
            if (r.metric() != null) sortedBy.add(r.metric());
        }
        Map<Node, Node> labels = PaperLists.leastValues(q, sortedBy, "least-labels");
        NodeOrder by = new NodeOrder();
        Comparator<ResultRow> order = Comparator.<ResultRow, Node>comparing(r -> labels.get(r.dataset()), by)
                .thenComparing(r -> labels.get(r.metric()), by)
                .thenComparing(ResultRow::rank, (a, b) -> PaperLists.sparqlOrder(b, a))
                .thenComparing(ResultRow::paper, by)
                .thenComparing(ResultRow::method, by)
                .thenComparing(ResultRow::dataset, by)
                .thenComparing(ResultRow::metric, by)
                .thenComparing(ResultRow::result, by);
        rows.sort(order);
        return new Ranked(rows, labels);
    }

    /** The Results list: one page of {@link Paging#ROWS} of the ranked results, with a pager. */
    private EntityResults results(String root, Sparql q, Paging paging, Node e, Ranked ranked) {
        List<ResultRow> rows = ranked.rows();
        Map<Node, Node> labels = ranked.labels();
        long offset = paging.offset("results");
        List<ResultRow> shown = offset >= rows.size() ? List.of()
                : rows.subList((int) offset, (int) Math.min(rows.size(), offset + Paging.ROWS));
        Set<Node> methods = new HashSet<>();
        Set<Node> papers = new HashSet<>();
        for (ResultRow r : shown) {
            if (r.method() != null) methods.add(r.method());
            papers.add(r.paper());
        }
        Map<Node, Node> methodLabels = PaperLists.leastValues(q, methods, "least-labels");
        Map<Node, Node> titles = PaperLists.leastValues(q, papers, "least-titles");
        String total = PaperLists.grouped(rows.size());
        if (rows.isEmpty()) return new EntityResults(total, true, List.of(), null, null, null);
        int number = paging.page("results");
        long count = PaperLists.pageCount(rows.size());
        Pager pager = count > 1 ? PaperLists.pager(pages.href(root, e), "results", number, count) : null;
        if (shown.isEmpty()) return new EntityResults(total, false, List.of(), PaperLists.pastEnd(number, count), null, pager);
        List<EntityResult> out = new ArrayList<>();
        for (ResultRow r : shown) {
            out.add(new EntityResult(pages.link(root, r.dataset(), PaperLists.lexical(labels.get(r.dataset()))),
                    pages.link(root, r.metric(), PaperLists.lexical(labels.get(r.metric()))),
                    pages.link(root, r.method(), PaperLists.lexical(methodLabels.get(r.method()))),
                    PaperLists.lexical(r.value()), pages.link(root, r.paper(), PaperLists.lexical(titles.get(r.paper())))));
        }
        String range = count > 1 ? PaperLists.range(offset, shown.size(), rows.size(), "by dataset, metric, then value, best first") : null;
        return new EntityResults(total, false, out, null, range, pager);
    }
}
