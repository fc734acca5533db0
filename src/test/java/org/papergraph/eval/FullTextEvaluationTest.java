package org.papergraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.table.TableResultFinder;

class FullTextEvaluationTest {
    static final FullTextEvaluation EVAL = new FullTextEvaluation(TableResultFinder.shipped(), Lexicon.shipped());
    static List<FullTextEvaluation.Paper> tei, latex;

    @BeforeAll
    static void load() throws Exception {
        Path sota = SharedData.path("data/sota-leaderboards");
        tei = FullTextEvaluation.tei(sota.resolve("grobid-tei-2023/train"));
        latex = FullTextEvaluation.latex(sota.resolve("clef2024/validation"));
    }

    @Test
    void eachSetSplitsHalfAndHalfByIdWhateverTheOrder() {
        for (List<FullTextEvaluation.Paper> set : List.of(tei, latex)) {
            assertEquals(100, set.size());
            assertEquals(50, set.stream().filter(p -> p.half() == FullTextEvaluation.Half.TUNE).count());
            List<String> ids = new ArrayList<>(set.stream().map(FullTextEvaluation.Paper::id).toList());
            List<String> shuffled = new ArrayList<>(ids);
            Collections.reverse(shuffled);
            for (FullTextEvaluation.Paper p : set) assertEquals(p.half(), FullTextEvaluation.half(p.id(), shuffled));
        }
    }

    @Test
    void namesMatchLooselyAndScoresAsWrittenOrScaledByAHundred() {
        assertTrue(FullTextEvaluation.sameName("Urban100", "Urban100 - 4x upscaling"));
        assertTrue(FullTextEvaluation.sameName("Val perplexity", "Validation perplexity"), "half the words shared");
        assertTrue(FullTextEvaluation.sameName("Top-1 Acc", "Top 1 Accuracy"));
        assertTrue(FullTextEvaluation.sameName("CIFAR-10", "CIFAR-100 LT"), "keys contain one another: the rule is loose");
        assertFalse(FullTextEvaluation.sameName("SVHN", "CIFAR-10"));
        assertFalse(FullTextEvaluation.sameName("MRR", "Hits@10"));
        assertTrue(FullTextEvaluation.sameScore(new BigDecimal("0.7632"), new BigDecimal("76.32")));
        assertTrue(FullTextEvaluation.sameScore(new BigDecimal(".773"), new BigDecimal("0.7730")));
        assertFalse(FullTextEvaluation.sameScore(new BigDecimal("25.41"), new BigDecimal("25.4")));
        assertEquals(new BigDecimal("32.34"), FullTextEvaluation.number("32,34%"));
        assertEquals(new BigDecimal("1234"), FullTextEvaluation.number("1,234"));
        assertEquals(new BigDecimal("85.1"), FullTextEvaluation.number("85.1 ± 0.3"));
    }

    /** The figures of the tune half, which the rules were written on; they may only go up. */
    @Test
    void tuneFiguresDoNotFallBack() {
        FullTextEvaluation.Counts t = EVAL.score(tei.stream().filter(p -> p.half() == FullTextEvaluation.Half.TUNE).toList(), false);
        assertTrue(t.correct() >= 48 && t.precision() >= 0.55, "TEI tune (D, M, S): " + t);
        FullTextEvaluation.Counts l = EVAL.score(latex.stream().filter(p -> p.half() == FullTextEvaluation.Half.TUNE).toList(), false);
        assertTrue(l.correct() >= 4, "LaTeX tune (D, M, S): " + l);
        assertEquals(1, latex.stream().filter(p -> p.record() == null).count(), "one LaTeX source is rejected");
    }

    /**
     * The error listing of a half ends in a tally of the missed gold tuples by cause, one cause per tuple: per source
     * its counts add up to the gold tuples the scored predictions miss, and a score that no cell holds is said so.
     */
    @Test
    void errorListingTalliesEveryMissedGoldTupleByCause() throws Exception {
        StringWriter s = new StringWriter();
        EVAL.errors(SharedData.ROOT, FullTextEvaluation.Half.TUNE, new PrintWriter(s));
        String out = s.toString();
        assertTrue(out.contains("MISS  FSNS - Test | Sequence error | 22  (no table cell)"), out);
        int tally = out.indexOf("### Missed gold tuples by cause, tune half");
        assertTrue(tally > 0, "no tally");
        for (boolean isTei : new boolean[] {true, false}) {
            List<FullTextEvaluation.Paper> set = isTei ? tei : latex;
            FullTextEvaluation.Counts c = EVAL.score(set.stream().filter(p -> p.half() == FullTextEvaluation.Half.TUNE).toList(), false);
            int sum = 0;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\| " + (isTei ? "tei" : "latex") + " \\| ([a-z, ]+) \\| (\\d+) \\|")
                    .matcher(out.substring(tally));
            while (m.find()) sum += Integer.parseInt(m.group(2));
            assertEquals(c.gold() - c.found(), sum, (isTei ? "TEI" : "LaTeX") + " misses by cause\n" + out.substring(tally));
        }
    }

    @Test
    void theReportHasBothSetsBothHalvesAndTheCalibration() throws Exception {
        StringWriter s = new StringWriter();
        EVAL.report(SharedData.ROOT, new PrintWriter(s));
        String out = s.toString();
        for (String row : List.of("| GROBID TEI (grobid-tei-2023, 100 papers) | tune | 50 | (D, M, S) |",
                "| GROBID TEI (grobid-tei-2023, 100 papers) | report | 50 | (T, D, M, S) |",
                "| LaTeX (clef2024 validation, 100 papers) | report | 50 | (D, M, S) |", "| tei|explicit|table | 0.39 |")) {
            assertTrue(out.contains(row), row + "\n" + out);
        }
    }
}
