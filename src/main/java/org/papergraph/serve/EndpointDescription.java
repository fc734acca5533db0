package org.papergraph.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * What a GET of a SPARQL query endpoint without a {@code query} parameter answers (the "SPARQL endpoint" link of
 * every page is one), by content negotiation: a browser (HTML first in its Accept header) is sent to the site's
 * query page (303 See Other), or, when the server has none, gets a short HTML page pointing at it; every other
 * client gets the endpoint's SPARQL 1.1 Service Description, in Turtle unless it asks for N-Triples, JSON-LD or
 * RDF/XML. Requests with a {@code query} parameter, and every other method, pass through to Fuseki.
 */
final class EndpointDescription extends HttpFilter {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final List<Lang> RDF_LANGS = List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.JSONLD, Lang.RDFXML);
    /** In order of preference when the client accepts several equally ({@code *}{@code /*}: Turtle). */
    private static final AcceptList OFFERS = AcceptList.create("text/turtle", "application/n-triples", "application/ld+json",
            "application/rdf+xml", "text/html", "application/xhtml+xml");

    private final String queryPage;
    private final long maxResults;
    private final long timeoutMillis;

    /** @param queryPage the site's query page (a path such as {@code /query}), or null when there is none */
    EndpointDescription(String queryPage, long maxResults, long timeoutMillis) {
        this.queryPage = queryPage;
        this.maxResults = maxResults;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (!read || req.getParameter("query") != null) {
            chain.doFilter(req, resp);
            return;
        }
        String accept = req.getHeader("Accept");
        MediaType best = accept == null || accept.isBlank() ? null : AcceptList.match(new AcceptList(accept), OFFERS);
        resp.setHeader("Vary", "Accept");
        if (best != null && (best.getContentTypeStr().equals("text/html") || best.getContentTypeStr().equals("application/xhtml+xml"))) {
            html(req, resp);
            return;
        }
        Lang lang = best == null ? Lang.TURTLE : RDFLanguages.contentTypeToLang(best.getContentTypeStr());
        if (lang == null || !RDF_LANGS.contains(lang)) lang = Lang.TURTLE;
        Model sd = description(endpointUrl(req), base(req));
        resp.setStatus(200);
        resp.setContentType(lang.getHeaderString() + (lang == Lang.RDFXML || lang == Lang.TURTLE || lang == Lang.JSONLD ? "; charset=utf-8" : ""));
        if ("HEAD".equals(req.getMethod())) return;
        try (OutputStream out = resp.getOutputStream()) {
            RDFDataMgr.write(out, sd, lang);
        }
    }

    private void html(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String self = endpointUrl(req);
        if (queryPage != null) {
            resp.setStatus(303);
            resp.setHeader("Location", base(req) + queryPage);
            resp.setContentType("text/html; charset=utf-8");
            if (!"HEAD".equals(req.getMethod())) {
                resp.getWriter().write("<!doctype html><title>SPARQL endpoint</title><p>This is the SPARQL endpoint "
                        + escape(self) + ". Write and run queries on <a href=\"" + escape(queryPage) + "\">the query page</a>.</p>\n");
            }
            return;
        }
        resp.setStatus(200);
        resp.setContentType("text/html; charset=utf-8");
        if ("HEAD".equals(req.getMethod())) return;
        resp.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SPARQL endpoint</title></head><body>"
                + "<h1>SPARQL endpoint</h1><p>Send SPARQL 1.1 queries to <code>" + escape(self) + "</code> with GET "
                + "(<code>?query=</code>) or POST. Its service description is served here to clients that ask for "
                + "<code>text/turtle</code>.</p></body></html>\n");
    }

    private static String base(HttpServletRequest req) {
        String scheme = req.getScheme();
        int port = req.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String host = req.getServerName();
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + req.getContextPath();
    }

    private static String endpointUrl(HttpServletRequest req) {
        return base(req) + req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    }

    /** The SPARQL 1.1 Service Description of the endpoint at {@code url}. */
    Model description(String url, String base) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD);
        m.setNsPrefix("formats", FORMATS);
        m.setNsPrefix("rdfs", RDFS.getURI());
        m.setNsPrefix("pgf", "https://papergraph.org/function#");
        Resource service = m.createResource(url);
        service.addProperty(RDF.type, m.createResource(SD + "Service"));
        service.addProperty(m.createProperty(SD + "endpoint"), m.createResource(url));
        service.addProperty(m.createProperty(SD + "supportedLanguage"), m.createResource(SD + "SPARQL11Query"));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML"}) {
            service.addProperty(m.createProperty(SD + "resultFormat"), m.createResource(FORMATS + f));
        }
        service.addProperty(m.createProperty(SD + "feature"), m.createResource(SD + "UnionDefaultGraph"));
        for (String f : new String[] {"coCited", "coupled"}) {
            Resource fn = m.createResource("https://papergraph.org/function#" + f);
            fn.addProperty(RDF.type, m.createResource(SD + "Feature"));
            fn.addProperty(RDFS.comment, "papergraph's property function ?paper pgf:" + f + " (?other ?count).");
            service.addProperty(m.createProperty(SD + "languageExtension"), fn);
        }
        Resource graph = m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"))
                .addProperty(RDFS.comment, "The union of every named graph: each ingested record's graph, the metadata, entities and leaderboards graphs.");
        service.addProperty(m.createProperty(SD + "defaultDataset"), m.createResource()
                .addProperty(RDF.type, m.createResource(SD + "Dataset"))
                .addProperty(m.createProperty(SD + "defaultGraph"), graph));
        service.addProperty(RDFS.label, "papergraph SPARQL endpoint");
        service.addProperty(RDFS.comment, "Read-only. An answer of more than " + maxResults + " rows or triples is refused with "
                + "HTTP 413 before any row is sent; a query running longer than " + timeoutMillis / 1000.0
                + " s is stopped (HTTP 503). VoID: /.well-known/void.");
        service.addProperty(RDFS.seeAlso, m.createResource(base + "/.well-known/void"));
        if (queryPage != null) service.addProperty(RDFS.seeAlso, m.createResource(base + queryPage));
        return m;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
