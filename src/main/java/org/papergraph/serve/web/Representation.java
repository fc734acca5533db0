package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.papergraph.export.Exporter;

/**
 * The representations a resource IRI is served in, and the content negotiation that picks one from an
 * {@code Accept} header (RFC 9110: media ranges with q-values; the most specific range that matches a type gives
 * its q). When several types share the best q, one named explicitly beats one matched by a wildcard, and among
 * those the order below decides: a bare {@code *}{@code /*} (curl's default) gets Turtle, a browser, which names
 * text/html, gets HTML.
 */
enum Representation {
    TURTLE("text/turtle", "ttl", Exporter.Format.TTL),
    HTML("text/html", "html", null),
    JSONLD("application/ld+json", "jsonld", Exporter.Format.JSONLD),
    NTRIPLES("application/n-triples", "nt", Exporter.Format.NT),
    RDFXML("application/rdf+xml", "rdfxml", Exporter.Format.RDFXML);

    final String mediaType;
    /** Name for the {@code ?format=} override. */
    final String name;
    /** The Rio export format; null for HTML. */
    final Exporter.Format format;

    Representation(String mediaType, String name, Exporter.Format format) {
        this.mediaType = mediaType;
        this.name = name;
        this.format = format;
    }

    /** The representation named by a {@code ?format=} value (ttl, html, jsonld, nt, rdfxml), or empty. */
    static Optional<Representation> byName(String name) {
        for (Representation r : values()) if (r.name.equalsIgnoreCase(name)) return Optional.of(r);
        return Optional.empty();
    }

    /** The best representation for {@code accept}; empty when the header accepts none of them (HTTP 406). */
    static Optional<Representation> negotiate(String accept) {
        if (accept == null || accept.isBlank()) return Optional.of(TURTLE);
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            Range r = Range.parse(part);
            if (r != null) ranges.add(r);
        }
        Representation best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        for (Representation rep : values()) {
            double q = -1;
            int specificity = -1;
            for (Range r : ranges) {
                int s = r.matches(rep.mediaType);
                if (s > specificity) {
                    specificity = s;
                    q = r.q;
                }
            }
            // application/xhtml+xml is what some browsers name first; serve them HTML too.
            if (rep == HTML) {
                for (Range r : ranges) {
                    if (r.type.equals("application/xhtml+xml") && 2 > specificity) {
                        specificity = 2;
                        q = r.q;
                    }
                }
            }
            if (q <= 0) continue;
            boolean explicit = specificity == 2;
            boolean bestExplicit = bestSpecificity == 2;
            if (best == null || q > bestQ || (q == bestQ && explicit && !bestExplicit)) {
                best = rep;
                bestQ = q;
                bestSpecificity = specificity;
            }
        }
        return Optional.ofNullable(best);
    }

    /** One media range of an Accept header. */
    private record Range(String type, double q) {
        static Range parse(String part) {
            String[] bits = part.split(";");
            String type = bits[0].strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) return null;
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            return new Range(type, q);
        }

        /** 2 for an exact match, 1 for type/*, 0 for *, -1 for no match. */
        int matches(String mediaType) {
            if (type.equals(mediaType)) return 2;
            if (type.equals("*/*")) return 0;
            if (type.endsWith("/*") && mediaType.startsWith(type.substring(0, type.length() - 1))) return 1;
            return -1;
        }
    }
}
