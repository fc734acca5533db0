package org.papergraph.resolve;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.text.Tokenizer;

/**
 * Resolves an entity mention to its canonical name, so every spelling of one real thing gets one IRI, and never
 * across types. Order: the lexicon entry with the same key (letters and digits, lower-cased: "ResNet-50",
 * "ResNet50", "ResNet 50"); else the surface itself without leading determiners, whose IRI
 * ({@link Iris#entitySlug}) already folds hyphens and spaces between letters and digits.
 *
 * <p>No fuzzy merging at run time, by measurement: on Papers with Code names (docs/EVALUATION.md, "Entity
 * resolution") the key rule merged every spelling variant and no two different entities, while every Levenshtein
 * and Jaro-Winkler threshold tried (with {@link #sameEntity}, which also demands the same digits so "CIFAR-10" and
 * "CIFAR-100" stay apart) added false merges ("Jaro-Winkler 0.93": 226 false merges against no extra true one).
 * Synonyms that no string measure finds ("Chunking" / "Shallow parsing") are lexicon variants. Immutable;
 * thread-safe.
 */
public final class EntityResolver {
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:(?:a|an|the|our|this|these|its|their|novel|new|proposed)\\s+)+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** A version or size suffix that makes a variant of a dataset: "-1K", " v2", "-2012", "-21k". */
    private static final Pattern VARIANT_SUFFIX = Pattern.compile("(?i)^(.*?[A-Za-z])[-_ ]?(\\d+[kK]|[vV]\\d+(?:\\.\\d+)?|(?:19|20)\\d\\d)$");
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    private final Lexicon lexicon;

    public EntityResolver(Lexicon lexicon) { this.lexicon = lexicon; }

    /** The canonical name of a mention of {@code type} written {@code surface}. */
    public String canonical(EntityType type, String surface) {
        Lexicon.Entry e = lexicon.lookup(surface);
        if (e != null && e.type() == type) return e.canonical();
        String s = LEADING.matcher(surface.strip()).replaceFirst("");
        return s.isEmpty() ? surface.strip() : s;
    }

    /**
     * The dataset a versioned or sized dataset name is a variant of ("ImageNet-1K" of "ImageNet"), when the base
     * is a known dataset; else null.
     */
    public String variantOf(String canonical) {
        Matcher m = VARIANT_SUFFIX.matcher(canonical.strip());
        if (!m.matches()) return null;
        Lexicon.Entry base = lexicon.lookup(m.group(1));
        return base != null && base.type() == EntityType.DATASET && !Tokenizer.key(base.canonical()).equals(Tokenizer.key(canonical))
                ? base.canonical() : null;
    }

    /** The fuzzy merge rule measured by {@code papergraph eval}: same digits and Jaro-Winkler of the keys at least {@code threshold}. */
    public static boolean sameEntity(String a, String b, double threshold) {
        String ka = Tokenizer.key(a), kb = Tokenizer.key(b);
        if (ka.equals(kb)) return true;
        if (!digits(ka).equals(digits(kb))) return false;
        return JW.apply(ka, kb) >= threshold;
    }

    static String digits(String key) {
        StringBuilder sb = new StringBuilder();
        Matcher m = DIGITS.matcher(key);
        while (m.find()) sb.append(m.group()).append(',');
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
