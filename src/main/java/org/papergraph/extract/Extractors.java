package org.papergraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.papergraph.resolve.Iris;

/** The extractors an ingest runs, in order. */
public final class Extractors {
    private Extractors() {}

    /** Every extractor by name, in the order an ingest runs them; constructed only when chosen. */
    private static final Map<String, Function<Iris, Extractor>> ALL = new LinkedHashMap<>();
    static {
        ALL.put("metadata", MetadataExtractor::new);
        ALL.put("code-links", CodeLinkExtractor::new);
        ALL.put("citations", CitationExtractor::new);
        ALL.put(EntityExtractor.NAME, EntityExtractor::new);
        ALL.put(ImplementationExtractor.NAME, ImplementationExtractor::new);
        ALL.put(ResultExtractor.NAME, ResultExtractor::new);
        ALL.put("reported-results", ReportedResultExtractor::new);
        ALL.put(TableResultExtractor.NAME, TableResultExtractor::new);
        ALL.put(SourceEntityExtractor.NAME, SourceEntityExtractor::new);
        ALL.put("resolution", ResolutionExtractor::new);
    }

    /** Every extractor papergraph has, configured for {@code iris}. */
    public static List<Extractor> defaults(Iris iris) {
        return named(iris, List.copyOf(ALL.keySet()));
    }

    /** The names of every extractor, in run order. */
    public static List<String> names() { return List.copyOf(ALL.keySet()); }

    /**
     * The extractors called {@code names}, in run order whatever the order given.
     *
     * @throws IllegalArgumentException for a name no extractor has (the message lists the known ones)
     */
    public static List<Extractor> named(Iris iris, List<String> names) {
        for (String n : names) {
            if (!ALL.containsKey(n)) {
                throw new IllegalArgumentException("no extractor '" + n + "'; known: " + String.join(", ", ALL.keySet()));
            }
        }
        List<Extractor> out = new ArrayList<>();
        for (Map.Entry<String, Function<Iris, Extractor>> e : ALL.entrySet()) {
            if (names.contains(e.getKey())) out.add(e.getValue().apply(iris));
        }
        return List.copyOf(out);
    }
}
