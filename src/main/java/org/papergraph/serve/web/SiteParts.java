package org.papergraph.serve.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.papergraph.store.GraphStore;
import org.papergraph.vocab.PG;

/** The site's pages that are not about one resource: home, explorer, query page, VoID. */
final class SiteParts {
    static final String VOID = "http://rdfs.org/ns/void#";
    private final GraphStore store;
    private final IriMapper mapper;
    private final Pages pages;
    private final QueryCatalog catalog = QueryCatalog.classpath();

    SiteParts(GraphStore store, IriMapper mapper, Pages pages) {
        this.store = store;
        this.mapper = mapper;
        this.pages = pages;
    }

    // ------------------------------------------------------------------------------------------------ home

    String home(Sparql q, Html h) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            h.open("papergraph", null);
            h.raw("<h1>papergraph</h1><p>A knowledge graph of machine-learning papers: their authors, code, citations, "
                    + "methods, datasets and results. Search above, or start from a paper below.</p>");
            List<QuerySolution> counts = q.select("""
                    SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {
                      VALUES ?c { pg:Paper pg:Person pg:Method pg:Dataset pg:Task pg:Metric pg:Result pg:CodeRepository }
                      ?s a ?c } GROUP BY ?c""", Map.of());
            List<QuerySolution> cites = q.select("SELECT (COUNT(*) AS ?n) WHERE { ?a cito:cites ?b }", Map.of());
            h.raw("<ul class=\"stats\">");
            for (QuerySolution r : counts) {
                h.raw("<li><strong>").text(Sparql.str(r, "n")).raw("</strong> ").text(Pages.localName(Sparql.str(r, "c"))).raw("</li>");
            }
            h.raw("<li><strong>").text(cites.isEmpty() ? "0" : Sparql.str(cites.get(0), "n")).raw("</strong> citations</li></ul>");
            list(h, q, "Most cited papers", """
                    SELECT ?s (MIN(?t) AS ?label) (COUNT(DISTINCT ?c) AS ?n) WHERE {
                      ?c cito:cites ?s . OPTIONAL { ?s dcterms:title ?t } } GROUP BY ?s ORDER BY DESC(?n) ?label LIMIT 15""",
                    "cited %s times");
            list(h, q, "Datasets", """
                    SELECT ?s (MIN(?l) AS ?label) (COUNT(DISTINCT ?p) AS ?n) WHERE {
                      ?s a pg:Dataset . OPTIONAL { ?s rdfs:label ?l }
                      OPTIONAL { { ?p pg:hasMention ?m . ?m pg:entity ?s . ?m pg:confidence ?c FILTER(?c >= $shown) }
                                 UNION { ?p pg:reportsResult/pg:dataset ?s } }
                    } GROUP BY ?s ORDER BY DESC(?n) ?label LIMIT 15""".replace("$shown", SHOWN), "%s papers");
            list(h, q, "Methods", """
                    SELECT ?s (MIN(?l) AS ?label) (COUNT(DISTINCT ?p) AS ?n) WHERE {
                      ?s a pg:Method . OPTIONAL { ?s rdfs:label ?l }
                      OPTIONAL { { ?p pg:hasMention ?m . ?m pg:entity ?s . ?m pg:confidence ?c FILTER(?c >= $shown) }
                                 UNION { ?p pg:reportsResult/pg:method ?s } }
                    } GROUP BY ?s ORDER BY DESC(?n) ?label LIMIT 15""".replace("$shown", SHOWN), "%s papers");
            list(h, q, "Recent papers", """
                    SELECT ?s (MIN(?t) AS ?label) (MIN(?i) AS ?n) WHERE {
                      ?s a pg:Paper ; dcterms:issued ?i . OPTIONAL { ?s dcterms:title ?t } } GROUP BY ?s ORDER BY DESC(?n) LIMIT 15""",
                    "%s");
            return h.close().toString();
        });
    }

    /** Entity lists count the papers whose mentions are shown by default, as the paper pages do. */
    private static final String SHOWN = Double.toString(org.papergraph.extract.Confidence.SHOWN);

    private void list(Html h, Sparql q, String heading, String query, String countFormat) {
        List<QuerySolution> rows = q.select(query, Map.of());
        h.raw("<section class=\"col\"><h2>").text(heading).raw("</h2>");
        if (rows.isEmpty()) h.raw("<p class=\"none\">None yet.</p>");
        else {
            h.raw("<ol>");
            for (QuerySolution r : rows) {
                h.raw("<li>").raw(pages.a(h, Sparql.node(r, "s"), Sparql.str(r, "label"))).raw(" <small>")
                        .text(String.format(countFormat, Sparql.str(r, "n"))).raw("</small></li>");
            }
            h.raw("</ol>");
        }
        h.raw("</section>");
    }

    // ------------------------------------------------------------------------------------------------ explorer

    /** The explorer page: started from {@code iri}, or from a list of search hits for {@code query}, or from a form. */
    String explorer(String iri, String query, Html h) {
        h.open("Graph explorer", null);
        h.raw("<h1>Graph explorer</h1>");
        h.raw("<form class=\"explore\" method=\"get\" action=\"explore\"><input name=\"q\" size=\"30\" placeholder=\"Find a start\"")
                .attr("value", query == null ? "" : query).raw("> or <input name=\"iri\" size=\"60\" placeholder=\"Resource IRI\"")
                .attr("value", iri == null ? "" : iri).raw("><button type=\"submit\">Start here</button></form>");
        if ((iri == null || iri.isBlank()) && query != null && !query.isBlank()) {
            List<Search.Hit> hits = Txn.calculateRead(store.datasetGraph(),
                    () -> Search.run(new Sparql(store.dataset(), 30_000), query, TextIndex.isIndexed(store.datasetGraph()), 20));
            if (hits.isEmpty()) h.raw("<p class=\"none\">Nothing matched; try other words.</p>");
            h.raw("<ul class=\"hits\">");
            for (Search.Hit hit : hits) {
                h.raw("<li class=\"" + Pages.cssType(hit.kind()) + "\"><span class=\"badge\">").text(hit.kind()).raw("</span> ")
                        .link("explore?iri=" + Html.url(hit.iri().getURI()), hit.label() == null ? hit.iri().getURI() : hit.label())
                        .raw("</li>");
            }
            h.raw("</ul>");
            return h.close().toString();
        }
        if (iri == null || iri.isBlank()) {
            h.raw("<p class=\"none\">Start from a search above, from <em>explore</em> on a page or search result, or paste an IRI.</p>");
            return h.close().toString();
        }
        h.raw("<p class=\"legend\"><span class=\"paper\">paper</span> <span class=\"person\">author</span> "
                + "<span class=\"method\">method</span> <span class=\"dataset\">dataset</span> <span class=\"task\">task</span> "
                + "<span class=\"metric\">metric</span> <span class=\"code\">code</span> · click a node to expand it; "
                + "its page opens from the panel.</p>");
        h.raw("<div class=\"explorer\"><div id=\"cy\"").attr("data-start", iri).attr("data-root", h.root)
                .raw("></div><aside id=\"panel\"><p class=\"none\">Click a node.</p></aside></div>");
        h.raw("<script").attr("src", h.root + "static/cytoscape.min.js").raw("></script>");
        h.raw("<script").attr("src", h.root + "static/explorer.js").raw("></script>");
        return h.close().toString();
    }

    // ------------------------------------------------------------------------------------------------ query page

    String queryPage(String name, String text, Map<String, String[]> params, long timeoutMillis, Html h) {
        StoredQuery chosen = name == null ? null : catalog.get(name).orElse(null);
        String query = text != null ? text : chosen != null ? chosen.text() : null;
        h.open("SPARQL", null);
        h.raw("<h1>SPARQL</h1><div class=\"queries\"><nav class=\"catalog\"><h2>Named queries</h2><ul>");
        for (StoredQuery sq : catalog.all()) {
            h.raw("<li>").link("query?name=" + Html.url(sq.name()), sq.name()).raw("<br><small>").text(sq.summary()).raw("</small></li>");
        }
        h.raw("</ul></nav><div class=\"editor\">");
        h.raw("<form method=\"get\" action=\"query\">");
        if (chosen != null) {
            h.raw("<input type=\"hidden\" name=\"name\"").attr("value", chosen.name()).raw(">");
            h.raw("<h2>").text(chosen.name()).raw("</h2><p>").text(chosen.summary()).raw("</p>");
        }
        h.raw("<textarea name=\"query\" rows=\"18\" cols=\"100\" spellcheck=\"false\">").text(query == null ? "" : query).raw("</textarea>");
        Map<String, String> values = new TreeMap<>();
        if (chosen != null) {
            for (StoredQuery.Param p : chosen.params()) {
                String[] v = params.get("param." + p.name());
                String value = v == null || v.length == 0 ? "" : v[0];
                values.put(p.name(), value);
                h.raw("<label>?").text(p.name()).raw(p.required() ? " (required)" : " (optional)")
                        .raw(" <input size=\"60\"").attr("name", "param." + p.name()).attr("value", value)
                        .raw("></label> <small>").text(p.description()).raw("</small><br>");
            }
        }
        h.raw("<button type=\"submit\">Run</button> <small>Runs read-only with the server's timeout; machine clients use ")
                .link(h.root + "papergraph/sparql", "the SPARQL endpoint").raw(".</small></form>");
        if (text != null && !text.isBlank()) {
            // The named query as shipped runs exactly as 'papergraph query NAME --param' runs it (paging included);
            // an edited text gets the values as bindings.
            boolean asShipped = chosen != null && text.strip().equals(chosen.text().strip());
            runAndRender(asShipped ? chosen : null, text, values, timeoutMillis, h);
        }
        h.raw("</div></div>");
        return h.close().toString();
    }

    private void runAndRender(StoredQuery named, String text, Map<String, String> values, long timeoutMillis, Html h) {
        DatasetGraph dsg = store.datasetGraph();
        Txn.executeRead(dsg, () -> {
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
                    if (qe.getQuery().isAskType()) {
                        h.raw("<p class=\"answer\">").text(Boolean.toString(qe.execAsk())).raw("</p>");
                        return;
                    }
                    if (!qe.getQuery().isSelectType()) {
                        h.raw("<p class=\"none\">Only SELECT and ASK queries are shown here; send others to the SPARQL endpoint.</p>");
                        return;
                    }
                    ResultSet rs = qe.execSelect();
                    List<String> vars = rs.getResultVars();
                    h.raw("<table class=\"results\"><thead><tr>");
                    for (String v : vars) h.raw("<th>").text(v).raw("</th>");
                    h.raw("</tr></thead><tbody>");
                    int n = 0;
                    while (rs.hasNext() && n < 1000) {
                        QuerySolution row = rs.next();
                        n++;
                        h.raw("<tr>");
                        for (String v : vars) {
                            RDFNode x = row.get(v);
                            h.raw("<td>");
                            if (x != null && x.isURIResource()) h.raw(pages.a(h, x.asNode(), x.asResource().getURI()));
                            else if (x != null && x.isLiteral()) h.text(x.asLiteral().getLexicalForm());
                            else if (x != null) h.text(x.toString());
                            h.raw("</td>");
                        }
                        h.raw("</tr>");
                    }
                    h.raw("</tbody></table><p><small>").text(n + " row" + (n == 1 ? "" : "s") + (rs.hasNext() ? " (first 1000 shown)" : ""))
                            .raw("</small></p>");
                }
            } catch (org.apache.jena.query.QueryParseException e) {
                h.raw("<p class=\"error\">Syntax error: ").text(e.getMessage()).raw("</p>");
            } catch (org.papergraph.query.QueryFailure e) {
                h.raw("<p class=\"error\">").text(e.getMessage()).raw("</p>");
            } catch (org.apache.jena.query.QueryCancelledException e) {
                h.raw("<p class=\"error\">The query ran longer than the server's timeout and was stopped.</p>");
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
        Sparql q = new Sparql(store.dataset(), 60_000);
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
        List<QuerySolution> size = q.select("""
                SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
                WHERE { ?s ?p ?o }""", Map.of());
        if (!size.isEmpty()) {
            t.add(Triple.create(ds, term("triples"), integer(Sparql.str(size.get(0), "triples"))));
            t.add(Triple.create(ds, term("distinctSubjects"), integer(Sparql.str(size.get(0), "subjects"))));
            t.add(Triple.create(ds, term("properties"), integer(Sparql.str(size.get(0), "properties"))));
        }
        List<QuerySolution> classes = q.select("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c", Map.of());
        t.add(Triple.create(ds, term("classes"), integer(Integer.toString(classes.size()))));
        for (QuerySolution r : classes) {
            Node c = Sparql.node(r, "c");
            if (c == null || !c.isURI()) continue;
            Node part = NodeFactory.createURI(origin + "/.well-known/void#class-" + Html.url(c.getURI()));
            t.add(Triple.create(ds, term("classPartition"), part));
            t.add(Triple.create(part, term("class"), c));
            t.add(Triple.create(part, term("entities"), integer(Sparql.str(r, "n"))));
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
