package org.papergraph.source;

import org.apache.jena.graph.Node;

/**
 * How entity resolution linked a record, or one of its references, to a paper resource that already existed under
 * another key, or why it did not trust a reference's identifier: the audit trail a user reads to check or undo a link.
 *
 * @param paper       the paper IRI chosen
 * @param rule        the rule that matched: {@code arxiv}, {@code doi}, {@code openalex}, {@code s2}, {@code title}
 *                    (normalised titles equal), {@code title-similar} (similarity at or above the threshold), or
 *                    {@code identifier-conflict} (the reference's identifier names a paper whose title disagrees
 *                    with the reference's; the identifier was not trusted and {@code paper} is the reference's own)
 * @param score       1.0 for identifier and equal-title matches, the title similarity otherwise (for a conflict, the
 *                    best similarity of the reference's title to the titles of the paper its identifier names)
 * @param value       the key compared: the arXiv id, DOI, other id, or the normalised title of the record; for a
 *                    conflict, the identifier not trusted, as {@code scheme:value} ({@code arxiv:1806.07297})
 * @param conflicting for a conflict, the paper the untrusted identifier names; else null
 */
public record PaperMatch(Node paper, String rule, double score, String value, Node conflicting) {
    /** The rule of a reference whose identifier was not trusted because its title names another paper. */
    public static final String IDENTIFIER_CONFLICT = "identifier-conflict";

    /** A link made by {@code rule} (no conflict). */
    public PaperMatch(Node paper, String rule, double score, String value) { this(paper, rule, score, value, null); }

    /** Whether this records an identifier that was not trusted. */
    public boolean isConflict() { return conflicting != null; }
}
