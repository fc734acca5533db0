package org.papergraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The CiTO (Citation Typing Ontology) terms papergraph uses. */
public final class CITO {
    private CITO() {}

    public static final String NS = "http://purl.org/spar/cito/";

    /** The citing entity cites the cited entity. */
    public static final Node cites = NodeFactory.createURI(NS + "cites");
    /** Inverse of cites; not stored, use cites in queries. */
    public static final Node isCitedBy = NodeFactory.createURI(NS + "isCitedBy");
}
