package org.papergraph.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.storage.StorageLevel;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;
import org.papergraph.source.PaperMatch;
import org.papergraph.source.PaperRecord;
import scala.Tuple2;

/**
 * Paper resolution across all inputs as Spark joins, with {@link PaperResolver}'s own decisions.
 *
 * <p>The resolver of {@code convert} sees every record and reference in input order and links each to the paper
 * an earlier one named under the same arXiv id, DOI, OpenAlex, S2 or Papers with Code id, or the same or a similar
 * title. What it decides for one mention depends only on the earlier mentions it can meet: those sharing a key (an
 * IRI minted from an identifier or title), directly or through others, or having a similar title. So here:
 * <ol>
 *   <li>every mention's keys are the hashes of the IRIs its identifiers and title mint;</li>
 *   <li>for every mention with a title, how many titles the mentions before it carried hold each of its words
 *       (all of them, and those carried by mentions without an arXiv id): the counts the resolver ranks the title's
 *       words by at that point; they come from one stream of words and positions, sorted and counted in order;</li>
 *   <li>pairs of similar titles are found by joining each mention's title, on its rarest words by those counts,
 *       with the titles before it that hold them, and kept when {@link PaperResolver#similarityAtLeast} reaches
 *       the threshold: these join the two titles' keys;</li>
 *   <li>the keys' connected components are computed by label propagation (no index of every paper anywhere);</li>
 *   <li>each component's mentions are sorted into input order and given to a new {@link PaperResolver}, one
 *       mention at a time ({@link PaperResolver#resolvePaper}, {@link PaperResolver#resolveReference}), ranking
 *       each title's words by the counts before its mention ({@link PaperResolver#rankWordsBy}).</li>
 * </ol>
 * A component holds every mention that could change a decision within it, so the resolver decides as it would
 * have with all of them; merging components (a hash collision) changes nothing. Mentions whose one key no other
 * mention has keep their own IRI and are not grouped at all.
 */
final class Resolution {
    private Resolution() {}

    /**
     * The links resolution makes, keyed by slice index: for each mention that resolves to a paper under another
     * key, a {@link Directive} for its record. The intermediate RDDs it caches are added to {@code cached}: the
     * caller releases them once it has computed the links (held through extraction, they only make the
     * collector's work bigger).
     */
    static JavaPairRDD<Integer, Directive> links(JavaRDD<Mention> mentions, String base, double threshold,
                                                 int partitions, java.util.function.Consumer<String> stage,
                                                 List<RDD<?>> cached) {
        HashPartitioner hp = new HashPartitioner(partitions);

        // 1. Where each long-enough title is first carried, by any mention and by one without an arXiv id: the
        //    positions at which the resolver's two word indexes gain it. Position: record, then reference number.
        JavaPairRDD<String, long[]> firsts = mentions.filter(m -> m.matchTitle != null)
                .mapToPair(m -> new Tuple2<>(m.matchTitle, m.arxiv == null
                        ? new long[] {m.record, m.ref, m.record, m.ref} : new long[] {m.record, m.ref, Long.MAX_VALUE, 0}))
                .reduceByKey(Resolution::earlier, partitions);

        // 2. How many titles before each mention hold each word of its title: a stream of the titles' words at
        //    their first positions and the mentions' words at theirs, sorted by word and position (range-
        //    partitioned, so a common word spreads over several tasks), counted in order. A task starts a word with
        //    the counts the tasks before it ended that word with.
        JavaRDD<WordEvent> events = firsts.flatMap(t -> {
            List<WordEvent> out = new ArrayList<>();
            for (String w : PaperResolver.words(t._1)) {
                out.add(WordEvent.title(w, t._2[0], (int) t._2[1], WordEvent.TITLE, t._1));
                if (t._2[2] != Long.MAX_VALUE) out.add(WordEvent.title(w, t._2[2], (int) t._2[3], WordEvent.TITLE_WITHOUT_ARXIV, t._1));
            }
            return out.iterator();
        }).union(mentions.filter(m -> m.matchTitle != null).flatMap(m -> {
            List<WordEvent> out = new ArrayList<>();
            for (String w : PaperResolver.words(m.matchTitle)) out.add(WordEvent.query(w, m));
            return out.iterator();
        }));
        JavaRDD<WordEvent> sorted = events.mapToPair(e -> new Tuple2<>(e, Boolean.TRUE)).sortByKey(true, partitions).keys()
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        cached.add(sorted.rdd());
        List<Object[]> tails = sorted.mapPartitionsWithIndex((i, it) -> List.<Object[]>of(tail(i, it)).iterator(), true).collect();
        List<Object[]> carried = carriedCounts(tails);
        // Each mention's counts, from the mentions' rows of the stream.
        JavaPairRDD<Long, MentionWords> mentionWords = sorted.mapPartitionsWithIndex((i, it) -> {
            Counter c = new Counter(carried.get(i));
            List<Tuple2<Tuple2<Long, Integer>, Object[]>> out = new ArrayList<>();
            while (it.hasNext()) {
                WordEvent e = it.next();
                int[] n = c.next(e);
                if (e.kind == WordEvent.QUERY) out.add(new Tuple2<>(new Tuple2<>(e.record, e.ref), new Object[] {e, n[0], n[1]}));
            }
            return out.iterator();
        }, true).mapToPair(x -> x).groupByKey(partitions)
                .mapToPair(x -> {
                    MentionWords mw = MentionWords.of(x._2);
                    return new Tuple2<>(mw.key, mw);
                }).persist(StorageLevel.MEMORY_AND_DISK_SER());
        cached.add(mentionWords.rdd());
        // Each title's rank among the titles holding a word (in either index), in buckets of RANK_BUCKET ranks.
        JavaPairRDD<Tuple2<String, Integer>, Tuple2<String, Integer>> ranked = sorted.mapPartitionsWithIndex((i, it) -> {
            Counter c = new Counter(carried.get(i));
            List<Tuple2<Tuple2<String, Integer>, Tuple2<String, Integer>>> out = new ArrayList<>();
            while (it.hasNext()) {
                WordEvent e = it.next();
                int[] n = c.next(e);
                if (e.kind == WordEvent.TITLE) out.add(bucketed(e.word, false, n[0] + 1, e.title));
                if (e.kind == WordEvent.TITLE_WITHOUT_ARXIV) out.add(bucketed(e.word, true, n[1] + 1, e.title));
            }
            return out.iterator();
        }, true).mapToPair(x -> x);

        // 3. Pairs of similar titles: each mention's title with the titles before it that hold one of its rarest
        //    words (by the counts before it), as the resolver finds its candidates there: a mention without an
        //    arXiv id among all titles, one with an arXiv id among titles some mention without one carried (a
        //    reference's arXiv id may be dropped as a conflicting identifier: among both). The candidates for a
        //    word counted n are the first n titles holding it; a title is asked once per word, for the largest n.
        JavaPairRDD<Tuple2<String, Integer>, Tuple2<String, Integer>> queries = mentionWords.values().flatMapToPair(mw -> {
            List<Tuple2<Tuple2<String, Boolean>, Tuple2<String, Integer>>> out = new ArrayList<>();
            if (!mw.arxiv || mw.reference) {
                for (Object[] b : mw.blockingWords(false)) out.add(new Tuple2<>(new Tuple2<>((String) b[0], false), new Tuple2<>(mw.title, (Integer) b[1])));
            }
            if (mw.arxiv) {
                for (Object[] b : mw.blockingWords(true)) out.add(new Tuple2<>(new Tuple2<>((String) b[0], true), new Tuple2<>(mw.title, (Integer) b[1])));
            }
            return out.iterator();
        }).filter(q -> q._2._2 > 0)
                .mapToPair(q -> new Tuple2<>(new Tuple2<>(q._1, q._2._1), q._2._2))
                .reduceByKey(Math::max, partitions)
                .flatMapToPair(q -> {
                    List<Tuple2<Tuple2<String, Integer>, Tuple2<String, Integer>>> out = new ArrayList<>();
                    for (int b = 0; b <= (q._2 - 1) / RANK_BUCKET; b++) {
                        out.add(new Tuple2<>(new Tuple2<>(q._1._1._1, bucketKey(q._1._1._2, b)), new Tuple2<>(q._1._2, q._2)));
                    }
                    return out.iterator();
                });
        JavaPairRDD<Long, Long> similar = queries.join(ranked, partitions).values()
                .filter(p -> p._2._2 <= p._1._2 && !p._1._1.equals(p._2._1)
                        && PaperResolver.similarityAtLeast(p._1._1, p._2._1, threshold) >= threshold)
                .mapToPair(p -> {
                    Iris iris = new Iris(base);
                    return new Tuple2<>(Mention.titleKey(iris, p._1._1), Mention.titleKey(iris, p._2._1));
                });

        // 4. The key graph: each mention's keys joined in a star, and similar titles; then its components.
        JavaPairRDD<Long, Long> star = mentions.filter(m -> m.keys.length > 1).flatMapToPair(m -> {
            List<Tuple2<Long, Long>> out = new ArrayList<>(m.keys.length - 1);
            for (int i = 1; i < m.keys.length; i++) out.add(new Tuple2<>(m.keys[0], m.keys[i]));
            return out.iterator();
        });
        JavaPairRDD<Long, Long> edges = star.union(similar)
                .flatMapToPair(e -> List.of(e, new Tuple2<>(e._2, e._1)).iterator())
                .distinct(partitions).partitionBy(hp).persist(StorageLevel.MEMORY_AND_DISK_SER());
        cached.add(edges.rdd());
        JavaPairRDD<Long, Long> labels = edges.reduceByKey(hp, Math::min)
                .mapToPair(x -> new Tuple2<>(x._1, Math.min(x._1, x._2)));
        labels = labels.partitionBy(hp).persist(StorageLevel.MEMORY_AND_DISK_SER());
        int rounds = 0;
        while (true) {
            rounds++;
            JavaPairRDD<Long, Long> messages = edges.join(labels).mapToPair(x -> new Tuple2<>(x._2._1, x._2._2));
            JavaPairRDD<Long, Long> next = labels.union(messages).reduceByKey(hp, Math::min)
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            long changed = next.join(labels).filter(x -> x._2._1 < x._2._2).count();
            labels.unpersist(false);
            labels = next;
            if (changed == 0) break;
        }
        cached.add(labels.rdd());
        stage.accept("resolution: key components found in " + rounds + " round(s) of label propagation");

        // 5. Each mention in its component (mentions alone with their one key are left as they are), with the
        //    counts of its title's words; the mentions are shuffled once more, to their component, and never cached.
        JavaPairRDD<Long, Mention> byComponent = mentions.mapToPair(m -> new Tuple2<>(m.keys[0], m))
                .join(labels, partitions)
                .mapToPair(x -> new Tuple2<>(x._2._2, x._2._1));
        JavaPairRDD<Long, MentionWords> componentWords = mentionWords.join(labels, partitions)
                .mapToPair(x -> new Tuple2<>(x._2._2, x._2._1));

        // 6. The resolver, once per component, over its mentions in input order.
        JavaPairRDD<Integer, Directive> out = byComponent.cogroup(componentWords, partitions).flatMapToPair(c -> {
            List<Mention> ms = new ArrayList<>();
            c._2._1.forEach(ms::add);
            Map<Tuple2<Long, Integer>, MentionWords> words = new HashMap<>();
            for (MentionWords mw : c._2._2) words.put(new Tuple2<>(mw.record, mw.ref), mw);
            return resolveComponent(ms, new Iris(base), threshold, words).iterator();
        });
        return out;
    }

    /** Ranks per join key of {@link #ranked}: a word's titles are joined with its queries this many at a time. */
    static final int RANK_BUCKET = 4096;

    /** The earlier of two first positions of a title ({@code {record, ref, record, ref}}: any mention, one without an arXiv id). */
    static long[] earlier(long[] a, long[] b) {
        long[] out = new long[4];
        boolean aFirst = a[0] < b[0] || (a[0] == b[0] && a[1] <= b[1]);
        out[0] = aFirst ? a[0] : b[0];
        out[1] = aFirst ? a[1] : b[1];
        boolean aFirstWithout = a[2] < b[2] || (a[2] == b[2] && a[3] <= b[3]);
        out[2] = aFirstWithout ? a[2] : b[2];
        out[3] = aFirstWithout ? a[3] : b[3];
        return out;
    }

    private static int bucketKey(boolean withoutArxiv, int bucket) { return bucket * 2 + (withoutArxiv ? 1 : 0); }

    private static Tuple2<Tuple2<String, Integer>, Tuple2<String, Integer>> bucketed(String word, boolean withoutArxiv,
                                                                                   int rank, String title) {
        return new Tuple2<>(new Tuple2<>(word, bucketKey(withoutArxiv, (rank - 1) / RANK_BUCKET)), new Tuple2<>(title, rank));
    }

    /**
     * What task {@code index} of the sorted word stream ends with: {@code {index, first word, last word, and the last
     * word's title counts in the task (all, without an arXiv id)}}; the words are null when the task has no row.
     */
    static Object[] tail(int index, java.util.Iterator<WordEvent> it) {
        String first = null, last = null;
        int all = 0, without = 0;
        while (it.hasNext()) {
            WordEvent e = it.next();
            if (first == null) first = e.word;
            if (!e.word.equals(last)) { last = e.word; all = 0; without = 0; }
            if (e.kind == WordEvent.TITLE) all++;
            if (e.kind == WordEvent.TITLE_WITHOUT_ARXIV) without++;
        }
        return new Object[] {index, first, last, all, without};
    }

    /**
     * For each task of the sorted word stream ({@code tails}: index, first word, last word, and the last word's
     * title counts in it), the word and counts the tasks before it end with: {@code {word, all, without}}.
     */
    static List<Object[]> carriedCounts(List<Object[]> tails) {
        List<Object[]> sorted = new ArrayList<>(tails);
        sorted.sort(Comparator.comparingInt(t -> (Integer) t[0]));
        List<Object[]> out = new ArrayList<>();
        String word = null;
        int all = 0, without = 0;
        for (Object[] t : sorted) {
            out.add(new Object[] {word, all, without});
            String first = (String) t[1], last = (String) t[2];
            if (first == null) continue;
            if (first.equals(last) && last.equals(word)) {
                all += (Integer) t[3];
                without += (Integer) t[4];
            } else {
                word = last;
                all = (Integer) t[3];
                without = (Integer) t[4];
            }
        }
        return out;
    }

    /** Counts a task's part of the sorted word stream: per word, the titles before the current row. */
    static final class Counter {
        private String word;
        private int all, without;

        Counter(Object[] carried) {
            word = (String) carried[0];
            all = (Integer) carried[1];
            without = (Integer) carried[2];
        }

        /** The counts before {@code e} ({@code {all, without}}), then {@code e} counted. */
        int[] next(WordEvent e) {
            if (!e.word.equals(word)) { word = e.word; all = 0; without = 0; }
            int[] before = {all, without};
            if (e.kind == WordEvent.TITLE) all++;
            if (e.kind == WordEvent.TITLE_WITHOUT_ARXIV) without++;
            return before;
        }
    }

    /**
     * Runs a fresh resolver over one component's mentions in input order, each title's words ranked by the counts
     * before that mention ({@code words}, by record and reference number); the links it makes.
     */
    static List<Tuple2<Integer, Directive>> resolveComponent(List<Mention> ms, Iris iris, double threshold,
                                                              Map<Tuple2<Long, Integer>, MentionWords> words) {
        ms.sort(Comparator.comparingLong((Mention m) -> m.record).thenComparingInt(m -> m.ref));
        PaperResolver resolver = new PaperResolver(iris, threshold);
        Map<Long, Node> citing = new HashMap<>();
        List<Tuple2<Integer, Directive>> out = new ArrayList<>();
        for (Mention m : ms) {
            MentionWords mw = words.get(new Tuple2<>(m.record, m.ref));
            resolver.rankWordsBy((w, withArxiv) -> {
                int n = mw == null ? -1 : mw.count(w, withArxiv);
                if (n < 0) throw new IllegalStateException("no count of the word '" + w + "' before record " + m.record + ", reference " + m.ref);
                return n;
            });
            PaperMatch match;
            if (m.ref < 0) {
                PaperRecord r = m.paperRecord();
                match = resolver.resolvePaper(r);
                citing.put(m.record, match == null ? resolver.ownIri(r) : match.paper());
            } else {
                // A citing paper outside this component cannot be what a reference here resolves to.
                match = resolver.resolveReference(m.reference(), citing.get(m.record));
            }
            if (match != null) out.add(new Tuple2<>(m.slice(), Directive.link(m.seq(), m.ref, match)));
        }
        return out;
    }
}
