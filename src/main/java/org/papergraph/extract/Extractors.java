package org.papergraph.extract;

import java.util.List;

import org.papergraph.resolve.Iris;

/** The extractors an ingest runs, in order. */
public final class Extractors {
    private Extractors() {}

    /** Every extractor papergraph has, configured for {@code iris}. */
    public static List<Extractor> defaults(Iris iris) {
        return List.of(
                new MetadataExtractor(iris),
                new CodeLinkExtractor(iris),
                new CitationExtractor(iris),
                new EntityExtractor(iris),
                new ImplementationExtractor(iris),
                new ResultExtractor(iris),

                new ReportedResultExtractor(iris),
                new SourceEntityExtractor(iris),
                new ResolutionExtractor(iris));
    }
}
