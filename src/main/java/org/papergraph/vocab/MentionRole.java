package org.papergraph.vocab;

/**
 * The values of {@code pg:role}: what a paper does with an entity it names. Extractors decide them from text; source
 * readers (Papers with Code) state them. Constants only.
 */
public final class MentionRole {
    /** A method the paper proposes. */
    public static final String PROPOSED = "proposed";
    /** A dataset the paper introduces. */
    public static final String INTRODUCED = "introduced";
    /** An entity the paper uses. */
    public static final String USED = "used";
    /** A method the paper compares against. */
    public static final String COMPARED = "compared";

    private MentionRole() {}
}
