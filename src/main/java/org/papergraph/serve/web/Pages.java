package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.papergraph.serve.web.view.Templates;
import org.papergraph.serve.web.view.Views.AuthorView;
import org.papergraph.serve.web.view.Views.Coauthor;
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
    private final Links links;
    private final PaperLists lists;
    private final PaperPage papers;
    private final EntityPage entities;

    Pages(Links links) {
        this.links = links;
        EntityCache cache = new EntityCache();
        this.lists = new PaperLists(links, cache);
        this.papers = new PaperPage(links, lists);
        this.entities = new EntityPage(links, lists, cache);
    }

    /**
     * The page for {@code iri}, whose description is non-empty, showing the pages of its long lists that {@code paging}
     * asks for, with links relative to {@code root}. {@code version} is the data version the read transaction sees
     * (-1: unknown): what the page reads of a big list is kept under it for the next pages ({@link EntityCache}).
     */
    String resource(Graph g, Sparql q, Node iri, Paging paging, String root, long version) {
        Set<String> types = Facts.types(g, iri);
        if (types.contains(PG.Paper.getURI())) return Templates.render("paper.jte", papers.view(g, q, iri, paging, root, version));
        for (String kind : List.of("Dataset", "Method", "Task", "Metric")) {
            if (types.contains(PG.NS + kind)) return Templates.render("entity.jte", entities.view(g, q, iri, kind, paging, root, version));
        }
        if (types.contains(PG.Person.getURI())) return Templates.render("author.jte", author(g, q, iri, paging, root, version));
        return Templates.render("resource.jte", generic(g, q, iri, root));
    }

    // ------------------------------------------------------------------------------------------------ authors

    private AuthorView author(Graph g, Sparql q, Node person, Paging paging, String root, long version) {
        String name = Facts.label(g, person);
        Map<String, Node> bind = Map.of("person", person);
        var papers = lists.section(root, person, "Papers",
                lists.pageOf(q, paging, "papers", "author-papers-dates", true, bind, person, version),
                paging, "newest first", "No papers recorded.");
        List<Coauthor> co = new ArrayList<>();
        for (QuerySolution r : q.select("coauthors", bind)) {
            co.add(new Coauthor(links.link(root, Sparql.node(r, "co"), Sparql.str(r, "name")), Sparql.str(r, "papers")));
        }
        return new AuthorView(new Page(root, name, null), name, Facts.first(g, person, PG.orcid), links.formats(root, person), papers, co);
    }

    // ------------------------------------------------------------------------------------------------ anything else

    private ResourceView generic(Graph g, Sparql q, Node s, String root) {
        String label = Facts.label(g, s);
        List<Statement> statements = new ArrayList<>();
        for (Triple t : Describer.describe(g, s)) {
            statements.add(new Statement(t.getSubject().isURI() && !t.getSubject().equals(s) ? links.shortName(t.getSubject().getURI()) : "",
                    links.node(root, g, t.getPredicate()), links.node(root, g, t.getObject())));
        }
        List<Statement> incoming = new ArrayList<>();
        for (QuerySolution r : q.select("incoming", Map.of("o", s))) {
            incoming.add(new Statement(null, links.node(root, g, Sparql.node(r, "p")), links.node(root, g, Sparql.node(r, "s"))));
        }
        return new ResourceView(new Page(root, label, null), label, s.getURI(), links.formats(root, s), statements, incoming);
    }
}
