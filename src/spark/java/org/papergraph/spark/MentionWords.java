package org.papergraph.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.papergraph.resolve.PaperResolver;

/**
 * The words of one mention's title with how many titles of the records and references before it hold each (all of
 * them, and those some record or reference without an arXiv id carried): the counts {@link PaperResolver} ranks the
 * title's words by when it looks for a similar title at that point of the input.
 */
final class MentionWords implements Serializable {
    private static final long serialVersionUID = 1L;

    long record;
    int ref;
    /** The mention's first key, its normalised title, whether it has an arXiv id and is a reference. */
    long key;
    String title;
    boolean arxiv, reference;
    /** Sorted. */
    String[] words;
    int[] all;
    int[] withoutArxiv;

    MentionWords() {}

    /** From the counted {@link WordEvent#QUERY} rows of one mention, each {@code {event, count, countWithout}}. */
    static MentionWords of(Iterable<Object[]> rows) {
        List<Object[]> l = new ArrayList<>();
        rows.forEach(l::add);
        l.sort(Comparator.comparing(o -> ((WordEvent) o[0]).word));
        MentionWords t = new MentionWords();
        WordEvent first = (WordEvent) l.get(0)[0];
        t.record = first.record;
        t.ref = first.ref;
        t.key = first.key;
        t.title = first.title;
        t.arxiv = first.arxiv;
        t.reference = first.reference;
        t.words = new String[l.size()];
        t.all = new int[l.size()];
        t.withoutArxiv = new int[l.size()];
        for (int i = 0; i < l.size(); i++) {
            t.words[i] = ((WordEvent) l.get(i)[0]).word;
            t.all[i] = (Integer) l.get(i)[1];
            t.withoutArxiv[i] = (Integer) l.get(i)[2];
        }
        return t;
    }

    /** The count of {@code word} (one of {@link #words}); -1 when it is not one of them. */
    int count(String word, boolean withArxiv) {
        int i = java.util.Arrays.binarySearch(words, word);
        return i < 0 ? -1 : (withArxiv ? withoutArxiv : all)[i];
    }

    /**
     * The words the title is blocked on when it looks for a similar title: its {@link PaperResolver#BLOCKING_WORDS}
     * rarest, ties by the word, as the resolver ranks them: among all earlier titles, or ({@code withArxiv}) among
     * those of records and references without an arXiv id, which are all a title with an arXiv id is compared with.
     * Each with its count: the candidates are the first that many titles holding the word.
     */
    List<Object[]> blockingWords(boolean withArxiv) {
        int[] counts = withArxiv ? withoutArxiv : all;
        Integer[] idx = new Integer[words.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, Comparator.comparingInt((Integer i) -> counts[i]).thenComparing(i -> words[i]));
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(PaperResolver.BLOCKING_WORDS, idx.length); i++) {
            out.add(new Object[] {words[idx[i]], counts[idx[i]]});
        }
        return out;
    }
}
