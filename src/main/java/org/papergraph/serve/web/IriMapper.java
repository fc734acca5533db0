package org.papergraph.serve.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Maps resource IRIs to paths on the server and back. An IRI {@code {base}{rest}} is served at {@code /id/{rest}}
 * whatever the base is, so a server on localhost answers for the public IRIs, and a reverse proxy that forwards
 * {@code {base}} to {@code http://host:port/id/} makes the public IRIs dereference (see ADR 0005). IRIs outside the
 * base (code repositories are their GitHub URLs) have no server path. Immutable and thread-safe.
 */
public final class IriMapper {
    /** Server path prefix of resource IRIs. */
    public static final String ID_PREFIX = "/id/";
    private final String base;

    public IriMapper(String base) { this.base = Objects.requireNonNull(base, "base"); }

    public String base() { return base; }

    /** The IRI served at {@code path} (the request path, percent-encoded as received, starting with /id/), or null. */
    public Node iriForPath(String path) {
        if (path == null || !path.startsWith(ID_PREFIX) || path.length() == ID_PREFIX.length()) return null;
        return NodeFactory.createURI(base + path.substring(ID_PREFIX.length()));
    }

    /** The server path (from the server root, without the leading slash) of {@code iri}, or null when outside the base. */
    public String pathFor(String iri) {
        if (iri == null || !iri.startsWith(base)) return null;
        String rest = iri.substring(base.length());
        // Fragment IRIs (authorship entries) are described by the document they belong to.
        int hash = rest.indexOf('#');
        String frag = "";
        if (hash >= 0) {
            frag = rest.substring(hash);
            rest = rest.substring(0, hash);
        }
        if (rest.isEmpty()) return null;
        return ID_PREFIX.substring(1) + rest + frag;
    }

    /** Decodes a query-string parameter value; null stays null. */
    static String decode(String s) { return s == null ? null : URLDecoder.decode(s, StandardCharsets.UTF_8); }
}
