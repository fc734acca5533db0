package org.papergraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

class ValidationTest {
    @TempDir Path tmp;

    static final String PREFIXES = """
            PREFIX pg:      <https://papergraph.org/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
            PREFIX ex:      <https://papergraph.org/id/>
            """;

    static Validation.Outcome validate(String trig) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(PREFIXES + trig).lang(Lang.TRIG).parse(dsg);
        return Validation.bundled().validate(dsg);
    }

    /** "focus message" for each problem, for assertions that name what failed. */
    static Set<String> summary(Validation.Outcome o) {
        Set<String> out = new TreeSet<>();
        for (Validation.Problem p : o.problems()) out.add(p.focus().getLocalName() + " " + p.message());
        return out;
    }

    @Test
    void realListingIngestConforms() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            new Ingestor(store, Extractors.defaults(store.iris()), 100, IngestListener.NONE)
                    .ingest(List.of(SharedData.listing()), null);
            Validation.Outcome o = Validation.bundled().validate(store.datasetGraph());
            assertEquals(List.of(), o.problems());
            assertTrue(o.conforms());
        }
    }

    @Test
    void twoSourcesWithTwoTitlesConform() {
        Validation.Outcome o = validate("""
                ex:g1 { ex:p a pg:Paper ; dcterms:title "Deep residual learning for image recognition" . }
                ex:g2 { ex:p a pg:Paper ; dcterms:title "Deep Residual Learning for Image Recognition" ;
                        pg:arxivId "1512.03385" ; dcterms:issued "2015-12-10"^^xsd:date . }
                """);
        assertEquals(List.of(), o.problems());
    }

    @Test
    void brokenFactsAreViolations() {
        Validation.Outcome o = validate("""
                ex:g {
                  ex:untitled a pg:Paper .
                  ex:p a pg:Paper ; dcterms:title "A paper" ; pg:doi "https://doi.org/10.1000/X" ;
                      pg:authorship ex:a1 ; pg:reportsResult ex:r1 , ex:r2 ; pg:hasMention ex:m1 .
                  ex:a1 a pg:Authorship ; pg:author ex:nobody ; pg:position 0 .
                  ex:nobody a pg:Person ; foaf:name "No Body" .
                  ex:r1 a pg:Result ; pg:metric ex:accuracy ; pg:value "75.2" .
                  ex:r2 a pg:Result ; pg:metric ex:accuracy ; pg:value 1.5 ; pg:method ex:accuracy .
                  ex:accuracy a pg:Metric ; rdfs:label "accuracy" .
                  ex:m1 a pg:Mention ; pg:entity ex:accuracy ; pg:surface "accuracy" ; pg:confidence 1.5 .
                }
                """);
        assertFalse(o.conforms());
        Set<String> s = summary(o);
        assertTrue(s.contains("untitled a paper needs a dcterms:title, a pg:arxivId, a pg:doi or a pg:pwcId"), s.toString());
        assertTrue(s.contains("p pg:doi must be a lower-cased DOI without resolver prefix (10.xxxx/...)"), s.toString());
        assertTrue(s.contains("a1 an authorship needs exactly one pg:position, an xsd:integer >= 1"), s.toString());
        assertTrue(s.contains("r1 pg:value must be a single xsd:decimal"), s.toString());
        assertTrue(s.contains("r2 pg:method must be a pg:Method"), s.toString());
        assertTrue(s.contains("m1 pg:confidence must be a single xsd:decimal in [0, 1]"), s.toString());
        assertEquals(6, o.violations(), s.toString());
    }

    @Test
    void anUnparsedDateIsOnlyAWarning() {
        Validation.Outcome o = validate("""
                ex:g { ex:p a pg:Paper ; dcterms:title "A paper" ; dcterms:issued "spring 2019" . }
                """);
        assertEquals(1, o.warnings());
        assertEquals(0, o.violations());
        assertTrue(o.conforms());
    }
}
