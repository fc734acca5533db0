package org.papergraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.papergraph.extract.text.Token;

/**
 * Finds the dataset a title says the paper builds: a noun phrase headed by corpus, dataset, data set, database,
 * databank or benchmark ("MOROCO: The Moldavian and Romanian Dialectal Corpus" gives "The Moldavian and Romanian
 * Dialectal Corpus"). This is the ORKG CS-NER title convention, where a title's dataset is the resource the paper
 * introduces and a corpus named in passing is not one.
 *
 * <p>Every rule was read off the ORKG CS-NER train titles ({@code full dataset/train.data}, 882 dataset spans), where
 * the phrase rule scores partial P 0.65 / R 0.69 (docs/EVALUATION.md):
 * <ul>
 *   <li>heads: only those that are mostly a dataset when they head a title phrase (corpus 0.64, dataset 0.51,
 *       database 0.39); corpora, treebank, lexicon, collection and WordNet scored 0.00-0.17 there (they are
 *       resources used, or annotated as the paper's solution), so they are no heads;</li>
 *   <li>the head ends the phrase: the next word is missing, punctuation or a preposition ("Corpus for ...");
 *       "Corpus Construction" or "Dataset Creation" are activities, and "corpus and ..." coordinations scored 0.12;</li>
 *   <li>the phrase runs left to a determiner (kept, as the annotators did), punctuation or a preposition, and over
 *       "X and Y" when both words are capitalised (a name: "Moldavian and Romanian");</li>
 *   <li>a bare head ("Corpus") is no name (0.06), nor a phrase right after a verb in -ing ("Building a Corpus",
 *       0.10: the paper's activity, annotated as a task or solution).</li>
 * </ul>
 * Stateless.
 */
final class TitleDatasets {
    private TitleDatasets() {}

    private static final Set<String> HEADS = Set.of("corpus", "dataset", "data-set", "database", "databank", "benchmark");
    /** Words after a head that leave the head at the end of its phrase. */
    private static final Set<String> AFTER = Set.of("of", "for", "with", "in", "from", "to", "on", "at", "by", "as", "via", "using");
    /** Words the phrase does not extend left over. */
    private static final Set<String> BEFORE = Set.of("of", "for", "with", "in", "from", "to", "on", "at", "by", "as", "via", "using",
            "towards", "toward", "into", "over", "and", "or", "vs", "versus");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the");

    /** Token ranges {@code {from, to}} of the dataset phrases of a title's tokens, in order. */
    static List<int[]> find(List<Token> toks) {
        List<int[]> out = new ArrayList<>();
        int n = toks.size();
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            int head = i;
            if (t.lower().equals("set") && i > 0 && toks.get(i - 1).lower().equals("data")) head = i - 1;
            else if (!HEADS.contains(t.lower())) continue;
            if (i + 1 < n) {
                Token next = toks.get(i + 1);
                if (!next.isPunct() && !AFTER.contains(next.lower())) continue;
            }
            int s = left(toks, head);
            if (i + 1 - s < 2) continue;
            if (s > 0 && toks.get(s - 1).lower().endsWith("ing")) continue;
            out.add(new int[] {s, i + 1});
        }
        return out;
    }

    /** Start of the phrase whose head starts at token {@code head}. */
    private static int left(List<Token> toks, int head) {
        int s = head;
        while (s > 0) {
            Token p = toks.get(s - 1);
            String w = p.lower();
            if (p.isPunct()) break;
            if (DETERMINERS.contains(w)) return s - 1;
            if (BEFORE.contains(w)) {
                // "Moldavian and Romanian": a coordination of two capitalised words is part of a name.
                if ((w.equals("and") || w.equals("or")) && s >= 2 && capitalised(toks.get(s)) && capitalised(toks.get(s - 2))
                        && !toks.get(s - 2).isPunct()) {
                    s -= 2;
                    continue;
                }
                break;
            }
            s--;
        }
        return s;
    }

    private static boolean capitalised(Token t) { return Character.isUpperCase(t.text().charAt(0)); }

    /** "NAME:" opening a title, right before the phrase (or before its article: the mention leaves that out). */
    private static final Pattern NAME_BEFORE = Pattern.compile("^\\s*(\\p{L}[\\p{L}\\p{N}\\-_.+']{0,30}(?:\\s[\\p{L}\\p{N}][\\p{L}\\p{N}\\-_.+']{0,20}){0,2})\\s*:\\s*(?:(?i:the|an|a)\\s+)?$");
    /** "(NAME)" right after the phrase. */
    private static final Pattern NAME_AFTER = Pattern.compile("^\\s*\\((\\p{L}[\\p{L}\\p{N}\\-_.+']{1,30})\\)");

    /**
     * The short name a title gives the dataset phrase [{@code start}, {@code end}): "MOROCO" in "MOROCO: The ...
     * Corpus", "PeerRead" in "A Dataset of Peer Reviews (PeerRead)"; null when there is none. The name must show a
     * capital letter or a digit inside a word, as acronyms and coined names do ("Corpus Linguistics:" is no
     * name).
     */
    static String shortName(String title, int start, int end) {
        Matcher m = NAME_BEFORE.matcher(title.substring(0, start));
        if (m.find() && coined(m.group(1))) return m.group(1);
        m = NAME_AFTER.matcher(title.substring(end));
        if (m.find() && coined(m.group(1))) return m.group(1);
        return null;
    }

    /**
     * Whether {@code phrase} spells out {@code shortName}: the short name's letters and digits occur in the phrase in
     * order, the first at the start of one of its words ("MOROCO" in "Moldavian and Romanian Dialectal Corpus"). A
     * title's description that does not ("ImageNet: A large-scale hierarchical image database") is not another name of
     * the dataset.
     */
    static boolean abbreviates(String shortName, String phrase) {
        // A version or year at the end of the short name need not be spelt out ("CORD-19").
        String s = shortName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "").replaceAll("\\d+$", "");
        String p = phrase.toLowerCase(java.util.Locale.ROOT);
        if (s.isEmpty()) return false;
        for (int start = 0; start < p.length(); start++) {
            if (p.charAt(start) != s.charAt(0) || (start > 0 && Character.isLetterOrDigit(p.charAt(start - 1)))) continue;
            int i = 1;
            for (int j = start + 1; j < p.length() && i < s.length(); j++) {
                if (p.charAt(j) == s.charAt(i)) i++;
            }
            if (i == s.length()) return true;
        }
        return false;
    }

    private static boolean coined(String name) {
        for (String word : name.split("\\s+")) {
            for (int i = 1; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isUpperCase(c) || Character.isDigit(c)) return true;
            }
        }
        return false;
    }
}
