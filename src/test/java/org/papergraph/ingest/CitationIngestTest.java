package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.source.GrobidTeiReader;
import org.papergraph.source.RecordCollector;
import org.papergraph.source.RecordError;
import org.papergraph.store.GraphStore;

/** The SOTA corpus's TEI folder (with its README and annotation files beside the TEI) through the whole ingest. */
class CitationIngestTest {
    static final String P = "PREFIX pg: <https://papergraph.org/ontology#> PREFIX cito: <http://purl.org/spar/cito/> ";
    @TempDir Path tmp;

    @Test
    void teiFolderGivesACitationPerReferenceWithContextsAndSkipsOtherFiles() throws Exception {
        Path dir = SharedData.path("data/sota-leaderboards/grobid-tei-2023");
        List<Path> tei, other;
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.filter(Files::isRegularFile).toList();
            tei = all.stream().filter(p -> p.toString().endsWith(".tei.xml")).toList();
            other = all.stream().filter(p -> !p.toString().endsWith(".tei.xml")).toList();
        }
        long refs = 0, withContext = 0;
        for (Path f : tei) {
            var r = RecordCollector.read(new GrobidTeiReader(), f).records.get(0);
            refs += r.references().size();
            withContext += r.references().stream().filter(x -> x.context() != null).count();
        }
        List<RecordError> errors = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 50, new IngestListener() {
                @Override public void rejected(RecordError e) { errors.add(e); }
                @Override public void fileSkipped(String file, String reason) { skipped.add(file); }
            });
            IngestSummary s = ing.ingest(List.of(dir), null);
            assertTrue(s.stored() >= tei.size(), s.toString());
            assertTrue(errors.stream().noneMatch(e -> e.position().file().endsWith(".tei.xml")), errors.toString());
            assertTrue(other.size() > 0);
            // Every other file is documentation (never read) or skipped as an unknown format, not read as papers.
            long documentation = other.stream().filter(p -> p.getFileName().toString().endsWith(".md")
                    || p.getFileName().toString().startsWith("LICENSE")).count();
            assertEquals(other.size(), documentation + skipped.size(), "skipped " + skipped + " of " + other);
            // One cites edge per reference, less the references that resolved to the same paper as another of the list.
            long cites = IngestTest.count(store, P + "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a cito:cites ?b } }");
            assertTrue(cites <= refs && cites > refs * 0.97, cites + " edges for " + refs + " references");
            long contexts = IngestTest.count(store, P + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cito:Citation ; pg:citationContext ?s ; cito:hasCitingEntity ?a ; cito:hasCitedEntity ?b . ?a cito:cites ?b }");
            assertTrue(contexts <= withContext && contexts > withContext * 0.97, contexts + " citation nodes for " + withContext + " contexts");
        }
    }
}
