package org.papergraph.serve.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.vocabulary.SKOS;
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

    private final Links links;
    private final PaperLists lists;
    private final EntityCache cache;

    EntityPage(Links links, PaperLists lists, EntityCache cache) {
        this.links = links;
        this.lists = lists;
        this.cache = cache;
    }

    EntityView view(Graph g, Sparql q, Node e, String type, Paging paging, String root, long version) {
        String label = Facts.label(g, e);
        List<String> alt = Facts.all(g, e, SKOS.altLabel.asNode());
        alt.remove(label);
        List<Link> variantOf = new ArrayList<>();
        for (String parent : Facts.all(g, e, PG.variantOf)) {
            Node pn = NodeFactory.createURI(parent);
            variantOf.add(links.link(root, pn, Facts.label(g, pn)));
        }
        Map<String, Node> bind = Map.of("entity", e);
        // A long list's start, size and years are kept in the store (ADR 0025): then only the results are read whole.
        PaperLists.Kept kept = PaperLists.kept(q, e, paging.offset("papers"));
        if (kept != null) {
            EntityCache.Entry results = version < 0 ? null : cache.get(e, "results", version);
            if (results == null) {
                RankedResults r = RankedResults.read(q, bind);
                Map<Node, Node> dates = new HashMap<>();
                if (type.equals("Dataset") && !r.rows().isEmpty()) {
                    for (QuerySolution row : q.select("entity-result-dates", bind)) dates.put(Sparql.node(row, "other"), Sparql.node(row, "issued"));
                }
                results = new EntityCache.Entry(Collections.unmodifiableMap(dates),
                        new RankedResults(Collections.unmodifiableList(r.rows()), Collections.unmodifiableMap(r.labels())), List.of());
                if (version >= 0) cache.put(e, "results", version, results);
            }
            return view(q, e, type, paging, root, bind, label, alt, variantOf, results.ranked(), results.issued(),
                    kept.perYear(), kept.total(), kept.order(), kept.issued(), version);
        }
        EntityCache.Entry data = version < 0 ? null : cache.get(e, "entity", version);
        if (data == null) {
            RankedResults r = RankedResults.read(q, bind);
            Map<Node, Node> dates = new HashMap<>();
            for (QuerySolution row : q.select("entity-papers", bind)) dates.put(Sparql.node(row, "other"), Sparql.node(row, "issued"));
            data = new EntityCache.Entry(Collections.unmodifiableMap(dates),
                    new RankedResults(Collections.unmodifiableList(r.rows()), Collections.unmodifiableMap(r.labels())),
                    Collections.unmodifiableList(PaperLists.byDate(dates, true)));
            if (version >= 0) cache.put(e, "entity", version, data);
        }
        Map<Node, Node> issued = data.issued();
        Map<String, Long> perYear = new TreeMap<>();
        for (Node d : issued.values()) {
            String lexical = Facts.lexical(d);
            perYear.merge(lexical != null && lexical.length() >= 4 ? lexical.substring(0, 4) : "undated", 1L, Long::sum);
        }
        return view(q, e, type, paging, root, bind, label, alt, variantOf, data.ranked(), issued, perYear, issued.size(),
                data.paperOrder(), issued, version);
    }

    /**
     * The page from what was read: the ranked results, the dates of the papers the leaderboard shows ({@code issued}),
     * the papers per year and their number, and the list of papers newest first ({@code order}, its start when kept)
     * with their dates ({@code listed}), all read at {@code version} (negative: not kept).
     */
    private EntityView view(Sparql q, Node e, String type, Paging paging, String root, Map<String, Node> bind, String label,
                            List<String> alt, List<Link> variantOf, RankedResults ranked, Map<Node, Node> issued,
                            Map<String, Long> perYear, long total, List<Node> order, Map<Node, Node> listed, long version) {
        Boards boards = boards(q, e, type, root, ranked, issued, version);
        List<Board> leaderboard = boards.boards();
        String ranking = boards.ranking();
        EntityResults results = results(root, q, paging, e, ranked);

        EntityPapers papers;
        if (total == 0) {
            papers = new EntityPapers("0", "No paper in the graph mentions this " + type.toLowerCase(Locale.ROOT) + ".", List.of(), null);
        } else {
            long max = perYear.values().stream().max(Long::compare).orElse(1L);
            List<YearBar> years = new ArrayList<>();
            perYear.forEach((y, n) -> years.add(new YearBar(y, Math.max(2, 200 * n / max), n)));
            var page = lists.pageOf(q, paging, "papers", order, total, listed, bind, true);
            papers = new EntityPapers(Facts.grouped(total), null, years, lists.rows(root, e, page, paging, "newest first", "roles"));
        }
        return new EntityView(new Page(root, label, null), type, label, alt.isEmpty() ? null : String.join(", ", alt), variantOf,
                links.formats(root, e), leaderboard, ranking, results, papers);
    }

    /** A dataset's leaderboard (null for other kinds) and the note on what it does not rank. */
    private record Boards(List<Board> boards, String ranking) {}

    private record BoardsKey(Node entity, String root) {}

    private record VersionedBoards(long version, Boards boards) {}

    /** Entities whose leaderboards are kept at a data version, at most this many (the most recently viewed). */
    static final int KEPT_BOARDS = 64;
    /** Leaderboards served from {@link #keptBoards}, for tests. */
    static volatile long boardHits;
    /**
     * The leaderboards of big entities (at least {@link EntityCache#minRows} results), kept under the data version they
     * were read at, as {@link EntityCache} keeps their results: ranking tens of thousands of results per metric took
     * most of a dataset page's time once its results were kept (about 200 ms for ADE20K at 1M papers).
     */
    private final Map<BoardsKey, VersionedBoards> keptBoards = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BoardsKey, VersionedBoards> eldest) { return size() > KEPT_BOARDS; }
    };

    private Boards boards(Sparql q, Node e, String type, String root, RankedResults ranked, Map<Node, Node> issued, long version) {
        boolean keep = version >= 0 && ranked.rows().size() >= EntityCache.minRows;
        BoardsKey key = new BoardsKey(e, root);
        if (keep) {
            synchronized (keptBoards) {
                VersionedBoards v = keptBoards.get(key);
                if (v != null && v.version() == version) {
                    boardHits++;
                    return v.boards();
                }
            }
        }
        List<Board> leaderboard = type.equals("Dataset") ? leaderboard(root, q, e, ranked, issued) : null;
        String ranking = null;
        long others = ranked.rows().stream().filter(r -> r.other() && decimal(r.value()) != null).count();
        long weak = ranked.rows().stream().filter(r -> !r.other() && r.weak() && decimal(r.value()) != null).count();
        if (leaderboard != null && others + weak > 0) {
            List<String> left = new ArrayList<>();
            if (others > 0) left.add(Facts.grouped(others) + " results papers report for other methods");
            if (weak > 0) left.add(Facts.grouped(weak) + " table results whose dataset or metric is uncertain (confidence below "
                    + RankedResults.Row.RANKED + ")");
            ranking = "Ranked by the results each paper reports for its own method; " + String.join(" and ", left)
                    + " are in the Results list.";
        }
        Boards out = new Boards(leaderboard == null ? null : Collections.unmodifiableList(leaderboard), ranking);
        if (keep) {
            synchronized (keptBoards) {
                VersionedBoards old = keptBoards.get(key);
                if (old == null || old.version() <= version) keptBoards.put(key, new VersionedBoards(version, out));
            }
        }
        return out;
    }

    /**
     * A dataset's leaderboard: per metric, the {@link #BOARD_ROWS} best results, one per method and paper (lower first
     * where lower is better: any of the metric's results on this dataset, or the metric itself, says so, as in
     * {@code queries/leaderboard.rq}),
     * a link to the page of the Results list where the metric's full ranking starts, and a chart of the best value over
     * time. Built from the ranked results the Results list also shows, plus the issue dates of their papers; method
     * labels and paper titles are looked up for the shown rows and the chart's new bests only, so a dataset with ten
     * thousand results renders in the time its results take to read, not in the time ten thousand table rows take.
     * A method is ranked by what its own paper reports: results a paper reports for another method ({@code other})
     * and table results read with low confidence ({@code weak}) stay in the Results list, out of rankings and charts.
     */
    private List<Board> leaderboard(String root, Sparql q, Node e, RankedResults ranked, Map<Node, Node> issued) {
        record Entry(int position, RankedResults.Row row, BigDecimal value) {}
        record Ranking(String name, List<Entry> entries, boolean lower, List<Entry> shown) {}
        Map<String, List<Entry>> byMetric = new TreeMap<>();
        for (int i = 0; i < ranked.rows().size(); i++) {
            RankedResults.Row r = ranked.rows().get(i);
            BigDecimal v = decimal(r.value());
            if (v == null || !r.ranked()) continue;
            String name = Facts.lexical(ranked.labels().get(r.metric()));
            if (name == null) name = r.metric() == null ? "(no metric)" : Facts.lexical(r.metric());
            byMetric.computeIfAbsent(name, k -> new ArrayList<>()).add(new Entry(i, r, v));
        }
        if (byMetric.isEmpty()) return List.of();
        SparqlOrder by = new SparqlOrder();
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
            // One row per method and paper, its best: a paper's table gives a method many cells (sizes, classes, splits).
            List<Entry> shown = new ArrayList<>();
            Set<List<Node>> seen = new HashSet<>();
            for (Entry x : entries) {
                if (shown.size() == BOARD_ROWS) break;
                Node method = x.row().method() == null ? x.row().result() : x.row().method();
                if (seen.add(List.of(x.row().paper(), method))) shown.add(x);
            }
            rankings.add(new Ranking(m.getKey(), entries, lower, shown));
            for (Entry x : shown) {
                named.add(x.row().method());
                titled.add(x.row().paper());
            }
            List<SotaChart.Point> pts = new ArrayList<>();
            for (Entry x : entries) {
                String date = Facts.lexical(issued.get(x.row().paper()));
                if (date != null && date.length() >= 4) pts.add(new SotaChart.Point(SotaChart.time(date), x.value(), x.row().method(), x.row().unit()));
            }
            points.put(m.getKey(), pts);
            for (SotaChart.Point p : SotaChart.drawn(pts, lower)) named.add(p.method());
        }
        named.remove(null);
        Map<Node, Node> methodLabels = q.leastValues(named, "least-labels");
        Map<Node, Node> titles = q.leastValues(titled, "least-titles");
        Map<Node, String> dotLabels = new HashMap<>();
        methodLabels.forEach((k, v) -> dotLabels.put(k, Facts.lexical(v)));
        List<Board> boards = new ArrayList<>();
        Set<Node> boarded = new HashSet<>();
        for (Ranking b : rankings) {
            for (Entry x : b.shown()) boarded.add(x.row().result());
        }
        Map<Node, String> evidence = evidence(q, boarded);
        for (Ranking b : rankings) {
            List<BoardRow> rows = new ArrayList<>();
            int rank = 0;
            boolean anyEvidence = false;
            for (Entry x : b.shown()) {
                RankedResults.Row r = x.row();
                String where = evidence.getOrDefault(r.result(), "");
                anyEvidence |= !where.isEmpty();
                rows.add(new BoardRow(++rank, links.link(root, r.method(), Facts.lexical(methodLabels.get(r.method()))),
                        r.shown(), links.link(root, r.paper(), Facts.lexical(titles.get(r.paper()))),
                        Facts.lexical(issued.get(r.paper())), where));
            }
            String more = null;
            Link all = null;
            if (b.entries().size() > b.shown().size()) {
                int first = b.entries().stream().mapToInt(Entry::position).min().orElse(0);
                more = "The best " + b.shown().size() + " of " + Facts.grouped(b.entries().size()) + " results"
                        + (b.shown().size() < Math.min(BOARD_ROWS, b.entries().size()) ? ", each method's best per paper." : ".");
                all = new Link(links.href(root, e) + "?results=" + (first / Paging.ROWS + 1) + "#results", "Every " + b.name() + " result, ranked");
            }
            boards.add(new Board(b.name(), b.lower(), rows, more, all, SotaChart.chart(b.name(), points.get(b.name()), b.lower(), dotLabels),
                    anyEvidence));
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

    /** The Results list: one page of {@link Paging#ROWS} of the ranked results, with a pager. */
    private EntityResults results(String root, Sparql q, Paging paging, Node e, RankedResults ranked) {
        List<RankedResults.Row> rows = ranked.rows();
        Map<Node, Node> labels = ranked.labels();
        long offset = paging.offset("results");
        List<RankedResults.Row> shown = offset >= rows.size() ? List.of()
                : rows.subList((int) offset, (int) Math.min(rows.size(), offset + Paging.ROWS));
        Set<Node> methods = new HashSet<>();
        Set<Node> papers = new HashSet<>();
        for (RankedResults.Row r : shown) {
            if (r.method() != null) methods.add(r.method());
            papers.add(r.paper());
        }
        Map<Node, Node> methodLabels = q.leastValues(methods, "least-labels");
        Map<Node, Node> titles = q.leastValues(papers, "least-titles");
        String total = Facts.grouped(rows.size());
        if (rows.isEmpty()) return new EntityResults(total, true, List.of(), null, null, null, false);
        int number = paging.page("results");
        long count = PaperLists.pageCount(rows.size());
        Pager pager = count > 1 ? PaperLists.pager(links.href(root, e), "results", number, count) : null;
        if (shown.isEmpty()) return new EntityResults(total, false, List.of(), PaperLists.pastEnd(number, count), null, pager, false);
        Map<Node, String> evidence = evidence(q, shown.stream().map(RankedResults.Row::result).toList());
        List<EntityResult> out = new ArrayList<>();
        for (RankedResults.Row r : shown) {
            out.add(new EntityResult(links.link(root, r.dataset(), Facts.lexical(labels.get(r.dataset()))),
                    links.link(root, r.metric(), Facts.lexical(labels.get(r.metric()))),
                    links.link(root, r.method(), Facts.lexical(methodLabels.get(r.method()))),
                    r.shown(), links.link(root, r.paper(), Facts.lexical(titles.get(r.paper()))),
                    r.other() ? "reported for another method" : r.weak() ? "uncertain, not ranked" : null,
                    evidence.getOrDefault(r.result(), "")));
        }
        String range = count > 1 ? PaperLists.range(offset, shown.size(), rows.size(), "by dataset, metric, then value, best first") : null;
        return new EntityResults(total, false, out, null, range, pager, !evidence.isEmpty());
    }

    /**
     * Where each of {@code results} was read, in words, for those read from a table: "Table 3, row ‘Ours (large)’,
     * column ‘BLEU’: “28.4” (confidence 0.41)". One query ({@code table-evidence}) with the results as VALUES; results
     * of other sources (abstracts, leaderboard dumps) are absent.
     */
    static Map<Node, String> evidence(Sparql q, Collection<Node> results) {
        Map<Node, String> out = new HashMap<>();
        List<Node> iris = results.stream().filter(r -> r != null && r.isURI()).distinct().toList();
        if (iris.isEmpty()) return out;
        for (QuerySolution s : q.query("table-evidence").values("r", iris).rows()) {
            StringBuilder line = new StringBuilder(Objects.requireNonNullElse(Sparql.str(s, "label"), "A table"));
            if (Sparql.str(s, "row") != null) line.append(", row ‘").append(Sparql.str(s, "row")).append('’');
            if (Sparql.str(s, "column") != null) line.append(", column ‘").append(Sparql.str(s, "column")).append('’');
            if (Sparql.str(s, "cell") != null) line.append(": “").append(Sparql.str(s, "cell")).append('”');
            if (Sparql.str(s, "confidence") != null) line.append(" (confidence ").append(Sparql.str(s, "confidence")).append(')');
            out.put(Sparql.node(s, "r"), line.toString());
        }
        return out;
    }
}
