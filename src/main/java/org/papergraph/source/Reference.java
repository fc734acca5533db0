package org.papergraph.source;

import java.util.List;

/**
 * One entry of a paper's reference list, as much as the source says about the cited work.
 * Any field may be null; a reference with neither an identifier nor a title is not useful and readers drop it.
 *
 * @param title    title of the cited work
 * @param year     publication year, or null
 * @param doi      DOI (any case; minting lower-cases it)
 * @param arxivId  arXiv id, with or without version
 * @param otherIds other identifiers by scheme ({@code openalex}, {@code s2}, {@code pwc}); never null
 * @param authors  author names in order; never null
 * @param context  a citation-context sentence from the citing text, or null
 */
public record Reference(String title, Integer year, String doi, String arxivId,
                        java.util.Map<String, String> otherIds, List<String> authors, String context) {
    public Reference {
        otherIds = otherIds == null ? java.util.Map.of() : java.util.Map.copyOf(otherIds);
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
