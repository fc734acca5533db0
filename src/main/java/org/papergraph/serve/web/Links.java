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
    Link node(String root, Graph g, Node n) {
        if (n.isLiteral()) return Link.text(n.getLiteralLexicalForm());
        if (n.isURI()) {
            String l = n.getURI().startsWith(mapper.base()) ? Facts.labelOrNull(g, n) : null;
            return link(root, n, l != null ? l : n.getURI());
        }
        return Link.text(n.toString());
    }
}
