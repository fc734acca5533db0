package org.papergraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The CiTO (Citation Typing Ontology) terms papergraph uses. */
public final class CITO {
    private CITO() {}

    public static final String NS = "http://purl.org/spar/cito/";

    /** The citing entity cites the cited entity. */
    public static final Node cites = NodeFactory.createURI(NS + "cites");
    /** A citation as an entity of its own: one citing paper, one cited paper, and what is said about the act. */
    public static final Node Citation = NodeFactory.createURI(NS + "Citation");
    /** The paper that makes a citation. */
    public static final Node hasCitingEntity = NodeFactory.createURI(NS + "hasCitingEntity");
    /** The paper a citation points to. */
    public static final Node hasCitedEntity = NodeFactory.createURI(NS + "hasCitedEntity");
    /** Inverse of cites; not stored, use cites in queries. */
    public static final Node isCitedBy = NodeFactory.createURI(NS + "isCitedBy");
}
