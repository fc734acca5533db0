package org.papergraph.serve.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.expr.ExprNotComparableException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.vocab.PG;

/**
 * Renders the HTML page of one resource: paper, method, dataset, task, metric, author, or a plain table of
 * statements for anything else. Each page runs a handful of SELECT queries; the caller holds a read transaction.
 * Sections whose facts are absent (no mentions yet, no results) say so instead of disappearing, so a reader knows
 * the page looked. Instances hold only immutable collaborators; one call per request.
 */
final class Pages {
    private static final Node FOAF_NAME = org.apache.jena.graph.NodeFactory.createURI("http://xmlns.com/foaf/0.1/name");
    /** pg:variantOf, which the extraction branch adds to PG; named here so pages work before and after that merge. */
    private static final Node VARIANT_OF = org.apache.jena.graph.NodeFactory.createURI(PG.NS + "variantOf");
    private final IriMapper mapper;

    private final EntityCache cache = new EntityCache();

    Pages(IriMapper mapper) { this.mapper = mapper; }

    /**
     * The page for {@code iri}, whose description is non-empty, showing the pages of its long lists that {@code paging}
     * asks for. {@code version} is the data version the read transaction sees (-1: unknown): what the page reads of a
     * big entity is kept under it for the next pages ({@link EntityCache}).
     */
    String resource(Graph g, Sparql q, Node iri, Paging paging, Html h, long version) {
        Set<String> types = types(g, iri);
        if (types.contains(PG.Paper.getURI())) paper(g, q, iri, paging, h, version);
        else if (types.contains(PG.Dataset.getURI())) entity(g, q, iri, "Dataset", paging, h, version);
        else if (types.contains(PG.Method.getURI())) entity(g, q, iri, "Method", paging, h, version);
        else if (types.contains(PG.Task.getURI())) entity(g, q, iri, "Task", paging, h, version);
        else if (types.contains(PG.Metric.getURI())) entity(g, q, iri, "Metric", paging, h, version);
        else if (types.contains(PG.Person.getURI())) author(g, q, iri, paging, h, version);
        else generic(g, q, iri, h);
        return h.close().toString();
    }

    // ------------------------------------------------------------------------------------------------ paper

    private void paper(Graph g, Sparql q, Node p, Paging paging, Html h, long version) {
        String title = first(g, p, DCTerms.title.asNode());
        h.open(title == null ? p.getURI() : title, null);
        Map<String, Node> bind = Map.of("paper", p);
        List<QuerySolution> mentions = q.select("""
                SELECT ?entity ?class (MIN(?l) AS ?label) ?surface ?role ?field ?start ?end ?confidence WHERE {
                  ?paper pg:hasMention ?m . ?m pg:entity ?entity .
                  OPTIONAL { ?m pg:surface ?surface } OPTIONAL { ?m pg:role ?role } OPTIONAL { ?m pg:field ?field }
                  OPTIONAL { ?m pg:start ?start } OPTIONAL { ?m pg:end ?end } OPTIONAL { ?m pg:confidence ?confidence }
                  OPTIONAL { ?entity a ?class . VALUES ?class { pg:Method pg:Dataset pg:Task pg:Metric } }
                  OPTIONAL { ?entity rdfs:label ?l }
                  FILTER(!BOUND(?confidence) || ?confidence >= $shown)
                } GROUP BY ?m ?entity ?class ?surface ?role ?field ?start ?end ?confidence ORDER BY ?start"""
                .replace("$shown", Double.toString(org.papergraph.extract.Confidence.SHOWN)), bind);
        h.raw("<p class=\"kind\">Paper</p><h1>").raw(title == null ? Html.escape(p.getURI()) : highlight(h, title, mentions, "title"))
                .raw("</h1>");
        h.raw("<dl class=\"meta\">");
        String arxiv = first(g, p, PG.arxivId);
        if (arxiv != null) h.raw("<dt>arXiv</dt><dd>").link("https://arxiv.org/abs/" + arxiv, arxiv).raw("</dd>");
        String doi = first(g, p, PG.doi);
        if (doi != null) h.raw("<dt>DOI</dt><dd>").link("https://doi.org/" + doi, doi).raw("</dd>");
        String issued = first(g, p, DCTerms.issued.asNode());
        if (issued != null) h.raw("<dt>Issued</dt><dd>").text(issued).raw("</dd>");
        List<String> cats = all(g, p, PG.category);
        if (!cats.isEmpty()) h.raw("<dt>Categories</dt><dd>").text(String.join(", ", cats)).raw("</dd>");
        List<String> repos = all(g, p, PG.codeRepository);
        h.raw("<dt>Code</dt><dd>");
        if (repos.isEmpty()) h.raw("<span class=\"none\">no code link known</span>");
        for (String r : repos) h.link(r, r).raw(" ");
        h.raw("</dd></dl>");
        formats(p, h);

        List<QuerySolution> authors = q.select("""
                SELECT ?author (MIN(?n) AS ?name) (MIN(?pos) AS ?position) WHERE {
                  ?paper dcterms:creator ?author .
                  OPTIONAL { ?paper pg:authorship ?s . ?s pg:author ?author ; pg:position ?pos }
                  OPTIONAL { ?author foaf:name ?n }
                } GROUP BY ?author ORDER BY ?position ?name""", bind);
        h.raw("<section id=\"authors\"><h2>Authors</h2>");
        if (authors.isEmpty()) none(h, "No authors recorded.");
        else {
            h.raw("<ul class=\"inline\">");
            for (QuerySolution r : authors) h.raw("<li>").raw(a(h, Sparql.node(r, "author"), Sparql.str(r, "name"))).raw("</li>");
            h.raw("</ul>");
        }
        h.raw("</section>");

        String abstractText = first(g, p, DCTerms.abstract_.asNode());
        h.raw("<section id=\"abstract\"><h2>Abstract</h2>");
        if (abstractText == null) none(h, "No abstract recorded.");
        else h.raw("<p class=\"abstract\">").raw(highlight(h, abstractText, mentions, "abstract")).raw("</p>");
        h.raw("</section>");

        List<QuerySolution> results = q.select("""
                SELECT ?result ?method (MIN(?ml) AS ?methodLabel) ?dataset (MIN(?dl) AS ?datasetLabel)
                       ?metric (MIN(?xl) AS ?metricLabel) ?task (MIN(?tl) AS ?taskLabel) ?value ?rawValue ?unit ?lower WHERE {
                  ?paper pg:reportsResult ?result .
                  OPTIONAL { ?result pg:method ?method . OPTIONAL { ?method rdfs:label ?ml } }
                  OPTIONAL { ?result pg:dataset ?dataset . OPTIONAL { ?dataset rdfs:label ?dl } }
                  OPTIONAL { ?result pg:metric ?metric . OPTIONAL { ?metric rdfs:label ?xl } }
                  OPTIONAL { ?result pg:task ?task . OPTIONAL { ?task rdfs:label ?tl } }
                  OPTIONAL { ?result pg:value ?value } OPTIONAL { ?result pg:rawValue ?rawValue }
                  OPTIONAL { ?result pg:unit ?unit } OPTIONAL { ?result pg:lowerIsBetter ?lower }
                } GROUP BY ?result ?method ?dataset ?metric ?task ?value ?rawValue ?unit ?lower
                ORDER BY ?datasetLabel ?metricLabel ?methodLabel""", bind);

        // Entities: from mentions and from results, with the roles the paper gives them.
        Map<String, Map<Node, TreeSet<String>>> byType = new TreeMap<>();
        Map<Node, String> labels = new LinkedHashMap<>();
        for (QuerySolution r : mentions) {
            Node e = Sparql.node(r, "entity");
            String type = localName(Sparql.str(r, "class"));
            labels.putIfAbsent(e, Sparql.str(r, "label"));
            TreeSet<String> roles = byType.computeIfAbsent(type == null ? "Other" : type, k -> new LinkedHashMap<>())
                    .computeIfAbsent(e, k -> new TreeSet<>());
            String role = Sparql.str(r, "role");
            if (role != null) roles.add(role);
        }
        for (QuerySolution r : results) {
            for (String[] v : new String[][] {{"method", "Method"}, {"dataset", "Dataset"}, {"task", "Task"}}) {
                Node e = Sparql.node(r, v[0]);
                if (e == null) continue;
                labels.putIfAbsent(e, Sparql.str(r, v[0] + "Label"));
                byType.computeIfAbsent(v[1], k -> new LinkedHashMap<>()).computeIfAbsent(e, k -> new TreeSet<>()).add("result");
            }
        }
        h.raw("<section id=\"entities\"><h2>Methods, datasets and tasks</h2>");
        if (byType.isEmpty()) none(h, "No methods, datasets or tasks found in this paper.");
        for (var t : byType.entrySet()) {
            h.raw("<h3>").text(t.getKey()).raw("</h3><ul class=\"inline entities\">");
            for (var e : t.getValue().entrySet()) {
                h.raw("<li class=\"" + cssType(t.getKey()) + "\">").raw(a(h, e.getKey(), labels.get(e.getKey())));
                if (!e.getValue().isEmpty()) h.raw(" <small>").text(String.join(", ", e.getValue())).raw("</small>");
                h.raw("</li>");
            }
            h.raw("</ul>");
        }
        h.raw("</section>");

        h.raw("<section id=\"results\"><h2>Results</h2>");
        if (results.isEmpty()) none(h, "No benchmark results recorded for this paper.");
        else {
            h.raw("<table><thead><tr><th>Method</th><th>Dataset</th><th>Metric</th><th>Value</th><th>Task</th></tr></thead><tbody>");
            for (QuerySolution r : results) {
                h.raw("<tr><td>").raw(a(h, Sparql.node(r, "method"), Sparql.str(r, "methodLabel")))
                        .raw("</td><td>").raw(a(h, Sparql.node(r, "dataset"), Sparql.str(r, "datasetLabel")))
                        .raw("</td><td>").raw(a(h, Sparql.node(r, "metric"), Sparql.str(r, "metricLabel")))
                        .raw(lowerMark(Sparql.str(r, "lower")))
                        .raw("</td><td class=\"num\">").text(valueText(r))
                        .raw("</td><td>").raw(a(h, Sparql.node(r, "task"), Sparql.str(r, "taskLabel"))).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        h.raw("</section>");

        pagedList(h, p, "references", "References", pageOf(q, paging, "references", "?paper cito:cites ?other", false, bind, p, version),
                paging, "oldest first", "This paper cites no paper in the graph.");
        // A much-cited paper has thousands of citing papers: their dates are read once and kept (EntityCache), and only
        // the shown page of them is titled.
        pagedList(h, p, "cited-by", "Cited by", pageOf(q, paging, "cited-by", "?other cito:cites ?paper", true, bind, p, version),
                paging, "newest first", "No paper in the graph cites this one.");
        // pgf:coCited and pgf:coupled (PaperFunctions) rank on TDB2 node ids, most first, ties by IRI: a much-cited
        // paper has tens of thousands of neighbours, and only the ten shown get decoded and a title looked up.
        paperList(h, "co-citation", "Co-cited with", q.select("""
                SELECT ?other (MIN(?t) AS ?title) ?n WHERE {
                  { SELECT ?other ?n WHERE { ?paper pgf:coCited (?other ?n) } LIMIT 10 }
                  OPTIONAL { ?other dcterms:title ?t }
                } GROUP BY ?other ?n ORDER BY DESC(?n) ?title""", bind), "cited together by %s papers",
                "No paper cites this one together with another.");
        paperList(h, "coupling", "Bibliographic coupling", q.select("""
                SELECT ?other (MIN(?t) AS ?title) ?n WHERE {
                  { SELECT ?other ?n WHERE { ?paper pgf:coupled (?other ?n) } LIMIT 10 }
                  OPTIONAL { ?other dcterms:title ?t }
                } GROUP BY ?other ?n ORDER BY DESC(?n) ?title""", bind), "%s shared references",
                "No other paper shares a reference with this one.");
        related(q, bind, h);
    }

    /**
     * Methods and datasets named more often than this (mentions plus results) are too common to tell related papers
     * by: at 300k papers ImageNet is named 30,000 times, and counting the papers behind it took a second a page,
     * only to rank ten of its papers by IRI. Not final for tests.
     */
    static int relatedMaxLinks = 2_000;

    /**
     * "Related through methods and datasets": the other papers sharing the most of this paper's methods and datasets,
     * not counting those named more than {@link #relatedMaxLinks} times (the section names them). The paper's few
     * entities first, then the papers of each, walked from the entity end; titles for the ten shown only.
     */
    private void related(Sparql q, Map<String, Node> bind, Html h) {
        List<Node> walked = new ArrayList<>();
        Map<Node, Long> common = new LinkedHashMap<>();
        for (QuerySolution r : q.select("""
                SELECT DISTINCT ?e WHERE {
                  { ?paper pg:hasMention ?m0 . ?m0 pg:entity ?e } UNION { ?paper pg:reportsResult ?r0 . ?r0 pg:method|pg:dataset ?e }
                  ?e a ?c . VALUES ?c { pg:Method pg:Dataset } } ORDER BY ?e""", bind)) {
            Node e = Sparql.node(r, "e");
            if (!e.isURI()) continue;
            // Counted up to one past the limit: reading ImageNet's every link to count them is what this avoids.
            long links = Long.parseLong(Sparql.str(q.select("""
                    SELECT (COUNT(*) AS ?n) WHERE { SELECT ?x WHERE { { ?x pg:entity ?e } UNION { ?x pg:method|pg:dataset ?e } }
                    LIMIT""" + " " + (relatedMaxLinks + 1) + " }", Map.of("e", e)).get(0), "n"));
            if (links > relatedMaxLinks) common.put(e, links);
            else walked.add(e);
        }
        List<QuerySolution> rows = List.of();
        if (!walked.isEmpty()) {
            StringBuilder values = new StringBuilder();
            for (Node e : walked) values.append(NodeFmtLib.strNT(e)).append(' ');
            // Written with property paths and the title inside, this took 10 s on a 20k-paper graph for a paper using
            // ImageNet and CIFAR-10 (thousands of papers each), and 0.3 s like this.
            rows = q.select("""
                    SELECT ?other (MIN(?t) AS ?title) ?n WHERE {
                      { SELECT ?other (COUNT(DISTINCT ?e) AS ?n) WHERE {
                          VALUES ?e { %s}
                          { ?m pg:entity ?e . ?other pg:hasMention ?m } UNION { ?r pg:method|pg:dataset ?e . ?other pg:reportsResult ?r }
                          FILTER(?other != ?paper)
                        } GROUP BY ?other ORDER BY DESC(?n) ?other LIMIT 10 }
                      OPTIONAL { ?other dcterms:title ?t }
                    } GROUP BY ?other ?n ORDER BY DESC(?n) ?other""".formatted(values), bind);
        }
        StringBuilder note = new StringBuilder();
        if (!common.isEmpty()) {
            Map<Node, Node> labels = leastValues(q, common.keySet(), "rdfs:label");
            note.append("<p class=\"range\">").append(Html.escape("Not counted, as too common to tell related papers by (named more than "
                    + grouped(relatedMaxLinks) + " times): "));
            String sep = "";
            for (Node e : common.keySet()) {
                String label = lexical(labels.get(e));
                note.append(sep).append(a(h, e, label == null ? localName(e.getURI()) : label));
                sep = ", ";
            }
            note.append(".</p>");
        }
        paperList(h, "related", "Related through methods and datasets", rows, "%s shared methods or datasets",
                common.isEmpty() ? "No other paper shares a method or dataset with this one."
                        : "No other paper shares one of this paper's less common methods or datasets.", note.toString());
    }

    /**
     * {@code text} (the title or the abstract, named by {@code field}) escaped, with each located mention wrapped in a
     * link to its entity; overlapping mentions keep the first.
     */
    private String highlight(Html h, String text, List<QuerySolution> mentions, String field) {
        record Span(int start, int end, Node entity, String type, String label) {}
        List<Span> spans = new ArrayList<>();
        for (QuerySolution r : mentions) {
            if (!field.equals(Sparql.str(r, "field"))) continue;
            try {
                int s = Integer.parseInt(Sparql.str(r, "start"));
                int e = Integer.parseInt(Sparql.str(r, "end"));
                if (s < 0 || e > text.length() || s >= e) continue;
                // Offsets taken from another version of the text would mark the wrong words: require the surface.
                String surface = Sparql.str(r, "surface");
                if (surface != null && !text.substring(s, e).equals(surface)) continue;
                spans.add(new Span(s, e, Sparql.node(r, "entity"), localName(Sparql.str(r, "class")), Sparql.str(r, "label")));
            } catch (NumberFormatException | NullPointerException ex) {
                // A mention without usable offsets is still listed under the entities; it just cannot be highlighted.
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Span s : spans) {
            if (s.start < at) continue;
            out.append(Html.escape(text.substring(at, s.start)));
            String href = href(h, s.entity);
            String cls = "mention " + cssType(s.type);
            String tip = (s.type == null ? "" : s.type + ": ") + (s.label == null ? "" : s.label);
            if (href != null) {
                out.append("<a class=\"").append(cls).append("\" title=\"").append(Html.escape(tip)).append("\" href=\"")
                        .append(Html.escape(href)).append("\">");
            } else {
                out.append("<mark class=\"").append(cls).append("\">");
            }
            out.append(Html.escape(text.substring(s.start, s.end))).append(href != null ? "</a>" : "</mark>");
            at = s.end;
        }
        out.append(Html.escape(text.substring(at)));
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------ entities

    private void entity(Graph g, Sparql q, Node e, String type, Paging paging, Html h, long version) {
        String label = label(g, e);
        h.open(label, null);
        h.raw("<p class=\"kind\">").text(type).raw("</p><h1>").text(label).raw("</h1>");
        List<String> alt = all(g, e, SKOS.altLabel.asNode());
        alt.remove(label);
        if (!alt.isEmpty()) h.raw("<p>Also written: ").text(String.join(", ", alt)).raw("</p>");
        for (String parent : all(g, e, VARIANT_OF)) {
            Node pn = org.apache.jena.graph.NodeFactory.createURI(parent);
            h.raw("<p>Variant of ").raw(a(h, pn, label(g, pn))).raw("</p>");
        }
        formats(e, h);
        Map<String, Node> bind = Map.of("entity", e);
        EntityCache.Entry data = version < 0 ? null : cache.get(e, "entity", version);
        if (data == null) {
            Ranked r = rankedResults(q, bind);
            Map<Node, Node> dates = papersOf(q, bind);
            data = new EntityCache.Entry(Collections.unmodifiableMap(dates),
                    new Ranked(Collections.unmodifiableList(r.rows()), Collections.unmodifiableMap(r.labels())),
                    Collections.unmodifiableList(byDate(dates, true)));
            if (version >= 0) cache.put(e, "entity", version, data);
        }
        Map<Node, Node> issued = data.issued();
        Ranked ranked = data.ranked();
        if (type.equals("Dataset")) leaderboard(q, e, ranked, issued, h);
        entityResults(q, paging, e, ranked, h);

        Map<String, Long> perYear = new TreeMap<>();
        for (Node d : issued.values()) {
            String lexical = lexical(d);
            perYear.merge(lexical != null && lexical.length() >= 4 ? lexical.substring(0, 4) : "undated", 1L, Long::sum);
        }
        long total = issued.size();
        ListPage papers = pageOf(q, paging, "papers", data.paperOrder(), issued, bind, new String[] {
                "(GROUP_CONCAT(DISTINCT ?how; separator=\", \") AS ?roles)", """
                { ?other pg:hasMention ?m . ?m pg:entity ?entity . OPTIONAL { ?m pg:role ?r } BIND(COALESCE(?r, "mentioned") AS ?how) }
                UNION { ?other pg:reportsResult ?res . ?res pg:method|pg:dataset|pg:task|pg:metric ?entity . BIND("result" AS ?how) }"""});

        h.raw("<section id=\"papers\"><h2>Papers over time <small>").text(grouped(total)).raw("</small></h2>");
        if (total == 0) none(h, "No paper in the graph mentions this " + type.toLowerCase() + ".");
        else {
            long max = perYear.values().stream().max(Long::compare).orElse(1L);
            h.raw("<table class=\"years\"><tbody>");
            perYear.forEach((y, n) -> h.raw("<tr><th>").text(y).raw("</th><td><span class=\"bar\" style=\"width:")
                    .raw(Long.toString(Math.max(2, 200 * n / max))).raw("px\"></span> ").text(Long.toString(n)).raw("</td></tr>"));
            h.raw("</tbody></table>");
            rowsOf(h, e, papers, paging, "newest first", "roles");
        }
        h.raw("</section>");
    }

    /**
     * Every paper that mentions the entity bound to {@code ?entity} or reports a result naming it, with its least date,
     * read once: the histogram counts them all, the Papers list shows a page of them, and the leaderboard dates its
     * results with them. Titles and roles are looked up for the shown page only (a common metric is named by most
     * papers).
     */
    private static Map<Node, Node> papersOf(Sparql q, Map<String, Node> bind) {
        // The result's link to the entity comes first: Jena keeps a property path where it is written, and
        // "?other pg:reportsResult ?res" first read every result of the store (2 s per query at 100k papers). The roles
        // looked up for a page of papers are given as VALUES, so there the paper comes first.
        Map<Node, Node> issued = new HashMap<>();
        for (QuerySolution r : q.select("""
                SELECT ?other (MIN(?i) AS ?issued) WHERE {
                { ?other pg:hasMention ?m . ?m pg:entity ?entity }
                UNION { ?res pg:method|pg:dataset|pg:task|pg:metric ?entity . ?other pg:reportsResult ?res }
                OPTIONAL { ?other dcterms:issued ?i } } GROUP BY ?other""", bind)) {
            issued.put(Sparql.node(r, "other"), Sparql.node(r, "issued"));
        }
        return issued;
    }

    /** Rows of each metric's table in a dataset's leaderboard section; its Results list ranks every result. */
    static final int BOARD_ROWS = 10;

    /**
     * A dataset's leaderboard: per metric, the {@link #BOARD_ROWS} best results (lower first where lower is better:
     * any of the metric's results on this dataset, or the metric itself, says so, as in {@code queries/leaderboard.rq}),
     * a link to the page of the Results list where the metric's full ranking starts, and a chart of the best value over
     * time. Built from the ranked results the Results list also shows, plus the issue dates of their papers; method
     * labels and paper titles are looked up for the shown rows and the chart's new bests only, so a dataset with ten
     * thousand results renders in the time its results take to read, not in the time ten thousand table rows take.
     */
    private void leaderboard(Sparql q, Node e, Ranked ranked, Map<Node, Node> issued, Html h) {
        record Entry(int position, ResultRow row, BigDecimal value) {}
        record Board(String name, List<Entry> entries, boolean lower) {}
        Map<String, List<Entry>> byMetric = new TreeMap<>();
        for (int i = 0; i < ranked.rows().size(); i++) {
            ResultRow r = ranked.rows().get(i);
            BigDecimal v = decimal(r.value());
            if (v == null) continue;
            String name = lexical(ranked.labels().get(r.metric()));
            if (name == null) name = r.metric() == null ? "(no metric)" : lexical(r.metric());
            byMetric.computeIfAbsent(name, k -> new ArrayList<>()).add(new Entry(i, r, v));
        }
        h.raw("<section id=\"leaderboard\"><h2>Leaderboard</h2>");
        if (byMetric.isEmpty()) {
            none(h, "No results with a value are recorded on this dataset.");
            h.raw("</section>");
            return;
        }
        NodeOrder by = new NodeOrder();
        List<Board> boards = new ArrayList<>();
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
            boards.add(new Board(m.getKey(), entries, lower));
            for (Entry x : entries.subList(0, Math.min(BOARD_ROWS, entries.size()))) {
                named.add(x.row().method());
                titled.add(x.row().paper());
            }
            List<SotaChart.Point> pts = new ArrayList<>();
            for (Entry x : entries) {
                String date = lexical(issued.get(x.row().paper()));
                if (date != null && date.length() >= 4) pts.add(new SotaChart.Point(SotaChart.time(date), x.value(), x.row().method()));
            }
            points.put(m.getKey(), pts);
            for (SotaChart.Point p : SotaChart.drawn(pts, lower)) named.add(p.method());
        }
        named.remove(null);
        Map<Node, Node> methodLabels = leastValues(q, named, "rdfs:label");
        Map<Node, Node> titles = leastValues(q, titled, "dcterms:title");
        Map<Node, String> dotLabels = new HashMap<>();
        methodLabels.forEach((k, v) -> dotLabels.put(k, lexical(v)));
        for (Board b : boards) {
            h.raw("<h3 class=\"metric\">").text(b.name()).raw(" <small>")
                    .text(b.lower() ? "lower is better" : "higher is better").raw("</small></h3>");
            h.raw("<table class=\"leaderboard\"><thead><tr><th>#</th><th>Method</th><th>Value</th><th>Paper</th><th>Date</th></tr></thead><tbody>");
            int rank = 0;
            for (Entry x : b.entries().subList(0, Math.min(BOARD_ROWS, b.entries().size()))) {
                rank++;
                ResultRow r = x.row();
                h.raw("<tr><td class=\"num\">").text(Integer.toString(rank)).raw("</td><td>")
                        .raw(a(h, r.method(), lexical(methodLabels.get(r.method()))))
                        .raw("</td><td class=\"num\">").text(lexical(r.value()))
                        .raw("</td><td>").raw(a(h, r.paper(), lexical(titles.get(r.paper()))))
                        .raw("</td><td>").text(lexical(issued.get(r.paper()))).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
            if (b.entries().size() > BOARD_ROWS) {
                int first = b.entries().stream().mapToInt(Entry::position).min().orElse(0);
                h.raw("<p class=\"range\">").text("The best " + BOARD_ROWS + " of " + grouped(b.entries().size()) + " results. ")
                        .link(href(h, e) + "?results=" + (first / Paging.ROWS + 1) + "#results", "Every " + b.name() + " result, ranked")
                        .raw("</p>");
            }
            h.raw(SotaChart.svg(b.name(), points.get(b.name()), b.lower(), dotLabels));
        }
        h.raw("</section>");
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
    record ResultRow(Node result, Node paper, Node method, Node dataset, Node metric, Node value, boolean lower,
                             NodeValue rank) {
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
     * metrics, which the order needs; method labels and paper titles are looked up for shown rows only. Nested
     * OPTIONALs for the labels made this take seconds on a 20k-paper store.
     */
    private static Ranked rankedResults(Sparql q, Map<String, Node> bind) {
        List<ResultRow> rows = new ArrayList<>();
        for (QuerySolution r : q.select("""
                SELECT ?r ?paper ?method ?dataset ?metric ?value (MAX(COALESCE(?l, false) || COALESCE(?ml, false)) AS ?lower) WHERE {
                  { ?r pg:method ?entity } UNION { ?r pg:dataset ?entity } UNION { ?r pg:task ?entity } UNION { ?r pg:metric ?entity }
                  ?paper pg:reportsResult ?r .
                  OPTIONAL { ?r pg:value ?value } OPTIONAL { ?r pg:method ?method }
                  OPTIONAL { ?r pg:dataset ?dataset } OPTIONAL { ?r pg:metric ?metric OPTIONAL { ?metric pg:lowerIsBetter ?ml } }
                  OPTIONAL { ?r pg:lowerIsBetter ?l }
                } GROUP BY ?r ?paper ?method ?dataset ?metric ?value""", bind)) {
            rows.add(ResultRow.of(Sparql.node(r, "r"), Sparql.node(r, "paper"), Sparql.node(r, "method"),
                    Sparql.node(r, "dataset"), Sparql.node(r, "metric"), Sparql.node(r, "value"), "true".equals(Sparql.str(r, "lower"))));
        }
        Set<Node> sortedBy = new HashSet<>();
        for (ResultRow r : rows) {
            if (r.dataset() != null) sortedBy.add(r.dataset());
            if (r.metric() != null) sortedBy.add(r.metric());
        }
        Map<Node, Node> labels = leastValues(q, sortedBy, "rdfs:label");
        NodeOrder by = new NodeOrder();
        Comparator<ResultRow> order = Comparator.<ResultRow, Node>comparing(r -> labels.get(r.dataset()), by)
                .thenComparing(r -> labels.get(r.metric()), by)
                .thenComparing(ResultRow::rank, (a, b) -> sparqlOrder(b, a))
                .thenComparing(ResultRow::paper, by)
                .thenComparing(ResultRow::method, by)
                .thenComparing(ResultRow::dataset, by)
                .thenComparing(ResultRow::metric, by)
                .thenComparing(ResultRow::result, by);
        rows.sort(order);
        return new Ranked(rows, labels);
    }

    /** The Results list: one page of {@link Paging#ROWS} of the ranked results, with a pager. */
    private void entityResults(Sparql q, Paging paging, Node e, Ranked ranked, Html h) {
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
        Map<Node, Node> methodLabels = leastValues(q, methods, "rdfs:label");
        Map<Node, Node> titles = leastValues(q, papers, "dcterms:title");

        h.raw("<section id=\"results\"><h2>Results <small>").text(grouped(rows.size())).raw("</small></h2>");
        if (rows.isEmpty()) none(h, "No benchmark results recorded.");
        else {
            int number = paging.page("results");
            long pages = (rows.size() + Paging.ROWS - 1) / Paging.ROWS;
            if (shown.isEmpty()) {
                none(h, "Page " + number + " is past the end of this list, which has " + pages + (pages == 1 ? " page." : " pages."));
            } else {
                if (pages > 1) {
                    h.raw("<p class=\"range\">").text("Showing " + grouped(offset + 1) + "–" + grouped(offset + shown.size())
                            + " of " + grouped(rows.size()) + ", by dataset, metric, then value, best first.").raw("</p>");
                }
                h.raw("<table><thead><tr><th>Dataset</th><th>Metric</th><th>Method</th><th>Value</th><th>Paper</th></tr></thead><tbody>");
                for (ResultRow r : shown) {
                    h.raw("<tr><td>").raw(a(h, r.dataset(), lexical(labels.get(r.dataset()))))
                            .raw("</td><td>").raw(a(h, r.metric(), lexical(labels.get(r.metric()))))
                            .raw("</td><td>").raw(a(h, r.method(), lexical(methodLabels.get(r.method()))))
                            .raw("</td><td class=\"num\">").text(lexical(r.value()))
                            .raw("</td><td>").raw(a(h, r.paper(), lexical(titles.get(r.paper())))).raw("</td></tr>");
                }
                h.raw("</tbody></table>");
            }
            if (pages > 1) pager(h, href(h, e), "results", number, pages);
        }
        h.raw("</section>");
    }

    /**
     * The least value of {@code property} (a prefixed name) on each of {@code subjects}, as SPARQL's MIN picks it;
     * subjects without one are absent. One query with the subjects as VALUES, so it costs what the subjects cost.
     */
    private static Map<Node, Node> leastValues(Sparql q, Set<Node> subjects, String property) {
        Map<Node, Node> out = new HashMap<>();
        StringBuilder values = new StringBuilder();
        for (Node s : subjects) if (s.isURI()) values.append(NodeFmtLib.strNT(s)).append(' ');
        if (values.isEmpty()) return out;
        for (QuerySolution r : q.select("SELECT ?s (MIN(?v) AS ?least) WHERE {\nVALUES ?s { " + values + "}\n?s " + property
                + " ?v } GROUP BY ?s", Map.of())) {
            out.put(Sparql.node(r, "s"), Sparql.node(r, "least"));
        }
        return out;
    }

    /**
     * The order of ORDER BY ascending ({@link #sparqlOrder}), making each node's value once: sorting ten thousand
     * results otherwise parses their dates and numbers a million times. One instance per sort; not thread-safe.
     */
    private static final class NodeOrder implements Comparator<Node> {
        private final Map<Node, NodeValue> values = new HashMap<>();

        @Override
        public int compare(Node a, Node b) {
            return sparqlOrder(a == null ? null : values.computeIfAbsent(a, NodeValue::makeNode),
                    b == null ? null : values.computeIfAbsent(b, NodeValue::makeNode));
        }
    }

    private static int sparqlOrder(NodeValue a, NodeValue b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        try {
            return NodeValue.compareAlways(a, b);
        } catch (ExprNotComparableException ex) {
            return NodeCmp.compareRDFTerms(a.asNode(), b.asNode());
        }
    }

    /** The lexical form of a literal, the IRI of a resource, null for null. */
    private static String lexical(Node n) {
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    // ------------------------------------------------------------------------------------------------ authors

    private void author(Graph g, Sparql q, Node person, Paging paging, Html h, long version) {
        String name = label(g, person);
        h.open(name, null);
        h.raw("<p class=\"kind\">Author</p><h1>").text(name).raw("</h1>");
        String orcid = first(g, person, PG.orcid);
        if (orcid != null) h.raw("<p>ORCID ").link("https://orcid.org/" + orcid, orcid).raw("</p>");
        formats(person, h);
        Map<String, Node> bind = Map.of("person", person);
        pagedList(h, person, "papers", "Papers", pageOf(q, paging, "papers",
                "{ ?other dcterms:creator ?person } UNION { ?other pg:authorship/pg:author ?person }", true, bind, person, version),
                paging, "newest first", "No papers recorded.");
        List<QuerySolution> co = q.select("""
                SELECT ?co (MIN(?n) AS ?name) (COUNT(DISTINCT ?p) AS ?papers) WHERE {
                  ?p dcterms:creator ?person , ?co . FILTER(?co != ?person)
                  OPTIONAL { ?co foaf:name ?n }
                } GROUP BY ?co ORDER BY DESC(?papers) ?name LIMIT 100""", bind);
        h.raw("<section id=\"coauthors\"><h2>Co-authors</h2>");
        if (co.isEmpty()) none(h, "No co-authors recorded.");
        else {
            h.raw("<ul class=\"inline\">");
            for (QuerySolution r : co) {
                h.raw("<li>").raw(a(h, Sparql.node(r, "co"), Sparql.str(r, "name"))).raw(" <small>")
                        .text(Sparql.str(r, "papers")).raw("</small></li>");
            }
            h.raw("</ul>");
        }
        h.raw("</section>");
    }

    // ------------------------------------------------------------------------------------------------ anything else

    private void generic(Graph g, Sparql q, Node s, Html h) {
        String label = label(g, s);
        h.open(label, null);
        h.raw("<p class=\"kind\">Resource</p><h1>").text(label).raw("</h1><p class=\"iri\">").text(s.getURI()).raw("</p>");
        formats(s, h);
        h.raw("<section id=\"statements\"><h2>Statements</h2><table><tbody>");
        for (Triple t : Describer.describe(g, s)) {
            h.raw("<tr><td>").text(t.getSubject().isURI() && !t.getSubject().equals(s) ? t.getSubject().getURI() : "")
                    .raw("</td><td>").raw(nodeHtml(h, g, t.getPredicate())).raw("</td><td>").raw(nodeHtml(h, g, t.getObject()))
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
        List<QuerySolution> in = q.select("SELECT ?s ?p WHERE { ?s ?p ?o } LIMIT 100", Map.of("o", s));
        h.raw("<section id=\"incoming\"><h2>Referred to by</h2>");
        if (in.isEmpty()) none(h, "Nothing in the graph refers to this resource.");
        else {
            h.raw("<table><tbody>");
            for (QuerySolution r : in) {
                Node sub = Sparql.node(r, "s");
                h.raw("<tr><td>").raw(nodeHtml(h, g, sub)).raw("</td><td>").raw(nodeHtml(h, g, Sparql.node(r, "p"))).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        h.raw("</section>");
    }

    // ------------------------------------------------------------------------------------------------ paged lists

    /** One row of a paged list: the paper, its least title and date, and the list's extra column (or null). */
    private record ListRow(Node paper, String title, String issued, String extra) {}

    /** The rows of page {@link Paging#page} of a list, and how many rows the whole list has. */
    private record ListPage(String section, long total, long offset, List<ListRow> rows) {}

    /**
     * A page of the papers {@code ?other} that {@code pattern} finds (its other variables bound by {@code bind}),
     * ordered by date (undated papers sort before all dates, so last when newest first) then IRI, as ORDER BY sorts
     * them; the order is total, so consecutive pages neither overlap nor skip. The ids and dates of the whole list are
     * read in one pass and sorted here, which also counts them; a big list is kept under the data version
     * {@code version} ({@link EntityCache}, as the list {@code section} of {@code subject}) for its next pages and
     * views. Titles are looked up for the page's rows only.
     */
    private ListPage pageOf(Sparql q, Paging paging, String section, String pattern, boolean newestFirst, Map<String, Node> bind,
                            Node subject, long version) {
        EntityCache.Entry data = version < 0 ? null : cache.get(subject, section, version);
        if (data == null) {
            Map<Node, Node> issued = new HashMap<>();
            for (QuerySolution r : q.select("SELECT ?other (MIN(?i) AS ?issued) WHERE {\n" + pattern
                    + "\nOPTIONAL { ?other dcterms:issued ?i } } GROUP BY ?other", bind)) {
                issued.put(Sparql.node(r, "other"), Sparql.node(r, "issued"));
            }
            data = new EntityCache.Entry(Collections.unmodifiableMap(issued), Ranked.NONE,
                    Collections.unmodifiableList(byDate(issued, newestFirst)));
            if (version >= 0) cache.put(subject, section, version, data);
        }
        return pageOf(q, paging, section, data.paperOrder(), data.issued(), bind, null);
    }

    /**
     * The papers of {@code issued} by their dates, as ORDER BY ?issued ?other (or DESC(?issued) ?other) sorts them:
     * undated first ascending, last descending; ties by IRI, ascending either way.
     */
    private static List<Node> byDate(Map<Node, Node> issued, boolean newestFirst) {
        List<Node> order = new ArrayList<>(issued.keySet());
        NodeOrder by = new NodeOrder();
        Comparator<Node> date = Comparator.comparing(issued::get, by);
        order.sort((newestFirst ? date.reversed() : date).thenComparing(by));
        return order;
    }

    /** The page of {@link Paging#page} of papers already in list order, with their dates in {@code issued}. */
    private ListPage pageOf(Sparql q, Paging paging, String section, List<Node> order, Map<Node, Node> issued,
                            Map<String, Node> bind, String[] extra) {
        long offset = paging.offset(section);
        List<Node> ids = offset >= order.size() ? List.of()
                : order.subList((int) offset, (int) Math.min(order.size(), offset + Paging.ROWS));
        return details(q, section, order.size(), offset, ids, issued, bind, extra);
    }

    /** The rows of a page of papers {@code ids}: their titles, and their roles when {@code extra} is given. */
    private ListPage details(Sparql q, String section, long total, long offset, List<Node> ids, Map<Node, Node> issued,
                             Map<String, Node> bind, String[] extra) {
        if (ids.isEmpty()) return new ListPage(section, total, offset, List.of());
        StringBuilder values = new StringBuilder();
        for (Node paper : ids) values.append(NodeFmtLib.strNT(paper)).append(' ');
        Map<Node, QuerySolution> details = new HashMap<>();
        for (QuerySolution r : q.select("SELECT ?other (MIN(?t) AS ?title)" + (extra == null ? "" : " " + extra[0])
                + " WHERE {\nVALUES ?other { " + values + "}\nOPTIONAL { ?other dcterms:title ?t }"
                + (extra == null ? "" : "\n" + extra[1]) + "\n} GROUP BY ?other", bind)) {
            details.put(Sparql.node(r, "other"), r);
        }
        List<ListRow> rows = new ArrayList<>();
        for (Node paper : ids) {
            QuerySolution d = details.get(paper);
            rows.add(new ListRow(paper, d == null ? null : Sparql.str(d, "title"), lexical(issued.get(paper)),
                    d == null || extra == null ? null : Sparql.str(d, "roles")));
        }
        return new ListPage(section, total, offset, rows);
    }

    /** A section with its heading, the list's size, and one page of rows with links to the other pages. */
    private void pagedList(Html h, Node subject, String id, String heading, ListPage page, Paging paging, String order, String empty) {
        h.raw("<section id=\"" + id + "\"><h2>").text(heading).raw(" <small>").text(grouped(page.total())).raw("</small></h2>");
        if (page.total() == 0) none(h, empty);
        else rowsOf(h, subject, page, paging, order, null);
        h.raw("</section>");
    }

    /** The rows of {@code page}, a list on the page of {@code subject}, with what part of the list they are and a pager. */
    private void rowsOf(Html h, Node subject, ListPage page, Paging paging, String order, String extraClass) {
        int number = paging.page(page.section());
        long pages = (page.total() + Paging.ROWS - 1) / Paging.ROWS;
        if (page.rows().isEmpty()) {
            none(h, "Page " + number + " is past the end of this list, which has " + pages + (pages == 1 ? " page." : " pages."));
        } else {
            if (pages > 1) {
                h.raw("<p class=\"range\">").text("Showing " + grouped(page.offset() + 1) + "–" + grouped(page.offset() + page.rows().size())
                        + " of " + grouped(page.total()) + ", " + order + ".").raw("</p>");
            }
            h.raw("<ul class=\"papers\">");
            for (ListRow r : page.rows()) {
                h.raw("<li>").raw(a(h, r.paper(), r.title()));
                if (r.issued() != null) h.raw(" <small>").text(r.issued()).raw("</small>");
                if (extraClass != null && r.extra() != null) h.raw(" <small class=\"" + extraClass + "\">").text(r.extra()).raw("</small>");
                h.raw("</li>");
            }
            h.raw("</ul>");
        }
        if (pages > 1) pager(h, href(h, subject), page.section(), number, pages);
    }

    /**
     * Links to the first, previous, next and last pages of a list on the page at {@code self}. They name the path,
     * not just the query ({@code ?cited-by=2}), which some clients (java.net.URI among them) resolve against the
     * parent folder. Other lists go back to their first page.
     */
    private static void pager(Html h, String self, String section, int number, long pages) {
        h.raw("<nav class=\"pager\" aria-label=\"").text(section + " pages").raw("\">");
        if (number > 1) {
            h.link(self + "?" + section + "=1#" + section, "« first").raw(" ");
            h.link(self + "?" + section + "=" + Math.min(number - 1, pages) + "#" + section, "‹ previous").raw(" ");
        }
        h.raw("<span>").text("page " + grouped(number) + " of " + grouped(pages)).raw("</span>");
        if (number < pages) {
            h.raw(" ").link(self + "?" + section + "=" + (number + 1) + "#" + section, "next ›");
            h.raw(" ").link(self + "?" + section + "=" + pages + "#" + section, "last »");
        }
        h.raw("</nav>");
    }

    /** {@code n} with thousands separated by commas, whatever the server's locale. */
    static String grouped(long n) { return String.format(java.util.Locale.ROOT, "%,d", n); }

    // ------------------------------------------------------------------------------------------------ helpers

    private void paperList(Html h, String id, String heading, List<QuerySolution> rows, String countFormat, String empty) {
        paperList(h, id, heading, rows, countFormat, empty, "");
    }

    /** A list of papers with {@code noteHtml} (markup) at the end of its section. */
    private void paperList(Html h, String id, String heading, List<QuerySolution> rows, String countFormat, String empty,
                           String noteHtml) {
        h.raw("<section id=\"" + id + "\"><h2>").text(heading).raw(" <small>").text(Integer.toString(rows.size())).raw("</small></h2>");
        if (rows.isEmpty()) none(h, empty);
        else {
            h.raw("<ul class=\"papers\">");
            for (QuerySolution r : rows) {
                h.raw("<li>").raw(a(h, Sparql.node(r, "other"), Sparql.str(r, "title")));
                String i = Sparql.str(r, "issued");
                if (i != null) h.raw(" <small>").text(i).raw("</small>");
                if (countFormat != null) h.raw(" <small class=\"count\">").text(String.format(countFormat, Sparql.str(r, "n"))).raw("</small>");
                h.raw("</li>");
            }
            h.raw("</ul>");
        }
        h.raw(noteHtml).raw("</section>");
    }

    /** Links to the machine-readable representations and the explorer. */
    private void formats(Node iri, Html h) {
        String self = href(h, iri);
        h.raw("<p class=\"formats\">");
        if (self != null) {
            for (Representation r : Representation.values()) {
                if (r != Representation.HTML) h.link(self + "?format=" + r.name, r.name).raw(" ");
            }
        }
        h.link(h.root + "explore?iri=" + Html.url(iri.getURI()), "explore graph").raw("</p>");
    }

    /** A link to {@code n} labelled {@code label} (or its IRI), escaped; an empty string for null. */
    String a(Html h, Node n, String label) {
        if (n == null) return "";
        String text = label != null ? label : n.isURI() ? n.getURI() : n.toString();
        String href = href(h, n);
        if (href == null) return Html.escape(text);
        return "<a href=\"" + Html.escape(href) + "\">" + Html.escape(text) + "</a>";
    }

    /** Where a link to {@code n} goes: its page on this server, an outside http(s) IRI, or null. */
    String href(Html h, Node n) {
        if (n == null || !n.isURI()) return null;
        String path = mapper.pathFor(n.getURI());
        if (path != null) return h.root + path;
        String u = n.getURI();
        return u.startsWith("http://") || u.startsWith("https://") ? u : null;
    }

    private String nodeHtml(Html h, Graph g, Node n) {
        if (n.isLiteral()) return Html.escape(n.getLiteralLexicalForm());
        if (n.isURI()) {
            String l = n.getURI().startsWith(mapper.base()) ? labelOrNull(g, n) : null;
            return a(h, n, l != null ? l : n.getURI());
        }
        return Html.escape(n.toString());
    }

    private static String lowerMark(String lower) {
        return "true".equals(lower) ? " <small title=\"lower is better\">↓</small>" : "";
    }

    private static String valueText(QuerySolution r) {
        String v = Sparql.str(r, "value");
        if (v == null) v = Sparql.str(r, "rawValue");
        String unit = Sparql.str(r, "unit");
        return v == null ? "" : unit == null ? v : v + " " + unit;
    }

    private static void none(Html h, String message) { h.raw("<p class=\"none\">").text(message).raw("</p>"); }

    static String cssType(String type) { return type == null ? "other" : type.toLowerCase(java.util.Locale.ROOT); }

    static String localName(String iri) {
        if (iri == null) return null;
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(i + 1);
    }

    static Set<String> types(Graph g, Node s) {
        Set<String> t = new TreeSet<>();
        g.find(s, RDF.type.asNode(), Node.ANY).forEachRemaining(tr -> {
            if (tr.getObject().isURI()) t.add(tr.getObject().getURI());
        });
        return t;
    }

    /** The least value (in string order, so the choice is stable) of {@code p} on {@code s}, or null. */
    static String first(Graph g, Node s, Node p) {
        List<String> v = all(g, s, p);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Every value of {@code p} on {@code s}, sorted and distinct: literals by lexical form, IRIs as text. */
    static List<String> all(Graph g, Node s, Node p) {
        TreeSet<String> out = new TreeSet<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isLiteral()) out.add(o.getLiteralLexicalForm());
            else if (o.isURI()) out.add(o.getURI());
        });
        return new ArrayList<>(out);
    }

    /** A display label: title, rdfs:label, foaf:name, else the IRI. */
    static String label(Graph g, Node s) {
        String l = labelOrNull(g, s);
        return l != null ? l : s.isURI() ? s.getURI() : s.toString();
    }

    static String labelOrNull(Graph g, Node s) {
        for (Node p : new Node[] {DCTerms.title.asNode(), RDFS.label.asNode(), SKOS.prefLabel.asNode(), FOAF_NAME}) {
            String v = first(g, s, p);
            if (v != null) return v;
        }
        return null;
    }
}
