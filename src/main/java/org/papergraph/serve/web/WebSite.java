package org.papergraph.serve.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.papergraph.export.Exporter;
import org.papergraph.serve.web.view.Templates;
import org.papergraph.serve.web.view.Views.Hit;
import org.papergraph.serve.web.view.Views.NotFoundView;
import org.papergraph.serve.web.view.Views.Page;
import org.papergraph.serve.web.view.Views.SearchView;
import org.papergraph.store.GraphStore;

/**
 * papergraph's web site on the Fuseki server: dereferenceable resource IRIs ({@code /id/...}, content negotiated),
 * HTML pages, search, the graph explorer, the SPARQL query page, the VoID description and dumps. Read-only; each
 * request reads one snapshot of the store in a read transaction. Installed with {@link #installer}.
 *
 * <pre>
 *   /                         home: search box, counts, most-cited papers, datasets and methods
 *   /id/{rest}                the resource {base}{rest}: HTML, Turtle, JSON-LD, N-Triples, RDF/XML; 404 if unknown
 *   /id/{rest}?cited-by=2     the HTML page with page 2 of a long list (also references=, papers=; see Paging)
 *   /search?q=                papers (title, abstract) and named entities
 *   /papers?month=&sort=      every paper, a month at a time (or month=undated), by date or by citations
 *   /explore?iri=             graph explorer (Cytoscape.js); /api/neighbours?iri= is its JSON
 *   /query                    the named queries from queries/, editable and runnable
 *   /.well-known/void         VoID description (also /void)
 *   /dumps/papergraph.{ext}   whole-store dumps: ttl nt nq trig jsonld rdfxml
 *   /static/...               CSS, JS and Cytoscape.js from the classpath
 * </pre>
 */
public final class WebSite {
    private final GraphStore store;
    private final IriMapper mapper;
    private final long timeoutMillis;
    private final Links links;
    private final Pages pages;
    private final SiteParts parts;
    private final AllPapers allPapers;

    private WebSite(GraphStore store, Duration timeout) {
        this.store = store;
        this.mapper = new IriMapper(store.iris().base());
        this.timeoutMillis = timeout.toMillis();
        this.links = new Links(mapper);
        this.pages = new Pages(links);
        this.parts = new SiteParts(store, mapper, links);
        this.allPapers = new AllPapers(links);
    }

    /** A step for {@code Server.Builder.customize} that adds the site's servlets for {@code store}. */
    public static Consumer<FusekiServer.Builder> installer(GraphStore store, Duration timeout) {
        WebSite site = new WebSite(store, timeout);
        return fb -> {
            for (String path : List.of("", "/id/*", "/search", "/papers", "/explore", "/api/neighbours", "/query", "/.well-known/void",
                    "/void", "/dumps/*", "/static/*")) {
                fb.addServlet(path, site.servlet());
            }
        };
    }

    /**
     * The data version the current read transaction sees (TDB2 raises it with every committed write); -1, so nothing
     * is cached, when it cannot be read.
     */
    private long dataVersion() {
        try {
            DatasetGraph d = store.datasetGraph();
            // The text index wraps the TDB2 dataset.
            while (d instanceof org.apache.jena.sparql.core.DatasetGraphWrapper w) d = w.getWrapped();
            var txn = org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(d).getTxnSystem().getThreadTransaction();
            return txn == null ? -1 : txn.getDataVersion();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private HttpServlet servlet() {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                handle(req, resp);
            }
        };
    }

    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        String ctx = req.getContextPath();
        if (ctx != null && !ctx.isEmpty() && path.startsWith(ctx)) path = path.substring(ctx.length());
        if (path.isEmpty()) path = "/";
        try {
            if (path.startsWith(IriMapper.ID_PREFIX)) resource(path, req, resp);
            else if (path.equals("/")) html(resp, 200, parts.home(sparql(), "./"));
            else if (path.equals("/search")) search(req, resp);
            else if (path.equals("/papers")) papers(req, resp);
            else if (path.equals("/explore")) html(resp, 200, parts.explorer(req.getParameter("iri"), req.getParameter("q"), "./"));
            else if (path.equals("/api/neighbours")) neighbours(req, resp);
            else if (path.equals("/query")) html(resp, 200, parts.queryPage(req.getParameter("name"), req.getParameter("query"),
                    req.getParameterMap(), timeoutMillis, "./"));
            else if (path.equals("/.well-known/void") || path.equals("/void")) parts.voidDescription(req, resp);
            else if (path.startsWith("/dumps/")) dump(path.substring("/dumps/".length()), resp);
            else if (path.startsWith("/static/")) staticFile(path.substring("/static/".length()), resp);
            else notFound(req, resp, "No page at " + path);
        } catch (org.apache.jena.query.QueryCancelledException e) {
            if (!resp.isCommitted()) {
                resp.reset();
                plain(resp, 503, "The page's queries took longer than the server's timeout.\n");
            }
        }
    }

    private Sparql sparql() { return new Sparql(store.dataset(), timeoutMillis); }

    // ------------------------------------------------------------------------------------------------ resources

    private void resource(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Node iri = mapper.iriForPath(path);
        Optional<Representation> rep;
        String forced = req.getParameter("format");
        if (forced != null) {
            rep = Representation.byName(forced);
            if (rep.isEmpty()) {
                plain(resp, 400, "Unknown format '" + forced + "'; use one of ttl, html, jsonld, nt, rdfxml.\n");
                return;
            }
        } else {
            rep = Representation.negotiate(req.getHeader("Accept"));
        }
        resp.setHeader("Vary", "Accept");
        if (rep.isEmpty()) {
            plain(resp, 406, "Not acceptable. This resource is available as text/html, text/turtle, application/ld+json, "
                    + "application/n-triples and application/rdf+xml.\n");
            return;
        }
        DatasetGraph dsg = store.datasetGraph();
        Representation r = rep.get();
        if (iri == null) {
            notFound(req, resp, "No resource at " + path);
            return;
        }
        if (r == Representation.HTML) {
            // Page parameters only choose rows of the HTML page: the path alone names the resource.
            Paging paging;
            try {
                paging = Paging.of(req.getParameterMap());
            } catch (IllegalArgumentException e) {
                plain(resp, 400, e.getMessage() + ".\n");
                return;
            }
            String page = Txn.calculateRead(dsg, () -> {
                Graph g = dsg.getUnionGraph();
                if (!g.find(iri, Node.ANY, Node.ANY).hasNext()) return null;
                return pages.resource(g, sparql(), iri, paging, Html.rootFor(path), dataVersion());
            });
            if (page == null) notFound(req, resp, "Unknown resource " + iri.getURI());
            else html(resp, 200, page);
            return;
        }
        List<Triple> triples = Txn.calculateRead(dsg, () -> Describer.describe(dsg.getUnionGraph(), iri));
        if (triples.isEmpty()) {
            notFound(req, resp, "Unknown resource " + iri.getURI());
            return;
        }
        resp.setStatus(200);
        resp.setContentType(r.mediaType + (r == Representation.RDFXML || r == Representation.HTML ? "" : "; charset=utf-8"));
        if (r == Representation.RDFXML) resp.setCharacterEncoding("utf-8");
        try (OutputStream out = resp.getOutputStream()) {
            Exporter.writeTriples(triples.iterator(), r.format, out);
        }
    }

    private void notFound(HttpServletRequest req, HttpServletResponse resp, String message) throws IOException {
        Optional<Representation> rep = Representation.negotiate(req.getHeader("Accept"));
        if (rep.isPresent() && rep.get() == Representation.HTML) {
            String root = Html.rootFor(req.getRequestURI().substring(Math.max(0, req.getContextPath().length())));
            html(resp, 404, Templates.render("notfound.jte", new NotFoundView(new Page(root, "Not found", null), message)));
        } else {
            plain(resp, 404, message + "\n");
        }
    }

    // ------------------------------------------------------------------------------------------------ search, explorer

    private void search(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String text = req.getParameter("q");
        String q = text == null ? "" : text;
        DatasetGraph dsg = store.datasetGraph();
        String page = Txn.calculateRead(dsg, () -> {
            Page frame = new Page("./", q.isBlank() ? "Search" : "Search: " + q, q);
            if (q.isBlank()) return Templates.render("search.jte", new SearchView(frame, null, List.of()));
            List<Hit> hits = new ArrayList<>();
            for (Search.Hit hit : Search.run(sparql(), q, TextIndex.isIndexed(dsg), 50)) {
                hits.add(new Hit(Facts.cssType(hit.kind()), hit.kind(), links.link("./", hit.iri(), hit.label()), hit.issued(),
                        "explore?iri=" + Html.url(hit.iri().getURI())));
            }
            return Templates.render("search.jte", new SearchView(frame, q, hits));
        });
        html(resp, 200, page);
    }

    /** The list of every paper, a month at a time ({@link AllPapers}). */
    private void papers(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String page = req.getParameter("page");
        String body;
        try {
            int number = page == null ? 1 : Paging.parse("page", page);
            body = Txn.calculateRead(store.datasetGraph(), () -> Templates.render("papers.jte",
                    allPapers.view(sparql(), "./", req.getParameter("month"), req.getParameter("sort"), number)));
        } catch (IllegalArgumentException e) {
            plain(resp, 400, e.getMessage() + ".\n");
            return;
        }
        html(resp, 200, body);
    }

    private void neighbours(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String iri = req.getParameter("iri");
        if (iri == null || iri.isBlank()) {
            plain(resp, 400, "Give the resource as ?iri=...\n");
            return;
        }
        Node n = NodeFactory.createURI(iri.strip());
        int limit;
        try {
            String l = req.getParameter("limit");
            limit = l == null ? Neighbours.LIMIT : Math.min(Neighbours.MAX_LIMIT, Paging.parse("limit", l));
        } catch (IllegalArgumentException e) {
            plain(resp, 400, e.getMessage() + ".\n");
            return;
        }
        DatasetGraph dsg = store.datasetGraph();
        JsonObject json = Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getUnionGraph();
            if (!g.find(n, Node.ANY, Node.ANY).hasNext() && !g.find(Node.ANY, Node.ANY, n).hasNext()) return null;
            return Neighbours.of(g, sparql(), mapper, n, limit);
        });
        if (json == null) {
            resp.setStatus(404);
            resp.setContentType("application/json; charset=utf-8");
            resp.getWriter().write("{\"error\":\"unknown resource\"}");
            return;
        }
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        resp.getOutputStream().write(JSON.toStringFlat(json).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------ dumps, static

    private void dump(String name, HttpServletResponse resp) throws IOException {
        String prefix = "papergraph.";
        Optional<Exporter.Format> f = name.startsWith(prefix) ? Exporter.Format.byName(name.substring(prefix.length())) : Optional.empty();
        if (f.isEmpty()) {
            plain(resp, 404, "No dump " + name + "; available: " + String.join(", ",
                    Exporter.Format.names().stream().map(n -> prefix + n).toList()) + "\n");
            return;
        }
        resp.setStatus(200);
        String type = f.get().rioFormat().getDefaultMIMEType();
        resp.setContentType(type + "; charset=utf-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (OutputStream out = resp.getOutputStream()) {
            new Exporter(store).export(f.get(), out);
        }
    }

    /** Files under web/ on the classpath, and Cytoscape.js from its WebJar. */
    private void staticFile(String name, HttpServletResponse resp) throws IOException {
        if (name.contains("..") || name.contains("//")) {
            plain(resp, 404, "No such file\n");
            return;
        }
        String resource = name.equals("cytoscape.min.js") ? StaticFiles.cytoscapeResource() : "web/" + name;
        try (InputStream in = resource == null ? null : WebSite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                plain(resp, 404, "No such file: " + name + "\n");
                return;
            }
            resp.setStatus(200);
            resp.setContentType(StaticFiles.contentType(name));
            resp.setHeader("Cache-Control", "max-age=3600");
            in.transferTo(resp.getOutputStream());
        }
    }

    static void html(HttpServletResponse resp, int status, String page) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        byte[] b = page.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(b.length);
        resp.getOutputStream().write(b);
    }

    static void plain(HttpServletResponse resp, int status, String text) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
