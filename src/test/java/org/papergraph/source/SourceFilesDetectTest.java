package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

/** Format detection over the real files each reader is for. */
class SourceFilesDetectTest {
    static Optional<RecordReader> detect(Path p) throws IOException {
        try (InputStream in = SourceFiles.open(p)) {
            return SourceFiles.detect(SourceFiles.head(in));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "seeds/trending-papers-listing.txt, listing",
            "data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl, arxiv-jsonl",
            "data/arxiv-api-atom/xiv_cs.RO_neural_2025-10.xml, arxiv-atom",
            "data/arxiv-api-atom/xiv_empty.xml, arxiv-atom",
            "data/arxiv-api-atom/zoia_id_list_1601.00001_2020-09.xml, arxiv-atom",
            "data/arxiv-api-atom/arxiv-digest_all_nicotine_2026-07.xml, arxiv-atom",
    })
    void detectsTheReaderForEachRealFile(String rel, String format) throws IOException {
        assertEquals(Optional.of(format), detect(SharedData.path(rel)).map(RecordReader::format));
    }

    @Test
    void arxivReadersDoNotClaimTheSemanticScholarJson() throws IOException {
        Optional<RecordReader> r = detect(SharedData.path("data/arxiv-api-atom/zoia_semanticscholar_api_1601.00001.json"));
        assertTrue(r.map(RecordReader::format).filter(f -> f.startsWith("arxiv")).isEmpty(), r.toString());
    }

    @Test
    void documentationAndLicencesBesideTheDataAreNotListings() throws IOException {
        // Every SOURCE.md, README and LICENSE under ../shared/data: prose, but no paper listing.
        java.util.List<Path> docs;
        try (var walk = java.nio.file.Files.walk(SharedData.path("data"))) {
            docs = walk.filter(java.nio.file.Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toUpperCase(java.util.Locale.ROOT);
                return n.startsWith("SOURCE") || n.startsWith("README") || n.startsWith("LICENSE");
            }).toList();
        }
        assertTrue(docs.size() >= 15, "found " + docs.size());
        for (Path p : docs) {
            assertTrue(detect(p).map(RecordReader::format).filter("listing"::equals).isEmpty(), p.toString());
        }
    }

    @Test
    void bothArxivFormatsAreRegistered() {
        assertTrue(SourceFiles.byName("arxiv-jsonl").orElseThrow() instanceof ArxivJsonReader);
        assertTrue(SourceFiles.byName("arxiv-atom").orElseThrow() instanceof ArxivAtomReader);
    }
}
