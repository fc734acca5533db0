package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.serve.web.view.Templates;
import org.papergraph.serve.web.view.Views.AuthorView;
import org.papergraph.serve.web.view.Views.Coauthor;
import org.papergraph.serve.web.view.Views.Formats;
import org.papergraph.serve.web.view.Views.Link;
import org.papergraph.serve.web.view.Views.Page;
import org.papergraph.serve.web.view.Views.ResourceView;
import org.papergraph.serve.web.view.Views.Statement;
import org.papergraph.vocab.PG;

/**
 * The HTML page of one resource: paper ({@link PaperPage}), method, dataset, task or metric ({@link EntityPage}),
 * author, or a plain table of statements for anything else. Each page runs a handful of the SELECT queries under
 * {@code web/queries/} and fills a view that its template ({@code src/main/jte}) renders; the caller holds a read
 * transaction. Sections whose facts are absent (no mentions yet, no results) say so instead of disappearing, so a
 * reader knows the page looked. Instances hold only immutable collaborators and the list cache; one call per request.
 */
final class Pages {
    private static final Node FOAF_NAME = NodeFactory.createURI("http://xmlns.com/foaf/0.1/name");
    private final IriMapper mapper;
    private final PaperLists lists;
    private final PaperPage papers;
    private final EntityPage entities;

    Pages(IriMapper mapper) {
        this.mapper = mapper;
        EntityCache cache = new EntityCache();
        this.lists = new PaperLists(this, cache);
        this.papers = new PaperPage(this, lists);
        this.entities = new EntityPage(this, lists, cache);
    }

    /**
     * The page for {@code iri}, whose description is non-empty, showing the pages of its long lists that {@code paging}
     * asks for, with links relative to {@code root}. {@code version} is the data version the read transaction sees
     * (-1: unknown): what the page reads of a big list is kept under it for the next pages ({@link EntityCache}).
     */
    String resource(Graph g, Sparql q, Node iri, Paging paging, String root, long version) {
        Set<String> types = types(g, iri);
        if (types.contains(PG.Paper.getURI())) return Templates.render("paper.jte", papers.view(g, q, iri, paging, root, version));
        for (String kind : List.of("Dataset", "Method", "Task", "Metric")) {
            if (types.contains(PG.NS + kind)) return Templates.render("entity.jte", entities.view(g, q, iri, kind, paging, root, version));
        }
        if (types.contains(PG.Person.getURI())) return Templates.render("author.jte", author(g, q, iri, paging, root, version));
        return Templates.render("resource.jte", generic(g, q, iri, root));
    }

    // ------------------------------------------------------------------------------------------------ authors

    private AuthorView author(Graph g, Sparql q, Node person, Paging paging, String root, long version) {
        String name = label(g, person);
        Map<String, Node> bind = Map.of("person", person);
        var papers = lists.section(root, person, "Papers",
                lists.pageOf(q, paging, "papers", "author-papers-dates", true, bind, person, version),
                paging, "newest first", "No papers recorded.");
        List<Coauthor> co = new ArrayList<>();
        for (QuerySolution r : q.select("coauthors", bind)) {
            co.add(new Coauthor(link(root, Sparql.node(r, "co"), Sparql.str(r, "name")), Sparql.str(r, "papers")));
        }
        return new AuthorView(new Page(root, name, null), name, first(g, person, PG.orcid), formats(root, person), papers, co);
    }

    // ------------------------------------------------------------------------------------------------ anything else

    private ResourceView generic(Graph g, Sparql q, Node s, String root) {
        String label = label(g, s);
        List<Statement> statements = new ArrayList<>();
        for (Triple t : Describer.describe(g, s)) {
            statements.add(new Statement(t.getSubject().isURI() && !t.getSubject().equals(s) ? t.getSubject().getURI() : "",
                    node(root, g, t.getPredicate()), node(root, g, t.getObject())));
        }
        List<Statement> incoming = new ArrayList<>();
        for (QuerySolution r : q.select("incoming", Map.of("o", s))) {
            incoming.add(new Statement(null, node(root, g, Sparql.node(r, "p")), node(root, g, Sparql.node(r, "s"))));
        }
        return new ResourceView(new Page(root, label, null), label, s.getURI(), formats(root, s), statements, incoming);
    }

    // ------------------------------------------------------------------------------------------------ links

    /** Links to the machine-readable representations and the explorer. */
    Formats formats(String root, Node iri) {
        String self = href(root, iri);
        List<Link> formats = new ArrayList<>();
        if (self != null) {
            for (Representation r : Representation.values()) {
                if (r != Representation.HTML) formats.add(new Link(self + "?format=" + r.name, r.name));
            }
        }
        return new Formats(formats, new Link(root + "explore?iri=" + Html.url(iri.getURI()), "explore graph"));
    }

    /** A link to {@code n} reading {@code label} (or its IRI); just the text when it has no page; null for null. */
    Link link(String root, Node n, String label) {
        if (n == null) return null;
        return new Link(href(root, n), label != null ? label : n.isURI() ? n.getURI() : n.toString());
    }

    /** Where a link to {@code n} goes: its page on this server, an outside http(s) IRI, or null. */
    String href(String root, Node n) {
        if (n == null || !n.isURI()) return null;
        String path = mapper.pathFor(n.getURI());
        if (path != null) return root + path;
        String u = n.getURI();
        return u.startsWith("http://") || u.startsWith("https://") ? u : null;
    }

    /** A node of a statement: a literal's text, a resource's link (labelled when it is one of ours), else its text. */
    private Link node(String root, Graph g, Node n) {
        if (n.isLiteral()) return Link.text(n.getLiteralLexicalForm());
        if (n.isURI()) {
            String l = n.getURI().startsWith(mapper.base()) ? labelOrNull(g, n) : null;
            return link(root, n, l != null ? l : n.getURI());
        }
        return Link.text(n.toString());
    }

    // ------------------------------------------------------------------------------------------------ reading

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
