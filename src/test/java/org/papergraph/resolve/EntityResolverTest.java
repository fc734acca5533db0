package org.papergraph.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.lexicon.Lexicon;

class EntityResolverTest {
    final EntityResolver resolver = new EntityResolver(Lexicon.shipped());
    final Iris iris = Iris.defaults();

    @Test
    void spellingVariantsShareOneCanonicalNameAndIri() {
        assertEquals("ResNet-50", resolver.canonical(EntityType.METHOD, "ResNet50"));
        assertEquals("ResNet-50", resolver.canonical(EntityType.METHOD, "ResNet 50"));
        assertEquals(iris.dataset("CIFAR-10"), iris.dataset("CIFAR10"));
        assertNotEquals(iris.dataset("CIFAR-10"), iris.dataset("CIFAR-100"));
        assertNotEquals(iris.method("BERT"), iris.dataset("BERT"));
    }

    @Test
    void taskSynonymsResolveThroughTheLexicon() {
        assertEquals(resolver.canonical(EntityType.TASK, "Chunking"), resolver.canonical(EntityType.TASK, "Shallow parsing"));
    }

    @Test
    void unknownNamesLoseLeadingDeterminersOnly() {
        assertEquals("Zyxwv-Net", resolver.canonical(EntityType.METHOD, "our Zyxwv-Net"));
    }

    @Test
    void variantsPointAtTheirBaseDataset() {
        assertEquals("ImageNet", resolver.variantOf("ImageNet-1K"));
        assertNull(resolver.variantOf("ImageNet"));
        assertNull(resolver.variantOf("CIFAR-10"));
    }

    @Test
    void fuzzyRuleKeepsDifferentDigitsApart() {
        assertFalse(EntityResolver.sameEntity("CIFAR-10", "CIFAR-100", 0.5));
        assertTrue(EntityResolver.sameEntity("ResNet-50", "resnet 50", 0.99));
    }

    /**
     * A name of plain words whose head is in the plural is the singular name: "Gated Recurrent Networks" and "Gated
     * Recurrent Network" are one entity. Not a phrase with a small word ("Mixture of Experts"), nor a head whose "s"
     * is no plural ("Dynamics", "Series", "Analysis"). Fails without {@code singularHead}.
     */
    @Test
    void aPluralHeadIsTheSingularName() {
        assertEquals("Gated Recurrent Network", resolver.canonical(EntityType.METHOD, "Gated Recurrent Networks"));
        assertEquals("Gated Recurrent Network", resolver.canonical(EntityType.METHOD, "Gated Recurrent Network"));
        assertEquals("sparse mixing strategy", resolver.canonical(EntityType.METHOD, "sparse mixing strategies"));
        assertEquals("Ordinal Regression Process", resolver.canonical(EntityType.METHOD, "Ordinal Regression Processes"));
        assertEquals("Frobenius-Tied Approach", resolver.canonical(EntityType.METHOD, "Frobenius-Tied Approaches"));
        assertEquals("Mixture of Quirky Experts", resolver.canonical(EntityType.METHOD, "Mixture of Quirky Experts"));
        assertEquals("Latent Spring Dynamics", resolver.canonical(EntityType.METHOD, "Latent Spring Dynamics"));
        assertEquals("Seasonal Rainfall Series", resolver.canonical(EntityType.METHOD, "Seasonal Rainfall Series"));
        assertEquals("Fourier Plume Analysis", resolver.canonical(EntityType.METHOD, "Fourier Plume Analysis"));
        assertEquals("Quirkier", resolver.canonical(EntityType.METHOD, "Quirkier"));
        // The shipped lexicon lists both numbers of some names as two names; they are one entity all the same.
        assertEquals(resolver.canonical(EntityType.METHOD, "Convolutional Neural Network"),
                resolver.canonical(EntityType.METHOD, "convolutional neural networks"));
        assertEquals(iris.method(resolver.canonical(EntityType.METHOD, "graph echo networks")),
                iris.method(resolver.canonical(EntityType.METHOD, "Graph Echo Network")));
    }

    @Test
    void nameVariantsAndPluralsAreOneEntity() {
        assertEquals(resolver.canonical(EntityType.DATASET, "COCO"), resolver.canonical(EntityType.DATASET, "MS-COCO"));
        assertEquals("COCO", resolver.canonical(EntityType.DATASET, "Microsoft COCO"));
        assertEquals("COCO", resolver.canonical(EntityType.DATASET, "MS COCO"));
        assertEquals(resolver.canonical(EntityType.METHOD, "ViT-H"), resolver.canonical(EntityType.METHOD, "ViT-Huge"));
        assertEquals("ViT-L/16", resolver.canonical(EntityType.METHOD, "ViT-Large/16"));
        assertEquals("GAT", resolver.canonical(EntityType.METHOD, "GATs"));
        assertEquals("ResNet", resolver.canonical(EntityType.METHOD, "ResNets"));
        assertEquals("CNN", resolver.canonical(EntityType.METHOD, "CNNs"));
        assertEquals("Top-1 Accuracy", resolver.canonical(EntityType.METRIC, "Top-1"));
        assertEquals("Top-1 Accuracy", resolver.canonical(EntityType.METRIC, "top-1 accuracy"));
        assertEquals("F1", resolver.canonical(EntityType.METRIC, "F1 score"));
        assertEquals("F1", resolver.canonical(EntityType.METRIC, "F1-score"));
        // Not plurals: a known name ending in s, a word.
        assertEquals("FixRes", resolver.canonical(EntityType.METHOD, "FixRes"));
        assertEquals("Zyxwvs", resolver.canonical(EntityType.METHOD, "Zyxwvs"));
        assertEquals("Attention Is", resolver.canonical(EntityType.METHOD, "Attention Is"));
        // Not a size: a letter that means something else keeps its name.
        assertEquals("CDnCNN-B", resolver.canonical(EntityType.METHOD, "CDnCNN-B"));
    }

    @Test
    void labelsAreWrittenAsInTheLiterature() {
        // The lexicon's entry for the key "rcnn" is spelled "R*CNN" by a leaderboard table; papers write "R-CNN".
        assertEquals("R-CNN", resolver.canonical(EntityType.METHOD, "R-CNN"));
        assertEquals("R-CNN", resolver.canonical(EntityType.METHOD, "R*CNN"));
        assertEquals(iris.method("R-CNN"), iris.method(resolver.canonical(EntityType.METHOD, "R-CNN")));
    }

    @Test
    void subsetsAndVariantsAreTheirOwnEntityLinkedToTheirParent() {
        assertEquals("SQuAD", resolver.variantOf(resolver.canonical(EntityType.DATASET, "SQuAD 2.0")));
        assertEquals(resolver.canonical(EntityType.DATASET, "SQuAD 2.0"), resolver.canonical(EntityType.DATASET, "SQuAD v2.0"));
        assertNotEquals(resolver.canonical(EntityType.DATASET, "SQuAD 2.0"), resolver.canonical(EntityType.DATASET, "SQuAD v1.1"));
        String wmt = resolver.canonical(EntityType.DATASET, "WMT 2014 English-German");
        assertEquals(wmt, resolver.canonical(EntityType.DATASET, "WMT'14 English to German"));
        assertEquals(wmt, resolver.canonical(EntityType.DATASET, "WMT 2014 EN-DE"));
        assertEquals(iris.dataset("WMT 2014"), iris.dataset(resolver.variantOf(wmt)));
        assertNotEquals(wmt, resolver.canonical(EntityType.DATASET, "WMT 2014 English-French"));
        assertEquals("COCO", resolver.variantOf("COCO test-dev"));
        assertEquals("ImageNet", resolver.variantOf(resolver.canonical(EntityType.DATASET, "ImageNet-1k")));
        assertNull(resolver.variantOf("GSM8K"));
        assertNull(resolver.variantOf("Market-1501"));
    }
}
