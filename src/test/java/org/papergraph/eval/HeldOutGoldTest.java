package org.papergraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.vocab.EntityType;

/** The TDMSci test sentences, a report-only gold set of {@code eval}: read whole, never split, never tuned on. */
class HeldOutGoldTest {
    @Test
    void theTdmsciTestFileReadsAsItsSourceCountsIt() throws Exception {
        Path file = SharedData.path("data/nlp-tdms-tdmsci/TDMSci/conllFormat/test_500_v2.conll");
        List<GoldDoc> docs = GoldSets.tdmsci(file, GoldSets.TDMSCI);
        // SOURCE.md: 487 sentence blocks; TASK 396, DATASET 192, METRIC 174.
        assertEquals(487, docs.size());
        Map<EntityType, Integer> n = new EnumMap<>(EntityType.class);
        for (GoldDoc d : docs) {
            for (GoldSpan s : d.spans()) {
                n.merge(s.type(), 1, Integer::sum);
                String surface = d.text().substring(s.start(), s.end());
                assertEquals(surface.strip(), surface, d.id());
                assertTrue(!surface.isEmpty(), d.id());
            }
        }
        assertEquals(Map.of(EntityType.TASK, 396, EntityType.DATASET, 192, EntityType.METRIC, 174), n);
        // The text is rebuilt with every token at its offset: "accuracy 184 B-METRIC" style rows line up.
        GoldDoc first = docs.get(0);
        assertTrue(first.text().startsWith("As shown in, all DNN-based models"), first.text());
    }

    @Test
    void aHeldOutSetIsAllReport() throws Exception {
        Evaluation.GoldSet tdmsci = null;
        for (Evaluation.GoldSet g : Evaluation.goldSets(SharedData.ROOT)) if (g.heldOut()) tdmsci = g;
        assertTrue(tdmsci != null && !tdmsci.calibrates(), "a held-out set, never fitted to");
        assertEquals(0, tdmsci.docs(DevSplit.Part.TUNE).size());
        assertEquals(487, tdmsci.docs(DevSplit.Part.REPORT).size());
    }
}
