package org.papergraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The PROV-O terms papergraph uses (W3C PROV Ontology). */
public final class PROV {
    private PROV() {}

    public static final String NS = "http://www.w3.org/ns/prov#";

    public static final Node Entity = NodeFactory.createURI(NS + "Entity");
    public static final Node SoftwareAgent = NodeFactory.createURI(NS + "SoftwareAgent");
    public static final Node generatedAtTime = NodeFactory.createURI(NS + "generatedAtTime");
    public static final Node wasAttributedTo = NodeFactory.createURI(NS + "wasAttributedTo");
    public static final Node wasDerivedFrom = NodeFactory.createURI(NS + "wasDerivedFrom");
    public static final Node Collection = NodeFactory.createURI(NS + "Collection");
    public static final Node hadMember = NodeFactory.createURI(NS + "hadMember");
}
