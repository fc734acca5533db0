package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.Extractors;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.RecordError;
import org.papergraph.store.GraphStore;
import org.papergraph.validate.Validation;

/**
 * The Papers with Code archive files (ours, in array form) and the real API responses through the whole ingest:
 * every file's record of one paper meets at one resource, methods and datasets become the entities the text
 * extractor would mint for the same names, and an entry naming no paper is a record of its entity alone.
 */
class PwcArchiveIngestTest {
    static final String P = "PREFIX pg: <https://papergraph.org/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/> ";
    static final Path ARCHIVE = Path.of("src/test/resources/pwc-archive");
    /** The paper, whichever file's key its IRI took (the earliest resource wins, and files go in name order). */
    static final String PAPER = "?paper";
    static final String WHERE = "WHERE { ?paper pg:arxivId '2101.00001' . ";
    @TempDir Path tmp;

    @Test
    void archiveFilesMeetAtOnePaperAndItsEntities() {
        List<RecordError> errors = new ArrayList<>();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 10, new IngestListener() {
                @Override public void rejected(RecordError e) { errors.add(e); }
            });
            IngestSummary s = ing.ingest(List.of(ARCHIVE), null);
            // papers 2 + 2 rejected, methods 2 + 1, datasets 2, links 2 + 1, tasks 2.
            assertEquals(10, s.stored(), s.toString());
            assertEquals(4, s.rejected(), errors.toString());
            assertTrue(errors.stream().allMatch(e -> e.position().unit().equals("entry")), errors.toString());

            // The paper from papers, methods (by title and PwC id), datasets and links is one resource.
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pg:Paper ; dcterms:title ?t "
                    + "FILTER(STR(?t) = 'Routing Sparse Experts for Tiny Language Models') }"));
            assertEquals(2, IngestTest.count(store, P + "SELECT (COUNT(DISTINCT ?r) AS ?n) " + WHERE + PAPER + " pg:codeRepository ?r }"));
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) " + WHERE + PAPER
                    + " pg:officialCodeRepository <https://github.com/example/sparse-router> }"));
            assertEquals(0, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { ?p pg:officialCodeRepository <https://github.com/other/router-reimplementation> }"));
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) " + WHERE + PAPER
                    + " pg:hasMention [ pg:entity <https://papergraph.org/id/method/sparse-router> ; pg:role 'proposed' ; pg:confidence ?c ] FILTER(?c = 1) }"));
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) " + WHERE + PAPER
                    + " pg:hasMention [ pg:entity <https://papergraph.org/id/dataset/tinytext> ; pg:role 'introduced' ] }"));
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { "
                    + "<https://papergraph.org/id/dataset/tinytext-small> pg:variantOf <https://papergraph.org/id/dataset/tinytext> }"));
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { "
                    + "<https://papergraph.org/id/method/sparse-router> skos:altLabel 'Sparse Expert Router' }"));

            // Names resolve as the text extractor resolves them: "BERTBase" is the lexicon's "BERT Base", and the
            // task "Shallow parsing" is its synonym "Chunking".
            EntityResolver resolver = new EntityResolver(Lexicon.shipped());
            String bert = store.iris().method(resolver.canonical(EntityType.METHOD, "BERTBase")).getURI();
            String chunking = store.iris().task(resolver.canonical(EntityType.TASK, "Shallow parsing")).getURI();
            assertEquals("https://papergraph.org/id/task/chunking", chunking);
            assertTrue(!bert.equals(store.iris().method("BERTBase").getURI()), "the lexicon renames BERTBase: " + bert);
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) " + WHERE + PAPER
                    + " pg:hasMention [ pg:entity <" + bert + "> ; pg:role 'used' ; pg:extractedBy <https://papergraph.org/id/extractor/source-entities> ] }"));
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { <" + chunking + "> a pg:Task ; skos:altLabel 'Shallow parsing' }"));
            // The text extractor, over the abstract's "BERTBase", points at the same entity.
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) " + WHERE + PAPER
                    + " pg:hasMention [ pg:entity <" + bert + "> ; pg:surface 'BERTBase' ; pg:field 'abstract' ] }"));

            // Entries naming no paper are graphs of their entity, describing no paper.
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://papergraph.org/id/graph/pwc-datasets/entity/dataset/unpapered-set> "
                    + "{ <https://papergraph.org/id/dataset/unpapered-set> a pg:Dataset } }"));
            assertEquals(0, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://papergraph.org/id/graph/meta> "
                    + "{ <https://papergraph.org/id/graph/pwc-datasets/entity/dataset/unpapered-set> pg:describes ?p } }"));
            assertEquals(List.of(), Validation.bundled().validate(store.datasetGraph()).problems().stream()
                    .filter(Validation.Problem::isViolation).toList());
        }
    }

    @Test
    void realApiResponsesLinkTheMethodToItsPaperByPapersWithCodeId() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 10, IngestListener.NONE);
            IngestSummary s = ing.ingest(List.of(SharedData.path("data/paperswithcode/api-responses")), null);
            assertEquals(0, s.rejected(), s.toString());
            assertEquals(1L, ing.resolutionLinks().get("pwc"), ing.resolutionLinks().toString());
            assertEquals(1, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { <https://papergraph.org/id/paper/arxiv/1406.2661> "
                    + "pg:pwcId 'generative-adversarial-networks' ; pg:hasMention [ pg:entity <https://papergraph.org/id/method/gan> ; pg:role 'proposed' ] }"));
            assertEquals(2, IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { "
                    + "<https://papergraph.org/id/paper/pwc/hierarchical-multi-scale-attention-for> pg:reportsResult ?r . ?r pg:value ?v }"));
        }
    }

    @Test
    void bulkLoadOfTheArchiveGivesTheSameGraphs() {
        long normal, bulk;
        try (GraphStore store = GraphStore.open(tmp.resolve("a"), Iris.defaults())) {
            new Ingestor(store, Extractors.defaults(store.iris()), 10, IngestListener.NONE).ingest(List.of(ARCHIVE), null);
            normal = IngestTest.count(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
        }
        IngestSummary s = new BulkIngestor(tmp.resolve("b"), Iris.defaults(), Extractors.defaults(Iris.defaults()),
                BulkIngestor.DEFAULT_LOADER, IngestListener.NONE).ingest(List.of(ARCHIVE), null);
        assertEquals(10, s.stored(), s.toString());
        try (GraphStore store = GraphStore.open(tmp.resolve("b"), Iris.defaults())) {
            bulk = IngestTest.count(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
        }
        assertEquals(normal, bulk);
    }
}
