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
}
