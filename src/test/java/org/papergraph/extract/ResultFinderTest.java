package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Golden sentences (single sentences quoted from the seed listing) for the result finder. */
class ResultFinderTest {
    static final ExtractionModels MODELS = ExtractionModels.shipped();
    static final EntityFinder ENTITIES = new EntityFinder(MODELS);
    static final ResultFinder RESULTS = new ResultFinder(MODELS);

    static List<ResultFinder.FoundResult> results(String title, String text) {
        List<EntityFinder.Found> m = ENTITIES.find(text, EntityFinder.Field.ABSTRACT);
        return RESULTS.find(text, m, ResultFinder.proposedMethod(title, text, m));
    }

    static void assertResult(ResultFinder.FoundResult r, String method, String dataset, String metric, String value, boolean lower) {
        assertEquals(method, r.method());
        assertEquals(dataset, r.dataset());
        assertEquals(metric, r.metric());
        assertEquals(0, new BigDecimal(value).compareTo(r.value()), () -> "value " + r.value());
        assertEquals(lower, r.lowerIsBetter(), "lower is better");
    }

    @Test
    void mnasNetTop1OnImageNetAndNoRelativeGains() {
        List<ResultFinder.FoundResult> rs = results("MnasNet: Platform-Aware Neural Architecture Search for Mobile",
                "On the ImageNet classification task, our MnasNet achieves 75.2% top-1 accuracy with 78ms latency on a Pixel phone, "
                + "which is 1.8x faster than MobileNetV2 [29] with 0.5% higher accuracy and 2.3x faster than NASNet [36] with 1.2% higher accuracy.");
        assertEquals(1, rs.size(), rs::toString);
        assertResult(rs.get(0), "MnasNet", "ImageNet", "top-1 accuracy", "75.2", false);
        assertTrue(rs.get(0).percent());
        assertEquals("75.2%", rs.get(0).rawValue());
    }

    /** A combination of the paper's models, like an ensemble of them, is the paper's own method. */
    @Test
    void aCombinationOfModelsIsThePapersOwn() {
        List<ResultFinder.FoundResult> rs = results("Wide Stacks: Deeper Convolutional Networks for Scene Parsing",
                "We train stacks of wide convolutional layers. A combination of two networks reaches 41.2% mIoU on Cityscapes.");
        assertEquals(1, rs.size(), rs::toString);
        assertResult(rs.get(0), "Wide Stacks", "Cityscapes", "mIoU", "41.2", false);
    }

    @Test
    void eeeaNetThreeErrorRatesLowerIsBetter() {
        List<ResultFinder.FoundResult> rs = results("EEEA-Net: An Early Exit Evolutionary Neural Architecture Search",
                "Using EEEA-Net on CIFAR-10, CIFAR-100, and ImageNet datasets, our experiments showed that EEEA-Net achieved the lowest "
                + "error rate among state-of-the-art NAS models, with 2.46% for CIFAR-10, 15.02% for CIFAR-100, and 23.8% for ImageNet dataset.");
        assertEquals(3, rs.size(), rs::toString);
        assertResult(rs.get(0), "EEEA-Net", "CIFAR-10", "error rate", "2.46", true);
        assertResult(rs.get(1), "EEEA-Net", "CIFAR-100", "error rate", "15.02", true);
        assertResult(rs.get(2), "EEEA-Net", "ImageNet", "error rate", "23.8", true);
    }

    @Test
    void latexPercentIsReadThroughAndOurModelIsTheProposedOne() {
        List<ResultFinder.FoundResult> rs = results("ProxylessNAS: Direct Neural Architecture Search on Target Task and Hardware",
                "On CIFAR-10, our model achieves 2.08\\% test error with only 5.7M parameters, better than the previous state-of-the-art "
                + "architecture AmoebaNet-B, while using 6times fewer parameters.");
        assertEquals(1, rs.size(), rs::toString);
        assertResult(rs.get(0), "ProxylessNAS", "CIFAR-10", "test error", "2.08", true);
        assertEquals("2.08\\%", rs.get(0).rawValue());
    }

    @Test
    void relativeGainsAreNeverResults() {
        for (String s : List.of(
                "Extensive experiments validate our OV-NeRF outperforms current state-of-the-art methods, achieving a significant "
                        + "improvement of 20.31% and 18.42% in mIoU metric on Replica and Scannet, respectively.",
                "Comparing our approach against recent neural type inference systems, our model outperforms the current state-of-the-art "
                        + "by 7.85% on the ManyTypes4TypeScript benchmark.",
                "Our FBNetV5 achieves +1.3% ImageNet top-1 accuracy under the same FLOPs as compared to FBNetV3.",
                "On ImageNet, our model achieves 3.1\\% better top-1 accuracy than MobileNetV2, while being 1.2x faster with measured GPU latency.",
                "Our discovered model family, BigNASModels, achieve top-1 accuracies ranging from 76.5% to 80.9% on ImageNet.")) {
            assertTrue(results("X: y", s).isEmpty(), () -> "no result expected in: " + s + " got " + results("X: y", s));
        }
    }

    @Test
    void twoDatasetsJoinedByAndGiveTwoResults() {
        List<ResultFinder.FoundResult> rs = results("Neural-Symbolic Recursive Machine for Systematic Generalization",
                "Specifically, NSR achieves 100% generalization accuracy on SCAN and PCFG and outperforms state-of-the-art models on HINT by about 23%.");
        assertEquals(2, rs.size(), rs::toString);
        assertEquals("SCAN", rs.get(0).dataset());
        assertEquals("PCFG", rs.get(1).dataset());
        assertFalse(rs.stream().anyMatch(r -> r.value().compareTo(new BigDecimal("23")) == 0));
    }

    @Test
    void aSentenceOpeningWithTheBenchmarkNamesItsDataset() {
        List<ResultFinder.FoundResult> rs = results("MERLOT: Multimodal Neural Script Knowledge Models",
                "On Visual Commonsense Reasoning, MERLOT answers questions correctly with 80.6% accuracy, outperforming state-of-the-art "
                        + "models of similar size by over 3%.");
        assertEquals(1, rs.size(), rs::toString);
        assertResult(rs.get(0), "MERLOT", "Visual Commonsense Reasoning", "accuracy", "80.6", false);
    }

    @Test
    void aNamedSetBeforeTheNumberAndOurNamedModel() {
        List<ResultFinder.FoundResult> rs = results("De-identification of Patient Notes with Recurrent Neural Networks",
                "Results: Our ANN model outperforms the state-of-the-art systems. It yields an F1-score of 97.85 on the i2b2 2014 dataset, "
                        + "with a recall 97.38 and a precision of 97.32.");
        assertEquals(3, rs.size(), rs::toString);
        assertResult(rs.get(0), "ANN", "i2b2 2014", "F1-score", "97.85", false);
        assertResult(rs.get(1), "ANN", "i2b2 2014", "recall", "97.38", false);
        assertResult(rs.get(2), "ANN", "i2b2 2014", "precision", "97.32", false);
    }

    @Test
    void aSetIsNeverItsOwnMethod() {
        List<ResultFinder.FoundResult> rs = results("Learning Type Inference for Enhanced Dataflow Analysis",
                "Our model outperforms the current state-of-the-art by 7.85% on the ManyTypes4TypeScript benchmark, achieving 71.27% accuracy overall.");
        assertTrue(rs.stream().noneMatch(r -> r.dataset().equals(r.method())), rs::toString);
    }

    @Test
    void aScoreInALaterClauseKeepsTheSentencesSubjectAndAMetricNameIsNoVerb() {
        List<ResultFinder.FoundResult> rs = results("De-identification of Patient Notes with Recurrent Neural Networks",
                "Results: Our ANN model outperforms the state-of-the-art systems. It yields an F1-score of 97.85 on the i2b2 2014 dataset, "
                        + "and an F1-score of 99.23 on the MIMIC de-identification dataset.");
        assertEquals(2, rs.size(), rs::toString);
        assertResult(rs.get(1), "ANN", "MIMIC de-identification", "F1-score", "99.23", false);
    }

    @Test
    void aNamedSplitIsWhereTheScoreWasMeasured() {
        List<ResultFinder.FoundResult> rs = results("Learning to Collocate Neural Modules for Image Captioning",
                "In particular, CNM achieves a new state-of-the-art 127.9 CIDEr-D on Karpathy split.");
        assertEquals(1, rs.size(), rs::toString);
        assertResult(rs.get(0), "CNM", "Karpathy split", "CIDEr-D", "127.9", false);
        assertEquals(List.of(), results("X", "Our model achieves 81.2% accuracy on test split."), "an unnamed split is no dataset");
    }
}
