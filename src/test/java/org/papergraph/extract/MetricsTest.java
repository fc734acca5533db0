package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The direction, name and scale of a metric come from its name, the same for every result and source. */
class MetricsTest {
    @Test
    void lowerIsBetterForErrorsLossesDistancesPerplexityAndRanks() {
        for (String m : List.of("error", "Error", "top-5 error", "Top-5 test error", "error rate", "test loss", "perplexity", "PPL",
                "WER", "word error rate", "CER", "PER", "FID", "Fréchet Inception Distance", "bits per character", "BPC", "bits/dim",
                "MR", "mean rank", "MAE", "RMSE", "miss rate", "Abs Rel", "latency")) {
            assertTrue(Metrics.lowerIsBetter(m), m);
        }
        for (String m : List.of("accuracy", "Top-1", "top-1 accuracy", "F1", "F1-score", "BLEU", "mAP", "AP", "mean IU", "Inception score",
                "Rank-1", "MRR", "Hits@10", "error reduction", "PSNR", "SSIM", "Score", "precision", "recall", "per-class accuracy")) {
            assertFalse(Metrics.lowerIsBetter(m), m);
        }
    }

    @Test
    void oneNamePerMetric() {
        assertEquals("Top-1 Accuracy", Metrics.canonical("Top-1"));
        assertEquals("Top-1 Accuracy", Metrics.canonical("top-1 accuracy"));
        assertEquals("F1", Metrics.canonical("F1 score"));
        assertEquals("F1", Metrics.canonical("F1-score"));
        assertEquals("F1", Metrics.canonical("F-measure"));
        assertEquals("Top-5 Error", Metrics.canonical("top-5 test error"));
        assertEquals("Top-5 Error", Metrics.canonical("top-5 error rate"));
        assertEquals("mIoU", Metrics.canonical("mean IU"));
        assertEquals("BLEU", Metrics.canonical("new single-model state-of-the-art BLEU score"));
        assertEquals("Bits per Character", Metrics.canonical("bits / char"));
        assertEquals("Joint goal accuracy", Metrics.canonical("joint goal accuracy"));
    }

    @Test
    void percentageMetricsStayAtOrBelowOneHundred() {
        assertFalse(Metrics.plausible("Top-1 Accuracy", new BigDecimal("300"), false));
        assertFalse(Metrics.plausible("BLEU", new BigDecimal("100.5"), false));
        assertFalse(Metrics.plausible("Perplexity", new BigDecimal("120"), true));
        assertTrue(Metrics.plausible("Perplexity", new BigDecimal("120"), false));
        assertTrue(Metrics.plausible("Inception Score", new BigDecimal("166.5"), false));
        assertTrue(Metrics.plausible("F1", new BigDecimal("0.973"), false));
    }

    @Test
    void costsAreNoScores() {
        for (String m : List.of("Params", "#Params (M)", "FLOPs", "GFLOPs", "multiply-adds", "Latency (ms)", "FPS", "Speed", "Inference time",
                "Memory (GB)", "Model size", "GPU hours")) {
            assertTrue(Metrics.isCost(m), m);
        }
        for (String m : List.of("Accuracy", "Bits per Character", "bits/char", "Top-1 Error", "mAP")) assertFalse(Metrics.isCost(m), m);
    }

    @Test
    void aSlashedPairOfMetricsIsReadByTheValue() {
        assertEquals("bpc", Metrics.choose("bpc/perplexity", new BigDecimal("0.99")));
        assertEquals("perplexity", Metrics.choose("bpc/perplexity", new BigDecimal("18.3")));
        assertEquals("SSIM", Metrics.choose("PSNR/SSIM", new BigDecimal("0.912")));
        assertEquals("PSNR", Metrics.choose("PSNR/SSIM", new BigDecimal("32.4")));
        assertEquals("accuracy", Metrics.choose("accuracy", new BigDecimal("3")));
    }
}
