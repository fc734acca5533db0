package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.eval.GoldDoc;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.lexicon.LexiconBuilder;
import org.papergraph.vocab.EntityType;

/**
 * {@code build-models --no-research-data}: its steps read only the permissively licensed sources. They run on a copy
 * of the shared folder that holds nothing else, where reading a research-data source fails.
 */
class TrainingDataTest {
    @TempDir static Path tmp;
    /** A shared folder with only the permissive sources in it (links to the real ones). */
    static Path permissive;

    @BeforeAll
    static void permissiveFolder() throws IOException {
        permissive = tmp.resolve("shared");
        Files.createDirectories(permissive.resolve("data"));
        for (TrainingData.Source s : TrainingData.Source.values()) {
            if (s.permissive()) Files.createSymbolicLink(permissive.resolve("data").resolve(s.folder()), SharedData.path("data/" + s.folder()));
        }
    }

    @Test
    void licencesAsTheSourceFilesStateThem() {
        for (TrainingData.Source s : TrainingData.Source.values()) {
            assertTrue(TrainingData.ALL.allows(s), s.name());
            assertEquals(s.permissive(), TrainingData.PERMISSIVE.allows(s), s.name());
            assertTrue(Files.isRegularFile(SharedData.path("data/" + s.folder() + "/SOURCE.md")), s.folder());
        }
        for (TrainingData.Source s : List.of(TrainingData.Source.PAPERS_WITH_CODE, TrainingData.Source.ORKG_CS_NER, TrainingData.Source.SCIERC)) {
            assertFalse(TrainingData.PERMISSIVE.allows(s), s.name());
        }
    }

    @Test
    void lexiconFromPermissiveSourcesOnly() throws IOException {
        Path out = tmp.resolve("lexicon.tsv");
        new LexiconBuilder(permissive, TrainingData.PERMISSIVE).build(out);
        long names = Files.readAllLines(out).stream().filter(l -> !l.startsWith("#")).count();
        assertTrue(names > 1000, "NLP-TDMS names and SciREX's recurring ones: " + names);
        try (var in = Files.newInputStream(out)) { assertTrue(Lexicon.read(in).lookup("SearchQA") != null); }
        assertTrue(Files.readString(out).contains("\ndataset\tSearchQA\t"), "a dataset of NLP-TDMS's knowledge base");
        assertThrows(NoSuchFileException.class, () -> new LexiconBuilder(permissive, TrainingData.ALL).build(tmp.resolve("all.tsv")),
                "the full build reads the research data, which this folder lacks");
    }

    @Test
    void wordStatisticsAndSpanEdgesFromPermissiveSourcesOnly() throws IOException {
        assertTrue(OrdinaryWords.build(permissive, tmp.resolve("ordinary.tsv"), TrainingData.PERMISSIVE) > 0);
        List<GoldDoc> edges = ExtractionModels.edgeDocs(permissive, TrainingData.PERMISSIVE);
        assertFalse(edges.isEmpty());
        assertTrue(edges.stream().allMatch(d -> d.spans().stream().allMatch(s -> s.type() != EntityType.DATASET)), "SciREX Material is not read as datasets");
        assertThrows(NoSuchFileException.class, () -> OrdinaryWords.build(permissive, tmp.resolve("o2.tsv"), TrainingData.ALL));
        assertThrows(NoSuchFileException.class, () -> ExtractionModels.edgeDocs(permissive, TrainingData.ALL));
    }
}
