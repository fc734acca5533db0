package org.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;

/** {@code papergraph convert} as a user runs it. */
class ConvertCommandTest {
    @TempDir Path tmp;

    @Test
    void convertsTheListingToANQuadsFileThatParses() {
        Path out = tmp.resolve("listing.nq");
        QueryCommandTest.Run r = QueryCommandTest.run("convert", "-q", "-o", out.toString(), SharedData.listing().toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("stored 132"), r.out());
        Dataset ds = RDFDataMgr.loadDataset(out.toString());
        // 132 papers, each in its own record graph, plus the metadata graph and the entities graph.
        long graphs = 0;
        for (var it = ds.asDatasetGraph().listGraphNodes(); it.hasNext(); it.next()) graphs++;
        assertEquals(134, graphs);
    }

    @Test
    void extractorsCanBeChosenAndAnUnknownOneIsAUsageError() {
        Path all = tmp.resolve("all.nq"), meta = tmp.resolve("meta.nq");
        assertEquals(0, QueryCommandTest.run("convert", "-q", "-o", all.toString(), SharedData.listing().toString()).status());
        QueryCommandTest.Run r = QueryCommandTest.run("convert", "-q", "--extractors", "metadata,citations", "-o", meta.toString(),
                SharedData.listing().toString());
        assertEquals(0, r.status(), r.err());
        long allMentions = RDFDataMgr.loadDataset(all.toString()).asDatasetGraph()
                .stream(null, null, org.papergraph.vocab.PG.hasMention, null).count();
        var metaGraph = RDFDataMgr.loadDataset(meta.toString()).asDatasetGraph();
        assertTrue(allMentions > 1000, "mentions with every extractor: " + allMentions);
        assertEquals(0, metaGraph.stream(null, null, org.papergraph.vocab.PG.hasMention, null).count());
        assertEquals(132, metaGraph.stream(null, null, org.apache.jena.vocabulary.DCTerms.title.asNode(), null).count());
        QueryCommandTest.Run bad = QueryCommandTest.run("convert", "--extractors", "nope", "-o", meta.toString(), SharedData.listing().toString());
        assertEquals(Main.USAGE, bad.status());
        assertTrue(bad.err().contains("known: metadata"), bad.err());
    }

    @Test
    void aMissingInputIsAClearErrorAndWritesNothing() {
        Path out = tmp.resolve("x.nq.gz");
        QueryCommandTest.Run r = QueryCommandTest.run("convert", "-o", out.toString(), tmp.resolve("nope.jsonl").toString());
        assertTrue(r.status() != 0);
        assertTrue(r.err().contains("no such file or folder"), r.err());
        assertFalse(Files.exists(out));
    }
}
