package org.papergraph.serve.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.export.Exporter;
import org.papergraph.query.QueryCatalog;
import org.papergraph.query.StoredQuery;
import org.papergraph.serve.web.view.Templates;
import org.papergraph.serve.web.view.Views.Count;
import org.papergraph.serve.web.view.Views.ExploreView;
import org.papergraph.serve.web.view.Views.Hit;
import org.papergraph.serve.web.view.Views.HomeView;
import org.papergraph.serve.web.view.Views.Link;
import org.papergraph.serve.web.view.Views.NamedQuery;
import org.papergraph.serve.web.view.Views.Page;
import org.papergraph.serve.web.view.Views.Parameter;
import org.papergraph.serve.web.view.Views.QueryResult;
import org.papergraph.serve.web.view.Views.QueryView;
import org.papergraph.serve.web.view.Views.TopItem;
import org.papergraph.serve.web.view.Views.TopList;
import org.papergraph.store.GraphStore;
import org.papergraph.store.Summaries;
import org.papergraph.vocab.PG;

/** The site's pages that are not about one resource: home, explorer, query page, VoID. */
final class SiteParts {
    static final String VOID = "http://rdfs.org/ns/void#";
    private final GraphStore store;
    private final IriMapper mapper;
    private final Links links;
    private final AllPapers allPapers;
    private final QueryCatalog catalog = QueryCatalog.classpath();

    SiteParts(GraphStore store, IriMapper mapper, Links links) {
        this.store = store;
        this.mapper = mapper;
        this.links = links;
        this.allPapers = new AllPapers(links);
    }

    // ------------------------------------------------------------------------------------------------ home

    /**
     * The home page: its counts, most cited, most named and recent papers are read from the store's summaries
     * (ADR 0017), so it costs a few look-ups whatever the size of the graph.
     */
    String home(Sparql q, String root) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            Map<String, Long> found = new HashMap<>();
            for (QuerySolution r : q.select("home-counts", Map.of())) {
                found.put(Facts.localName(Sparql.str(r, "c")), Long.parseLong(Sparql.str(r, "n")));
            }
            List<QuerySolution> cites = q.select("home-citations", Map.of());
            found.put("citations", cites.isEmpty() ? 0L : Long.parseLong(Sparql.str(cites.get(0), "n")));
            List<Count> counts = new ArrayList<>();
            for (String[] kind : STATS) {
                Long n = found.get(kind[0]);
                if (n != null) counts.add(new Count(Facts.grouped(n), n == 1 ? kind[1] : kind[2]));
            }
            List<TopList> lists = List.of(
                    top(root, q, "Most cited papers", "home-most-cited", Map.of(), n -> "cited " + Facts.count(Long.parseLong(n), "time", "times")),
                    mostNamed(root, q, "Datasets", "home-datasets", PG.Dataset),
                    mostNamed(root, q, "Methods", "home-methods", PG.Method),
                    top(root, q, "Recent papers", "home-recent", Map.of(), n -> n));
            return Templates.render("home.jte", new HomeView(new Page(root, "papergraph", null), counts, lists));
        });
    }

    /** The stats bar, in this order: each class's local name (or "citations"), and how one and many of it read. */
    private static final String[][] STATS = {{"Paper", "paper", "papers"}, {"Person", "author", "authors"},
            {"Method", "method", "methods"}, {"Dataset", "dataset", "datasets"}, {"Task", "task", "tasks"},
            {"Metric", "metric", "metrics"}, {"Result", "result", "results"},
            {"CodeRepository", "code repository", "code repositories"}, {"citations", "citation", "citations"}};

    /** Candidates kept by the summaries' most-named order; the query keeps those a reader is shown. */
    private static final int NAMED_CANDIDATES = 100;

    private TopList mostNamed(String root, Sparql q, String heading, String query, Node kind) {
        List<Node> candidates = Summaries.mostNamed(q.datasetGraph(), kind, NAMED_CANDIDATES);
        return top(root, heading, q.query(query).bind(Map.of("shown", Sparql.SHOWN)).values("s", candidates).rows(),
                n -> "named " + Facts.count(Long.parseLong(n), "time", "times"));
    }

    private TopList top(String root, Sparql q, String heading, String query, Map<String, Node> bind, UnaryOperator<String> says) {
        return top(root, heading, q.select(query, bind), says);
    }

    private TopList top(String root, String heading, List<QuerySolution> found, UnaryOperator<String> says) {
        List<TopItem> items = new ArrayList<>();
        for (QuerySolution r : found) {
            items.add(new TopItem(links.link(root, Sparql.node(r, "s"), Sparql.str(r, "label")), says.apply(Sparql.str(r, "n"))));
        }
        return new TopList(heading, items);
    }

    // ------------------------------------------------------------------------------------------------ explorer

    /**
     * The explorer page: the graph around {@code iri}; or, for a search {@code query}, around its first hit with the
     * other hits to start from instead; or, given nothing, around the most cited paper of the newest month.
     */
    String explorer(String iri, String query, String root) {
        Page page = new Page(root, "Graph explorer", null);
        if (iri != null && !iri.isBlank()) return Templates.render("explore.jte", new ExploreView(page, query, iri, null, iri.strip(), null));
        return Txn.calculateRead(store.datasetGraph(), () -> {
            Sparql q = new Sparql(store.dataset(), 30_000);
            if (query != null && !query.isBlank()) {
                List<Search.Hit> found = Search.run(q, query, TextIndex.isIndexed(store.datasetGraph()), 20);
                List<Hit> hits = new ArrayList<>();
                for (Search.Hit hit : found) {
                    hits.add(new Hit(Facts.cssType(hit.kind()), hit.kind(), new Link("explore?iri=" + Html.url(hit.iri().getURI()),
                            hit.label() == null ? hit.iri().getURI() : hit.label()), null, null));
                }
                String start = found.isEmpty() ? null : found.get(0).iri().getURI();
                return Templates.render("explore.jte", new ExploreView(page, query, null, hits, start,
                        found.isEmpty() ? null : "Showing the first match; start from another:"));
            }
            Node start = allPapers.startingPaper(q);
            return Templates.render("explore.jte", new ExploreView(page, null, null, null, start == null ? null : start.getURI(),
                    start == null ? null : "Showing the most cited paper of the newest month; search above to start elsewhere."));
        });
    }

    // ------------------------------------------------------------------------------------------------ query page

    String queryPage(String name, String text, Map<String, String[]> params, long timeoutMillis, String root) {
        StoredQuery chosen = name == null ? null : catalog.get(name).orElse(null);
        String query = text != null ? text : chosen != null ? chosen.text() : null;
        List<NamedQuery> named = new ArrayList<>();
        for (StoredQuery sq : catalog.all()) named.add(new NamedQuery(sq.name(), "query?name=" + Html.url(sq.name()), sq.summary()));
        Map<String, String> values = new TreeMap<>();
        List<Parameter> parameters = new ArrayList<>();
        if (chosen != null) {
            for (StoredQuery.Param p : chosen.params()) {
                String[] v = params.get("param." + p.name());
                String value = v == null || v.length == 0 ? "" : v[0];
                values.put(p.name(), value);
                parameters.add(new Parameter(p.name(), p.required(), value, p.description()));
            }
        }
        QueryResult result = null;
        if (text != null && !text.isBlank()) {
            // The named query as shipped runs exactly as 'papergraph query NAME --param' runs it (paging included);
            // an edited text gets the values as bindings.
            boolean asShipped = chosen != null && text.strip().equals(chosen.text().strip());
            result = run(root, asShipped ? chosen : null, text, values, timeoutMillis);
        }
        return Templates.render("query.jte", new QueryView(new Page(root, "SPARQL", null), named,
                chosen == null ? null : new NamedQuery(chosen.name(), null, chosen.summary()), query == null ? "" : query, parameters, result));
    }

    /** Runs a query from the query page: an ASK's answer, or a SELECT's first 1000 rows, or what went wrong. */
    private QueryResult run(String root, StoredQuery named, String text, Map<String, String> values, long timeoutMillis) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            List<String> vars = null;
            List<List<Link>> rows = new ArrayList<>();
            try {
                var ds = store.dataset();
                QueryExecutionDatasetBuilder b;
                if (named != null) {
                    Map<String, String> given = new TreeMap<>();
                    values.forEach((k, v) -> { if (!v.isBlank()) given.put(k, v.strip()); });
                    b = QueryExecution.dataset(ds).query(org.papergraph.query.QueryRunner.prepare(named, given));
                } else {
                    b = QueryExecution.dataset(ds).query(text);
                    Model m = ds.getDefaultModel();
                    QueryExecutionDatasetBuilder bb = b;
                    values.forEach((k, v) -> {
                        if (!v.isBlank()) bb.substitution(k, m.asRDFNode(paramNode(v.strip())));
                    });
                }
                b.timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                try (QueryExecution qe = b.build()) {
                    if (qe.getQuery().isAskType()) return new QueryResult(Boolean.toString(qe.execAsk()), null, null, null, null, null);
                    if (!qe.getQuery().isSelectType()) {
                        return new QueryResult(null, "Only SELECT and ASK queries are shown here; send others to the SPARQL endpoint.",
                                null, null, null, null);
                    }
                    ResultSet rs = qe.execSelect();
                    vars = rs.getResultVars();
                    int n = 0;
                    while (rs.hasNext() && n < 1000) {
                        QuerySolution row = rs.next();
                        n++;
                        List<Link> cells = new ArrayList<>();
                        for (String v : vars) {
                            RDFNode x = row.get(v);
                            if (x != null && x.isURIResource()) cells.add(links.link(root, x.asNode(), null));
                            else if (x != null && x.isLiteral()) cells.add(Link.text(x.asLiteral().getLexicalForm()));
                            else cells.add(x == null ? null : Link.text(x.toString()));
                        }
                        rows.add(cells);
                    }
                    // Past the rows shown the page does not count on: it knows of one more, not how many.
                    String count = rs.hasNext() ? "at least " + (n + 1) + " rows; the first " + n
                            + " shown (add a LIMIT and OFFSET to page, or use the SPARQL endpoint)" : n + " row" + (n == 1 ? "" : "s");
                    return new QueryResult(null, null, vars, rows, count, null);
                }
            } catch (org.apache.jena.query.QueryParseException e) {
                return new QueryResult(null, null, vars, rows, null, "Syntax error: " + e.getMessage());
            } catch (org.papergraph.query.QueryFailure e) {
                return new QueryResult(null, null, vars, rows, null, e.getMessage());
            } catch (org.apache.jena.query.QueryCancelledException e) {
                return new QueryResult(null, null, vars, rows, null, "The query ran longer than the server's timeout and was stopped.");
            }
        });
    }

    /** A parameter value as the query command reads it: an IRI when it looks like one, a number, else a string. */
    static Node paramNode(String v) {
        if (v.startsWith("http://") || v.startsWith("https://") || v.startsWith("urn:")) return NodeFactory.createURI(v);
        if (v.startsWith("<") && v.endsWith(">")) return NodeFactory.createURI(v.substring(1, v.length() - 1));
        try {
            new BigDecimal(v);
            return NodeFactory.createLiteralDT(v, v.matches("-?\\d+") ? XSDDatatype.XSDinteger : XSDDatatype.XSDdecimal);
        } catch (NumberFormatException e) {
            return NodeFactory.createLiteralString(v);
        }
    }

    // ------------------------------------------------------------------------------------------------ VoID

    /** The VoID description of the dataset, in the representation the client asks for (Turtle by default). */
    void voidDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String origin = origin(req);
        Representation rep = Representation.negotiate(req.getHeader("Accept")).orElse(Representation.TURTLE);
        if (rep == Representation.HTML) rep = Representation.TURTLE; // VoID is for machines; browsers show Turtle as text.
        String f = req.getParameter("format");
        if (f != null) rep = Representation.byName(f).filter(r -> r != Representation.HTML).orElse(Representation.TURTLE);
        List<Triple> triples = Txn.calculateRead(store.datasetGraph(), () -> voidTriples(origin));
        resp.setStatus(200);
        resp.setContentType(rep == Representation.TURTLE ? "text/turtle; charset=utf-8" : rep.mediaType);
        try (OutputStream out = resp.getOutputStream()) {
            Exporter.writeTriples(triples.iterator(), rep.format, out);
        }
    }

    private List<Triple> voidTriples(String origin) {
        Node ds = NodeFactory.createURI(origin + "/.well-known/void#papergraph");
        List<Triple> t = new ArrayList<>();
        Node v = NodeFactory.createURI(VOID + "Dataset");
        t.add(Triple.create(ds, RDF.type.asNode(), v));
        t.add(Triple.create(ds, DCTerms.title.asNode(), NodeFactory.createLiteralString("papergraph")));
        t.add(Triple.create(ds, DCTerms.description.asNode(), NodeFactory.createLiteralString(
                "Machine-learning papers with their authors, code, citations, methods, datasets and results.")));
        t.add(Triple.create(ds, term("sparqlEndpoint"), NodeFactory.createURI(origin + "/papergraph/sparql")));
        t.add(Triple.create(ds, term("uriSpace"), NodeFactory.createLiteralString(mapper.base())));
        t.add(Triple.create(ds, term("rootResource"), NodeFactory.createURI(origin + "/")));
        t.add(Triple.create(ds, term("vocabulary"), NodeFactory.createURI(PG.NS)));
        t.add(Triple.create(ds, term("vocabulary"), NodeFactory.createURI("http://purl.org/dc/terms/")));
        t.add(Triple.create(ds, term("vocabulary"), NodeFactory.createURI("http://purl.org/spar/cito/")));
        for (String f : Exporter.Format.names()) {
            t.add(Triple.create(ds, term("dataDump"), NodeFactory.createURI(origin + "/dumps/papergraph." + f)));
        }
        // From the counts the store keeps (ADR 0017), so the description reads a few triples whatever the size of the
        // graph: the classes and their instances. The graph's triple, subject and property counts would need a pass
        // over every triple, so they are left out (VoID makes them optional).
        Map<Node, Long> classes = Summaries.classCounts(store.datasetGraph());
        t.add(Triple.create(ds, term("classes"), integer(Integer.toString(classes.size()))));
        for (Node c : classes.keySet().stream().filter(Node::isURI).sorted(java.util.Comparator.comparing(Node::getURI)).toList()) {
            Node part = NodeFactory.createURI(origin + "/.well-known/void#class-" + Html.url(c.getURI()));
            t.add(Triple.create(ds, term("classPartition"), part));
            t.add(Triple.create(part, term("class"), c));
            t.add(Triple.create(part, term("entities"), integer(Long.toString(classes.get(c)))));
        }
        return t;
    }

    private static Node term(String local) { return NodeFactory.createURI(VOID + local); }

    private static Node integer(String n) { return NodeFactory.createLiteralDT(n, XSDDatatype.XSDinteger); }

    /** scheme://host:port of the request as the client sent it (a reverse proxy should pass Host through). */
    private static String origin(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? url : url.substring(0, slash);
    }
}
