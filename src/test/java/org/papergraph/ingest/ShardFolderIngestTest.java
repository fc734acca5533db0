package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/**
 * A folder of N-Quads shards ({@code convert -o DIR/}, the Spark job) loads, with a bulk or a normal ingest, into
 * the store a bulk ingest of the inputs builds: the same quads, record graphs and provenance included.
 */
class ShardFolderIngestTest {
    @TempDir Path tmp;

    static final List<Path> INPUTS = List.of(SharedData.path("data/paperswithcode/sota-extractor-tasks/nlp-progress.json"),
            SharedData.path("data/nlp-tdms-tdmsci/NLP-TDMS/pdfFile_xml/1410.5401.tei.xml"),
            SharedData.path("data/openalex-samples/snapshot/works"));

    private static BulkIngestor bulk(Path db) {
        return new BulkIngestor(db, Iris.defaults(), Extractors.defaults(Iris.defaults()), BulkIngestor.DEFAULT_LOADER, IngestListener.NONE);
    }

    private static Set<Quad> quads(Path db) { return ConverterTest.byValue(StoreSnapshot.of(db)); }

    @Test
    void shardsLoadIntoTheStoreABulkIngestOfTheInputsBuilds() {
        Path shards = tmp.resolve("shards");
        Converter c = new Converter(Iris.defaults(), Extractors.defaults(Iris.defaults()), IngestListener.NONE);
        ShardFolder.prepare(shards);
        IngestSummary converted = c.convert(INPUTS, null, shards.resolve(ShardFolder.recordShard(0)));
        ShardFolder.complete(shards, converted.toString());

        IngestSummary direct = bulk(tmp.resolve("direct")).ingest(INPUTS, null);
        IngestSummary fromShards = bulk(tmp.resolve("from-shards")).ingest(List.of(shards), null);
        assertEquals(direct.stored(), fromShards.stored());
        assertEquals(converted.quads(), fromShards.quads());
        assertEquals(converted.provenance(), fromShards.provenance());
        Set<Quad> expected = quads(tmp.resolve("direct"));
        assertSame(expected, quads(tmp.resolve("from-shards")));

        // A normal ingest of the shards, into a new store and again into the same one: each record replaces itself.
        Path normal = tmp.resolve("normal");
        for (int round = 0; round < 2; round++) {
            try (GraphStore store = GraphStore.open(normal, Iris.defaults())) {
                IngestSummary s = new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(shards), null);
                assertEquals(direct.stored(), s.stored());
            }
            assertSame(expected, quads(normal));
        }
    }

    @Test
    void convertWritesAShardFolderWhenTheOutputIsAFolder() throws Exception {
        Path shards = tmp.resolve("cli-shards");
        int status = org.papergraph.cli.Main.run("convert", "-q", "-o", shards + "/", INPUTS.get(0).toString());
        assertTrue(status <= 1, "status " + status); // 1: the file has records it rejects
        assertTrue(ShardFolder.isShardFolder(shards));
        assertEquals(List.of(shards.resolve(ShardFolder.recordShard(0))), ShardFolder.shards(shards));
        // Again into the same folder: the earlier shards are replaced, anything else there is refused.
        assertTrue(org.papergraph.cli.Main.run("convert", "-q", "-o", shards.toString(), INPUTS.get(0).toString()) <= 1);
        Files.writeString(shards.resolve("notes.txt"), "mine");
        assertEquals(3, org.papergraph.cli.Main.run("convert", "-q", "-o", shards.toString(), INPUTS.get(0).toString()));
        assertTrue(Files.exists(shards.resolve("notes.txt")));
    }

    @Test
    void anUnfinishedShardFolderIsRefused() throws Exception {
        Path shards = tmp.resolve("shards");
        Files.createDirectories(shards);
        Files.write(shards.resolve(ShardFolder.recordShard(0)), new byte[0]);
        IngestException e = assertThrows(IngestException.class, () -> bulk(tmp.resolve("db")).ingest(List.of(shards), null));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertTrue(BulkIngestor.canLoadInto(tmp.resolve("db")), "no store left behind");
    }

    private static void assertSame(Set<Quad> expected, Set<Quad> actual) {
        Set<Quad> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<Quad> extra = new HashSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), missing.size() + " missing, e.g. " + missing.stream().limit(3).toList()
                + "; " + extra.size() + " extra, e.g. " + extra.stream().limit(3).toList());
    }
}
