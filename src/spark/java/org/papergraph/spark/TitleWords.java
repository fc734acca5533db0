package org.papergraph.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.papergraph.resolve.PaperResolver;

/**
 * The words of one normalised title with how many titles of the whole input hold each: all titles, and titles of
 * papers without an arXiv id (the two indexes {@link PaperResolver} ranks a title's words by).
 */
final class TitleWords implements Serializable {
    private static final long serialVersionUID = 1L;

    String[] words;
    int[] all;
    int[] withoutArxiv;
    /** {@link Resolution#WITHOUT_ARXIV} and {@link Resolution#WITH_ARXIV}: which kinds of mention have this title. */
    int kinds;

    TitleWords() {}

    static TitleWords of(Iterable<Object[]> counts) {
        List<Object[]> l = new ArrayList<>();
        counts.forEach(l::add);
        l.sort(Comparator.comparing(o -> (String) o[0]));
        TitleWords t = new TitleWords();
        t.words = new String[l.size()];
        t.all = new int[l.size()];
        t.withoutArxiv = new int[l.size()];
        for (int i = 0; i < l.size(); i++) {
            t.words[i] = (String) l.get(i)[0];
            t.all[i] = (Integer) l.get(i)[1];
            t.withoutArxiv[i] = (Integer) l.get(i)[2];
            t.kinds = (Integer) l.get(i)[3];
        }
        return t;
    }

    /**
     * The words a title is blocked on, for finding similar titles: its {@link PaperResolver#BLOCKING_WORDS} rarest,
     * ties by the word, as the resolver ranks them: among all titles, or ({@code withArxiv}) among titles of papers
     * without an arXiv id, which are all a title with an arXiv id is compared with.
     */
    List<String> blockingWords(boolean withArxiv) {
        int[] counts = withArxiv ? withoutArxiv : all;
        Integer[] idx = new Integer[words.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, Comparator.comparingInt((Integer i) -> counts[i]).thenComparing(i -> words[i]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(PaperResolver.BLOCKING_WORDS, idx.length); i++) out.add(words[idx[i]]);
        return out;
    }
}
