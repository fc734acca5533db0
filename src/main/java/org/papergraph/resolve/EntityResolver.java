package org.papergraph.resolve;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.papergraph.extract.Metrics;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.text.Tokenizer;

/**
 * Resolves an entity mention to its canonical name, so every spelling of one real thing gets one IRI, and never
 * across types. Order: the surface without leading determiners; spellings a rule folds (below); then the lexicon
 * entry with the same key (letters and digits, lower-cased: "ResNet-50", "ResNet50", "ResNet 50"), whose name is
 * given as the literature writes it ({@link #preferred}: "R-CNN", not the table spelling "R*CNN"); else the folded
 * surface, whose IRI ({@link Iris#entitySlug}) already folds hyphens and spaces between letters and digits.
 *
 * <p>Rules, each measured on the Papers with Code names ({@code papergraph eval}, "Entity resolution"):
 * <ul>
 * <li>Metrics: {@link Metrics#canonical} ("Top-1" and "top-1 accuracy" are "Top-1 Accuracy"; "F1 score", "F1-score"
 * and "F-measure" are "F1"; "mean IU" is "mIoU"; split words such as "test" are dropped).
 * <li>Methods: a plural of a known name or of a name ending in a capital or a digit is the name ("GATs", "CNNs",
 * "ResNets"); a size written out is the size letter ("ViT-Huge" is "ViT-H", "ViT-Large/16" is "ViT-L/16"), unless
 * the lexicon knows the written-out name ("BERT-Large").
 * <li>Datasets: "MS-COCO", "MS COCO" and "Microsoft COCO" are the dataset without its publisher ("COCO") when the
 * lexicon knows that; a year written "'14" is "2014" ("WMT'14" is "WMT 2014"); a language pair is written
 * "English-German" however it is given ("English to German", "English→German", "En-De").
 * </ul>
 * A dataset's version, size, year, split or language pair makes a variant, its own entity that {@link #variantOf}
 * links to its base ("ImageNet-1K", "SQuAD 2.0", "COCO test-dev", "WMT 2014 English-German" of "WMT 2014").
 *
 * <p>No fuzzy merging at run time, by measurement: on Papers with Code names (docs/EVALUATION.md, "Entity
 * resolution") the key rule merged every spelling variant and no two different entities, while every Levenshtein
 * and Jaro-Winkler threshold tried (with {@link #sameEntity}, which also demands the same digits so "CIFAR-10" and
 * "CIFAR-100" stay apart) added false merges ("Jaro-Winkler 0.93": 226 false merges against no extra true one).
 * Synonyms that no string measure finds ("Chunking" / "Shallow parsing") are lexicon variants. Immutable;
 * thread-safe.
 */
public final class EntityResolver {
    /** Leading determiners and praise ("our", "the proposed"), each followed by a word: "A + B" keeps its "A". */
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:(?:a|an|the|our|this|these|its|their|novel|new|proposed)\\s+(?=\\p{L}))+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    private final Lexicon lexicon;

    public EntityResolver(Lexicon lexicon) { this.lexicon = lexicon; }

    /** The canonical name of a mention of {@code type} written {@code surface}. */
    public String canonical(EntityType type, String surface) {
        String s = LEADING.matcher(surface.strip()).replaceFirst("").strip();
        if (s.isEmpty()) s = surface.strip();
        switch (type) {
            case METRIC -> {
                String m = Metrics.canonical(s);
                if (m == null) m = s;
                // A name Metrics knows is given as Metrics writes it; else the lexicon's, else the folded surface.
                if (Metrics.isKnown(m)) return m;
                Lexicon.Entry e = lexicon.lookup(m);
                return e != null && e.type() == type ? preferred(e) : m;
            }
            case METHOD -> {
                // "Neural Networks" is "Neural Network", though the lexicon lists both (its sources name both).
                String head = singularHead(s);
                if (head != null) {
                    Lexicon.Entry e = lexicon.lookup(head);
                    String known = e != null && e.type() == type ? preferred(e) : null;
                    return known != null && singularHead(known) == null ? known : head;
                }
                Lexicon.Entry e = lexicon.lookup(s);
                if (e != null && e.type() == type) return preferred(e);
                String single = singular(s);
                if (single != null) return single;
                String sized = sized(s);
                return sized != null ? sized : s;
            }
            case DATASET -> {
                String d = dataset(s);
                Lexicon.Entry e = lexicon.lookup(d);
                // "SQuAD v1.1" is the lexicon's "SQuAD1.1": a "v" before a version number is a spelling.
                if (e == null) e = lexicon.lookup(VERSION_V.matcher(d).replaceAll("$1"));
                return e != null && e.type() == type ? preferred(e) : d;
            }
            default -> {
                Lexicon.Entry e = lexicon.lookup(s);
                return e != null && e.type() == type ? preferred(e) : s;
            }
        }
    }

    // ---------------------------------------------------------------- labels

    /** Characters a name is written with in running text; table spellings add others ("R*CNN", "{BERT-base}"). */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} .,'’:&()+/-]+");

    /**
     * The name of a lexicon entry as the literature writes it: its canonical name (the spelling the sources use
     * most), unless that has characters running text does not use ("R*CNN", a table's spelling of another method
     * that shares R-CNN's key) and a variant does not; then the first such variant ("R-CNN").
     */
    public static String preferred(Lexicon.Entry e) {
        if (PLAIN.matcher(e.canonical()).matches()) return e.canonical();
        for (String v : e.variants()) if (PLAIN.matcher(v).matches()) return v;
        return e.canonical();
    }

    // ---------------------------------------------------------------- methods

    /** "GATs", "CNNs", "ResNets": a plural of a known method or of a name ending in a capital or digit. */
    private static final Pattern PLURAL = Pattern.compile("^(.*[A-Za-z0-9])s$");

    private String singular(String s) {
        Matcher m = PLURAL.matcher(s);
        if (!m.matches() || s.indexOf(' ') >= 0 && !s.endsWith("s")) return null;
        String stem = m.group(1);
        if (stem.length() < 2) return null;
        Lexicon.Entry e = lexicon.lookup(stem);
        if (e != null && e.type() == EntityType.METHOD) return preferred(e);
        if (e != null) return null;
        char last = stem.charAt(stem.length() - 1);
        // "GAT", "CNN", "T5": a name whose last letter is a capital or a digit takes a plain "s" as a plural; a last
        // word of one letter does not ("Attention Is", "Deep Us": words, not plurals of "I" or "U").
        String lastWord = stem.substring(Math.max(stem.lastIndexOf(' '), stem.lastIndexOf('-')) + 1);
        boolean acronym = (Character.isUpperCase(last) || Character.isDigit(last)) && stem.chars().anyMatch(Character::isUpperCase)
                && lastWord.length() >= 2;
        return acronym ? stem : null;
    }

    /** Words of a name in running text: letters, hyphens and apostrophes (no digits, brackets or symbols). */
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    /** Small words that make a name a phrase ("Mixture of Experts", "Attend and Tell"): its last word is not its head. */
    private static final java.util.Set<String> LINKS = java.util.Set.of("of", "for", "and", "or", "with", "in", "on", "to",
            "by", "from", "via", "the", "a", "an", "as", "at");

    /**
     * "Neural Networks", "Recurrent Neural Networks", "support vector machines": a name of two or more plain words
     * whose last word, its head, is a regular English plural is the name with its head in the singular ("Neural
     * Network"), so the plural and the singular are one entity and the other spelling an altLabel. Not when a small
     * word makes the name a phrase ("Mixture of Experts"), nor for words whose "s" is no plural ("Dynamics", "Series",
     * "Analysis", "Gaussian Process"). A lexicon that lists both numbers as two names is overruled: one thing.
     */
    String singularHead(String s) {
        String[] words = s.split(" ");
        if (words.length < 2) return null;
        for (String w : words) if (!WORD.matcher(w).matches() || LINKS.contains(w.toLowerCase(Locale.ROOT))) return null;
        String last = words[words.length - 1];
        String lastPart = last.substring(last.lastIndexOf('-') + 1);
        String single = singularWord(lastPart);
        if (single == null) return null;
        return s.substring(0, s.length() - lastPart.length()) + single;
    }

    /** The singular of a regular English plural noun, or null when {@code w} is none ("series", "physics", "class"). */
    static String singularWord(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        if (l.length() < 4 || !l.endsWith("s") || l.endsWith("ss") || l.endsWith("us") || l.endsWith("is") || l.endsWith("ics")
                || l.endsWith("'s") || l.endsWith("’s") || l.equals("series") || l.equals("species") || l.endsWith("as") || l.endsWith("os")) return null;
        // A word in capitals ("GANS", "NETS") is an acronym or a heading, not an English plural.
        if (w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)) return null;
        if (l.endsWith("ies") && l.length() > 4) return w.substring(0, w.length() - 3) + (Character.isUpperCase(w.charAt(w.length() - 3)) ? "Y" : "y");
        if (l.endsWith("sses") || l.endsWith("shes") || l.endsWith("ches") || l.endsWith("xes") || l.endsWith("zes")) return w.substring(0, w.length() - 2);
        return w.substring(0, w.length() - 1);
    }

    private static final Pattern SIZE_WORD = Pattern.compile("^(.*?[A-Za-z0-9])[- ](Huge|Large|Base|Small|Tiny)((?:/\\d+)?)$", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> SIZE_LETTER = Map.of("huge", "H", "large", "L", "base", "B", "small", "S", "tiny", "T");

    /** "ViT-Huge" is "ViT-H", "ViT-Large/16" is "ViT-L/16"; null when the name writes no size out, or it is no model name. */
    private String sized(String s) {
        Matcher m = SIZE_WORD.matcher(s);
        if (!m.matches()) return null;
        String base = m.group(1);
        // Only a model's name takes a size: "ViT", "DeiT", "Swin" (a capital past the first letter, or one word).
        if (base.indexOf(' ') >= 0 || !base.chars().skip(1).anyMatch(Character::isUpperCase) && !base.matches("[A-Z][a-z]+")) return null;
        String shortName = base + "-" + SIZE_LETTER.get(m.group(2).toLowerCase(Locale.ROOT)) + m.group(3);
        Lexicon.Entry e = lexicon.lookup(shortName);
        return e != null && e.type() == EntityType.METHOD ? preferred(e) : shortName;
    }

    // ---------------------------------------------------------------- datasets

    private static final Pattern VERSION_V = Pattern.compile("(?i)\\bv(\\d+(?:\\.\\d+)?)$");
    private static final Pattern PUBLISHER = Pattern.compile("^(?:MS|Microsoft)[- ]?(?=[A-Z])(.+)$");
    private static final Pattern SHORT_YEAR = Pattern.compile("(?<=[A-Za-z])\\s*['’](\\d\\d)\\b");
    private static final Map<String, String> LANGUAGE_CODES = Map.ofEntries(
            Map.entry("en", "English"), Map.entry("de", "German"), Map.entry("fr", "French"), Map.entry("ro", "Romanian"),
            Map.entry("ru", "Russian"), Map.entry("cs", "Czech"), Map.entry("zh", "Chinese"), Map.entry("ja", "Japanese"),
            Map.entry("fi", "Finnish"), Map.entry("tr", "Turkish"), Map.entry("es", "Spanish"), Map.entry("it", "Italian"),
            Map.entry("pt", "Portuguese"), Map.entry("ar", "Arabic"), Map.entry("ko", "Korean"), Map.entry("lv", "Latvian"),
            Map.entry("et", "Estonian"), Map.entry("gu", "Gujarati"), Map.entry("kk", "Kazakh"), Map.entry("lt", "Lithuanian"),
            Map.entry("hi", "Hindi"), Map.entry("ne", "Nepali"), Map.entry("si", "Sinhala"), Map.entry("vi", "Vietnamese"),
            Map.entry("nl", "Dutch"), Map.entry("pl", "Polish"), Map.entry("sv", "Swedish"));
    private static final String LANGUAGE = "(?:English|German|French|Romanian|Russian|Czech|Chinese|Japanese|Finnish|Turkish|Spanish|"
            + "Italian|Portuguese|Arabic|Korean|Latvian|Estonian|Gujarati|Kazakh|Lithuanian|Hindi|Nepali|Sinhala|Vietnamese|Dutch|Polish|Swedish)";
    /** "English to German", "English-to-German", "English→German", "English–German" at the end of a name. */
    private static final Pattern PAIR_WORDS = Pattern.compile("(?i)\\b(" + LANGUAGE + ")\\s*(?:-?\\s*to\\s*-?|→|->|–|—|-|/)\\s*(" + LANGUAGE + ")$");
    /** "En-De", "EN-DE", "en→de" at the end of a name. */
    private static final Pattern PAIR_CODES = Pattern.compile("(?i)(?<=\\s|^)([a-z]{2})\\s*(?:-|→|->|–|/)\\s*([a-z]{2})$");

    /** A dataset name with its spelling folded: publisher prefix, short year, language pair. */
    String dataset(String s) {
        String d = SHORT_YEAR.matcher(s).replaceAll(r -> " " + (Integer.parseInt(r.group(1)) <= 40 ? "20" : "19") + r.group(1));
        Matcher pair = PAIR_WORDS.matcher(d);
        if (pair.find()) {
            d = d.substring(0, pair.start()) + cap(pair.group(1)) + "-" + cap(pair.group(2));
        } else {
            Matcher codes = PAIR_CODES.matcher(d);
            if (codes.find() && codes.start() > 0) {
                String a = LANGUAGE_CODES.get(codes.group(1).toLowerCase(Locale.ROOT)), b = LANGUAGE_CODES.get(codes.group(2).toLowerCase(Locale.ROOT));
                if (a != null && b != null) d = d.substring(0, codes.start()) + a + "-" + b;
            }
        }
        Matcher p = PUBLISHER.matcher(d);
        if (p.matches()) {
            Lexicon.Entry e = lexicon.lookup(p.group(1));
            if (e != null && e.type() == EntityType.DATASET) return preferred(e);
        }
        return d.strip();
    }

    private static String cap(String w) { return Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.ROOT); }

    /** A size suffix ("ImageNet-1K", "ImageNet-21k"): a variant only of a dataset the lexicon knows ("GSM8K" is none). */
    private static final Pattern SIZE_SUFFIX = Pattern.compile("^(.*?[A-Za-z])[-_ ]?(\\d+[kK])$");
    /** A version, year or split suffix: "SQuAD 2.0", "VQA v2", "PASCAL VOC 2012", "i2b2 2014", "COCO test-dev". */
    private static final Pattern VARIANT_SUFFIX = Pattern.compile(
            "(?i)^(.*?[A-Za-z0-9])(?:[-_ ]?(?:[vV]\\d+(?:\\.\\d+)?|\\d+\\.\\d+|(?:19|20)\\d\\d)|[-_ ](?:test-dev|test-std|test|val|validation|dev|minival)(?:\\d{4})?)$");
    /** A language pair after a name: "WMT 2014 English-German" is a variant of "WMT 2014". */
    private static final Pattern PAIR_SUFFIX = Pattern.compile("^(.*?\\S)\\s+" + LANGUAGE + "-" + LANGUAGE + "$");

    /**
     * The dataset a variant is a variant of: its name without a size, version, year or split ("ImageNet-1K",
     * "SQuAD 2.0", "PASCAL VOC 2012", "COCO test-dev"), or without a language pair ("WMT 2014 English-German" of
     * "WMT 2014"), named as the lexicon names it when it knows the base; null when {@code canonical} is no variant.
     * The base must look like a name (a capital or a digit, two letters at least): "CIFAR-10" and "Market-1501" are
     * no variants (their numbers are no year, version or size).
     */
    public String variantOf(String canonical) {
        String c = canonical.strip();
        String base = null;
        Matcher pair = PAIR_SUFFIX.matcher(c);
        Matcher size = SIZE_SUFFIX.matcher(c);
        if (pair.matches()) base = pair.group(1);
        else if (size.matches()) {
            Lexicon.Entry e = lexicon.lookup(size.group(1));
            if (e == null || e.type() != EntityType.DATASET) return null;
            base = size.group(1);
        } else {
            Matcher m = VARIANT_SUFFIX.matcher(c);
            if (m.matches()) base = m.group(1);
        }
        if (base == null) return null;
        base = base.replaceAll("[-_ ]+$", "").strip();
        if (base.chars().filter(Character::isLetter).count() < 2 || base.chars().noneMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch))) return null;
        Lexicon.Entry e = lexicon.lookup(base);
        if (e != null && e.type() != EntityType.DATASET && e.type() != EntityType.TASK) return null;
        String name = e != null && e.type() == EntityType.DATASET ? preferred(e) : base;
        return Tokenizer.key(name).equals(Tokenizer.key(c)) ? null : name;
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
