package org.papergraph.query;

import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;

/**
 * papergraph's SPARQL extension functions, in the namespace {@value #NS} (prefix {@code pgf:}). They are registered
 * in Jena's global property-function registry when Jena initialises ({@link FunctionsLifecycle}), so every query
 * run by this program sees them: {@code papergraph query}, the query page, and the embedded Fuseki endpoint.
 *
 * <ul>
 *   <li>{@code ?paper pgf:coCited (?other ?count)}: co-citation. One row per paper {@code ?other} that some paper
 *       cites together with {@code ?paper}; {@code ?count} is the number of distinct papers citing both.</li>
 *   <li>{@code ?paper pgf:coupled (?other ?shared)}: bibliographic coupling. One row per paper {@code ?other} that
 *       cites something {@code ?paper} cites; {@code ?shared} is the number of distinct papers both cite.</li>
 *   <li>{@code ?paper pgf:papersBy ("newest" ?rank)}: every paper, in one of the orders of
 *       {@link org.papergraph.store.PaperOrder} ({@code newest}, {@code oldest}, {@code title}, {@code cited}),
 *       walked from the store's summaries without sorting ({@link PapersInOrder}).</li>
 * </ul>
 *
 * <p>The first two count exactly what the plain SPARQL grouping over {@code cito:cites} in the active graph counts (see
 * {@link CitationOverlap}), and yield their rows most first, ties in {@code ORDER BY ?other} order, so a query can
 * take a page with LIMIT and OFFSET alone.
 */
public final class PaperFunctions {
    private PaperFunctions() {}

    /** Namespace of papergraph's functions. */
    public static final String NS = "https://papergraph.org/function#";
    /** Co-citation: {@code ?paper pgf:coCited (?other ?count)}. */
    public static final String CO_CITED = NS + "coCited";
    /** Bibliographic coupling: {@code ?paper pgf:coupled (?other ?shared)}. */
    public static final String COUPLED = NS + "coupled";

    /** Every paper in an order: {@code ?paper pgf:papersBy ("newest" ?rank)}. */
    public static final String PAPERS_BY = NS + "papersBy";

    /** Registers the functions in Jena's global registry; calling it again changes nothing. */
    public static synchronized void register() {
        PropertyFunctionRegistry registry = PropertyFunctionRegistry.get();
        if (!registry.isRegistered(CO_CITED)) registry.put(CO_CITED, uri -> new CitationOverlap(CitationOverlap.Kind.CO_CITED));
        if (!registry.isRegistered(COUPLED)) registry.put(COUPLED, uri -> new CitationOverlap(CitationOverlap.Kind.COUPLED));
        if (!registry.isRegistered(PAPERS_BY)) registry.put(PAPERS_BY, uri -> new PapersInOrder());
    }
}
