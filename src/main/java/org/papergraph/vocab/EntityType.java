package org.papergraph.vocab;

import java.util.Locale;

import org.apache.jena.graph.Node;

/**
 * The kinds of named things papergraph extracts from text, each with its ontology class. Their IRIs are minted by
 * {@code Iris.entity}. A vocabulary term, so readers (which name entity kinds in their records), extractors and the
 * IRI minter can all use it without depending on each other.
 */
public enum EntityType {
    METHOD(PG.Method), DATASET(PG.Dataset), TASK(PG.Task), METRIC(PG.Metric);

    private final Node rdfClass;

    EntityType(Node rdfClass) { this.rdfClass = rdfClass; }

    /** The ontology class of entities of this type. */
    public Node rdfClass() { return rdfClass; }

    /** Lower-case name as used in files and reports ({@code method}, {@code dataset}, ...). */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static EntityType parse(String s) { return valueOf(s.strip().toUpperCase(Locale.ROOT)); }
}
