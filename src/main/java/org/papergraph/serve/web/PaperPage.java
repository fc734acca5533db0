package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.vocabulary.DCTerms;
import org.papergraph.serve.web.view.Views.EntityGroup;
import org.papergraph.serve.web.view.Views.Link;
import org.papergraph.serve.web.view.Views.NamedEntity;
import org.papergraph.serve.web.view.Views.Note;
import org.papergraph.serve.web.view.Views.Page;
import org.papergraph.serve.web.view.Views.PaperList;
import org.papergraph.serve.web.view.Views.PaperView;
import org.papergraph.serve.web.view.Views.ResultLine;
import org.papergraph.serve.web.view.Views.Row;
import org.papergraph.serve.web.view.Views.Segment;
import org.papergraph.vocab.PG;

/**
 * What a paper's page shows (template {@code paper.jte}): its metadata, authors, the title and abstract with each
 * located mention linked to its entity, the methods, datasets and tasks it names, its results, its references and
 * citing papers a page at a time, and the papers related to it by co-citation, coupling and shared entities.
 */
final class PaperPage {
    /**
     * Methods and datasets named more often than this (mentions plus results) are too common to tell related papers
     * by: at 300k papers ImageNet is named 30,000 times, and counting the papers behind it took a second a page,
     * only to rank ten of its papers by IRI. Not final for tests.
     */
    static int relatedMaxLinks = 2_000;

    private final Links links;
    private final PaperLists lists;

    PaperPage(Links links, PaperLists lists) {
        this.links = links;
        this.lists = lists;
    }

    PaperView view(Graph g, Sparql q, Node p, Paging paging, String root, long version) {
        String title = Facts.first(g, p, DCTerms.title.asNode());
        Map<String, Node> bind = Map.of("paper", p);
        List<QuerySolution> mentions = q.select("paper-mentions", Map.of("paper", p, "shown", Sparql.SHOWN));
        List<Segment> heading = title == null ? List.of(new Segment(p.getURI(), null, null, null)) : highlight(root, title, mentions, "title");
        List<String> cats = Facts.all(g, p, PG.category);
        List<Link> authors = new ArrayList<>();
        for (QuerySolution r : q.select("paper-authors", bind)) authors.add(links.link(root, Sparql.node(r, "author"), Sparql.str(r, "name")));
        String abstractText = Facts.first(g, p, DCTerms.abstract_.asNode());
        List<QuerySolution> results = q.select("paper-results", bind);

        // A much-cited paper has thousands of citing papers: their dates are read once and kept (EntityCache), and only
        // the shown page of them is titled.
        var references = lists.section(root, p, "References",
                lists.pageOf(q, paging, "references", "references-dates", false, bind, p, version),
                paging, "oldest first", "This paper cites no paper in the graph.");
        var citedBy = lists.section(root, p, "Cited by",
                lists.pageOf(q, paging, "cited-by", "cited-by-dates", true, bind, p, version),
                paging, "newest first", "No paper in the graph cites this one.");
        // pgf:coCited and pgf:coupled (PaperFunctions) rank on TDB2 node ids, most first, ties by IRI: a much-cited
        // paper has tens of thousands of neighbours, and only the ten shown get decoded and a title looked up.
        PaperList coCited = paperList(root, "co-citation", "Co-cited with", q.select("co-cited", bind), n -> "cited together by " + Facts.count(n, "paper", "papers"),
                "No paper cites this one together with another.", null);
        PaperList coupled = paperList(root, "coupling", "Bibliographic coupling", q.select("coupled", bind), n -> Facts.count(n, "shared reference", "shared references"),
                "No other paper shares a reference with this one.", null);
        return new PaperView(new Page(root, title == null ? p.getURI() : title, null), heading, Facts.first(g, p, PG.arxivId),
                Facts.first(g, p, PG.doi), Facts.first(g, p, DCTerms.issued.asNode()), cats.isEmpty() ? null : String.join(", ", cats),
                Facts.all(g, p, PG.codeRepository), links.formats(root, p), authors,
                abstractText == null ? null : highlight(root, abstractText, mentions, "abstract"),
                entities(root, mentions, results), resultLines(root, results), references, citedBy, coCited, coupled,
                related(root, q, bind));
    }

    /** The entities the paper names, from its mentions and its results, grouped by kind with the roles it gives them. */
    private List<EntityGroup> entities(String root, List<QuerySolution> mentions, List<QuerySolution> results) {
        Map<String, Map<Node, TreeSet<String>>> byType = new TreeMap<>();
        Map<Node, String> labels = new LinkedHashMap<>();
        for (QuerySolution r : mentions) {
            Node e = Sparql.node(r, "entity");
            String type = Facts.localName(Sparql.str(r, "class"));
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
        List<EntityGroup> groups = new ArrayList<>();
        for (var t : byType.entrySet()) {
            List<NamedEntity> named = new ArrayList<>();
            for (var e : t.getValue().entrySet()) {
                named.add(new NamedEntity(links.link(root, e.getKey(), labels.get(e.getKey())),
                        e.getValue().isEmpty() ? null : String.join(", ", e.getValue())));
            }
            groups.add(new EntityGroup(t.getKey(), Facts.cssType(t.getKey()), named));
        }
        return groups;
    }

    private List<ResultLine> resultLines(String root, List<QuerySolution> results) {
        List<ResultLine> lines = new ArrayList<>();
        for (QuerySolution r : results) {
            lines.add(new ResultLine(links.link(root, Sparql.node(r, "method"), Sparql.str(r, "methodLabel")),
                    links.link(root, Sparql.node(r, "dataset"), Sparql.str(r, "datasetLabel")),
                    links.link(root, Sparql.node(r, "metric"), Sparql.str(r, "metricLabel")),
                    "true".equals(Sparql.str(r, "lower")), valueText(r),
                    links.link(root, Sparql.node(r, "task"), Sparql.str(r, "taskLabel"))));
        }
        return lines;
    }

    private static String valueText(QuerySolution r) {
        String v = Sparql.str(r, "value");
        if (v == null) v = Sparql.str(r, "rawValue");
        return v == null ? "" : Facts.withUnit(v, Sparql.str(r, "unit"));
    }

    /**
     * "Related through methods and datasets": the other papers sharing the most of this paper's methods and datasets,
     * not counting those named more than {@link #relatedMaxLinks} times (the section names them). The paper's few
     * entities first, then the papers of each, walked from the entity end; titles for the ten shown only.
     */
    private PaperList related(String root, Sparql q, Map<String, Node> bind) {
        List<Node> walked = new ArrayList<>();
        Map<Node, Long> common = new LinkedHashMap<>();
        for (QuerySolution r : q.select("related-entities", bind)) {
            Node e = Sparql.node(r, "e");
            if (!e.isURI()) continue;
            // Counted up to one past the limit: reading ImageNet's every link to count them is what this avoids.
            long links = q.query("entity-links").bind("e", e).limit(relatedMaxLinks + 1).rows().size();
            if (links > relatedMaxLinks) common.put(e, links);
            else walked.add(e);
        }
        List<QuerySolution> rows = walked.isEmpty() ? List.of() : q.query("related-papers").bind(bind).values("e", walked).rows();
        Note note = null;
        if (!common.isEmpty()) {
            Map<Node, Node> labels = q.leastValues(common.keySet(), "least-labels");
            List<Link> named = new ArrayList<>();
            for (Node e : common.keySet()) {
                String label = Facts.lexical(labels.get(e));
                named.add(links.link(root, e, label == null ? Facts.localName(e.getURI()) : label));
            }
            note = new Note("Not counted, as too common to tell related papers by (named more than "
                    + Facts.grouped(relatedMaxLinks) + " times): ", named);
        }
        return paperList(root, "related", "Related through methods and datasets", rows, n -> Facts.count(n, "shared method or dataset", "shared methods or datasets"),
                common.isEmpty() ? "No other paper shares a method or dataset with this one."
                        : "No other paper shares one of this paper's less common methods or datasets.", note);
    }

    /** A short list of papers, each with its count ({@code ?n}) as {@code says} words it. */
    private PaperList paperList(String root, String id, String heading, List<QuerySolution> rows, LongFunction<String> says, String empty,
                                Note note) {
        List<Row> list = new ArrayList<>();
        for (QuerySolution r : rows) {
            list.add(new Row(links.link(root, Sparql.node(r, "other"), Sparql.str(r, "title")), Sparql.str(r, "issued"),
                    says.apply(Long.parseLong(Sparql.str(r, "n")))));
        }
        return new PaperList(id, heading, Integer.toString(rows.size()), empty, list, note);
    }

    /**
     * {@code text} (the title or the abstract, named by {@code field}) in pieces, each located mention a piece linked
     * to its entity; overlapping mentions keep the first.
     */
    private List<Segment> highlight(String root, String text, List<QuerySolution> mentions, String field) {
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
                spans.add(new Span(s, e, Sparql.node(r, "entity"), Facts.localName(Sparql.str(r, "class")), Sparql.str(r, "label")));
            } catch (NumberFormatException | NullPointerException ex) {
                // A mention without usable offsets is still listed under the entities; it just cannot be highlighted.
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (Span s : spans) {
            if (s.start < at) continue;
            if (s.start > at) out.add(new Segment(text.substring(at, s.start), null, null, null));
            String tip = (s.type == null ? "" : s.type + ": ") + (s.label == null ? "" : s.label);
            out.add(new Segment(text.substring(s.start, s.end), "mention " + Facts.cssType(s.type), tip, links.href(root, s.entity)));
            at = s.end;
        }
        if (at < text.length() || out.isEmpty()) out.add(new Segment(text.substring(at), null, null, null));
        return out;
    }
}
