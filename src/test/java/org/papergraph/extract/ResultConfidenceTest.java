package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The confidence of an abstract result comes from how it was read, measured on the tune parts of the result gold. */
class ResultConfidenceTest {
    @Test
    void aResultCarriesTheWayItWasReadAndThatWaysTuneConfidence() {
        List<ResultFinder.FoundResult> rs = ResultRulesTest.results("We evaluate our tagger on the Quorvex corpus. "
                + "It reaches an accuracy of 81.0%.");
        assertEquals(1, rs.size(), ResultRulesTest.table(rs));
        assertEquals("context|own|unnamed|new", rs.get(0).evidence(), "the set is the previous sentence's, the method the paper's own, unnamed");
        assertEquals(ResultConfidence.ofBucket("context|own|unnamed|new"), rs.get(0).confidence());
        List<ResultFinder.FoundResult> own = ResultRulesTest.results("Our model reaches 28.4 BLEU on WMT 2014 English-German.");
        assertEquals("text|own|unnamed|known", own.get(0).evidence());
    }

    @Test
    void aWayOftenRightOnTheTunePartsIsTrustedMoreThanOneThatFailedThere() {
        double often = ResultConfidence.ofBucket("text|own|unnamed|known"), failed = ResultConfidence.ofBucket("text|borrowed|proposed|new");
        assertTrue(often > failed, often + " vs " + failed);
        // Shrunk towards the overall tune precision: a way seen twice, right once, is not given 0.5.
        assertTrue(failed > 0.5 && failed < ResultConfidence.OVERALL, String.valueOf(failed));
        assertEquals(Math.round(ResultConfidence.OVERALL * 100) / 100.0, ResultConfidence.ofBucket("text|own|named|unheard-of"), 1e-9,
                "a way no tune result was read by gets the overall tune precision");
    }
}
