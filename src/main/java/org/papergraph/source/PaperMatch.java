package org.papergraph.source;

import org.apache.jena.graph.Node;

/**
 * How entity resolution linked a record, or one of its references, to a paper resource that already existed under
 * another key: the audit trail a user reads to check or undo a link.
 *
 * @param paper the paper IRI chosen
 * @param rule  the rule that matched: {@code arxiv}, {@code doi}, {@code openalex}, {@code s2}, {@code title}
 *              (normalised titles equal) or {@code title-similar} (similarity at or above the threshold)
 * @param score 1.0 for identifier and equal-title matches, the title similarity otherwise
 * @param value the key compared: the arXiv id, DOI, other id, or the normalised title of the record
 */
public record PaperMatch(Node paper, String rule, double score, String value) {}
