package org.papergraph.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Names and titles in IRIs keep every letter (issue 21): transliterated, never dropped. */
class TransliterationTest {
    private static final Iris IRIS = Iris.defaults();

    private static String person(String name) {
        return IRIS.person(name, null).getURI().substring(Iris.DEFAULT_BASE.length());
    }

    @Test
    void lettersWithoutADecompositionAreSpelledOut() {
        assertEquals("person/lukasz-kaiser", person("Łukasz Kaiser"));
        assertEquals("person/pawel-wawrzynski", person("Paweł Wawrzyński"));
        assertEquals("person/soren-kierkegaard", person("Søren Kierkegaard"));
        assertEquals("person/jurgen-schmidhuber", person("Jürgen Schmidhuber"));
        assertEquals("person/thomas-muller-strasse", person("Thomas Müller-Straße"));
        assertEquals("person/dinh-phung", person("Đinh Phùng"));
        assertEquals("person/jon-thor-thorsson", person("Jón Þór Þórsson"));
        assertEquals("person/caglar-gulcehre", person("Çağlar Gülçehre"));
        assertEquals("person/aelfric-oeuvre", person("Ælfric Œuvre"));
    }

    @Test
    void greekCyrillicAndOtherScriptsAreNotDropped() {
        assertEquals("method/alpha-gan", IRIS.method("α-GAN").getURI().substring(Iris.DEFAULT_BASE.length()));
        assertNotEquals(IRIS.method("α-GAN"), IRIS.method("β-GAN"));
        assertEquals("person/andrei-kolmogorov", person("Андрей Колмогоров"));
        // A CJK name keeps each character, as its code point: two names never share a slug.
        assertEquals("person/u5f20-u4f1f", person("张伟"));
        assertNotEquals(person("张伟"), person("王伟"));
        assertEquals(Iris.normaliseTitle("β-VAE: Learning Basic Visual Concepts"), "beta vae learning basic visual concepts");
    }

    @Test
    void asciiAndAccentedLatinAreAsBefore() {
        assertEquals("person/geoffrey-hinton", person("Geoffrey Hinton"));
        assertEquals("person/yann-lecun", person("Yann LeCun"));
        assertEquals("person/helene-francois", person("Hélène François"));
        assertEquals("fine-tuning", Iris.slug("ﬁne-tuning"));
    }
}
