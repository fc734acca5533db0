package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.papergraph.serve.web.view.Views.Formats;
import org.papergraph.serve.web.view.Views.Link;

/**
 * Where the pages' links go: a resource under the store's base to its page on this server ({@link IriMapper}), an
 * outside http(s) IRI to itself, anything else nowhere (shown as text). Links are relative to the page, through the
 * {@code root} each page passes ({@link Html#rootFor}). Immutable and thread-safe.
 */
final class Links {
    private final IriMapper mapper;

    Links(IriMapper mapper) { this.mapper = mapper; }

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

    /**
     * A link to {@code n} reading {@code label}, or, without one, its IRI shortened ({@link #shortName}, the full IRI
     * shown on pointing); just the text when it has no page; null for null.
     */
    Link link(String root, Node n, String label) {
        if (n == null) return null;
        if (label != null) return new Link(href(root, n), label);
        if (!n.isURI()) return new Link(null, n.toString());
        String s = shortName(n.getURI());
        return new Link(href(root, n), s, s.equals(n.getURI()) ? null : n.getURI());
    }

    /** Vocabularies whose terms pages show as prefixed names. */
    private static final String[][] PREFIXES = {{"pg", "https://papergraph.org/ontology#"}, {"dcterms", "http://purl.org/dc/terms/"},
            {"cito", "http://purl.org/spar/cito/"}, {"foaf", "http://xmlns.com/foaf/0.1/"}, {"prov", "http://www.w3.org/ns/prov#"},
            {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}, {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
            {"skos", "http://www.w3.org/2004/02/skos/core#"}, {"xsd", "http://www.w3.org/2001/XMLSchema#"},
            {"owl", "http://www.w3.org/2002/07/owl#"}, {"fabio", "http://purl.org/spar/fabio/"}};

    /**
     * An IRI as a page shows it where it has no label: a vocabulary term as a prefixed name ({@code pg:Paper}), a
     * resource of this store as its path under the base ({@code paper/arxiv/1706.03762}), anything else whole.
     */
    String shortName(String iri) {
        for (String[] p : PREFIXES) {
            if (iri.startsWith(p[1]) && iri.length() > p[1].length()) return p[0] + ":" + iri.substring(p[1].length());
        }
        if (iri.startsWith(mapper.base()) && iri.length() > mapper.base().length()) return iri.substring(mapper.base().length());
        return iri;
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
    Link node(String root, Graph g, Node n) {
        if (n.isLiteral()) return Link.text(n.getLiteralLexicalForm());
        if (n.isURI()) {
            String l = n.getURI().startsWith(mapper.base()) ? Facts.labelOrNull(g, n) : null;
            return link(root, n, l);
        }
        return Link.text(n.toString());
    }
}
