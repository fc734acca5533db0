package org.papergraph.source;

import java.util.List;

/**
 * One author of a paper as a source states it.
 *
 * @param name         display name, never null or blank
 * @param orcid        ORCID iD without the resolver prefix ({@code 0000-0002-1825-0097}), or null
 * @param affiliations institution names in source order; never null
 */
public record Author(String name, String orcid, List<String> affiliations) {
    public Author {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
    }

    public static Author named(String name) {
        return new Author(name, null, List.of());
    }
}
