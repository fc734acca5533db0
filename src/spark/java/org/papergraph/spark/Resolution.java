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
 *   <li>pairs of similar titles are found by joining each title's rarest words (by their count over the whole
 *       input) with every title holding them, and kept when {@link PaperResolver#similarityAtLeast} reaches the
 *       threshold: these join the two titles' keys;</li>
 *   <li>the keys' connected components are computed by label propagation (no index of every paper anywhere);</li>
 *   <li>each component's mentions are sorted into input order and given to a new {@link PaperResolver}, one
 *       mention at a time ({@link PaperResolver#resolvePaper}, {@link PaperResolver#resolveReference}), ranking
 *       title words by the counts over the whole input ({@link PaperResolver#rankWordsBy}).</li>
 * </ol>
 * A component holds every mention that could change a decision within it, so the resolver decides as it would
 * have with all of them; merging components (a hash collision) changes nothing. Mentions whose one key no other
 * mention has keep their own IRI and are not grouped at all.
 */
final class Resolution {
    /** A title some mention without an arXiv id has; one some mention with an arXiv id has. */
    static final int WITHOUT_ARXIV = 1, WITH_ARXIV = 2;

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

        // 1. Every long-enough title, whether some mention of it has no arXiv id and whether some has one, with how
        //    many titles (and titles of mentions without an arXiv id) hold each of its words.
        JavaPairRDD<String, Integer> titles = mentions.filter(m -> m.matchTitle != null)
                .mapToPair(m -> new Tuple2<>(m.matchTitle, m.arxiv == null ? WITHOUT_ARXIV : WITH_ARXIV))
                .reduceByKey((a, b) -> a | b, partitions);
        JavaPairRDD<String, Tuple2<String, Integer>> wordRows = titles.flatMapToPair(t -> {
            List<Tuple2<String, Tuple2<String, Integer>>> out = new ArrayList<>();
            for (String w : PaperResolver.words(t._1)) out.add(new Tuple2<>(w, t));
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK_SER());
        cached.add(wordRows.rdd());
        JavaPairRDD<String, int[]> counts = wordRows
                .mapToPair(r -> new Tuple2<>(r._1, new int[] {1, (r._2._2 & WITHOUT_ARXIV) != 0 ? 1 : 0}))
                .reduceByKey((a, b) -> new int[] {a[0] + b[0], a[1] + b[1]}, partitions);
        JavaPairRDD<String, TitleWords> titleWords = wordRows.join(counts)
                .mapToPair(x -> new Tuple2<>(x._2._1._1, new Object[] {x._1, x._2._2[0], x._2._2[1], x._2._1._2}))
                .groupByKey(partitions).mapValues(TitleWords::of).persist(StorageLevel.MEMORY_AND_DISK_SER());
        cached.add(titleWords.rdd());

        // 2. Pairs of similar titles. The resolver compares a title without an arXiv id with every title, one with
        //    an arXiv id only with titles of papers without one (by their words' counts in that index): two titles
        //    that only ever came with arXiv ids are never compared. Each title is blocked on its rarest words.
        JavaPairRDD<String, String> queryAll = titleWords.filter(t -> (t._2.kinds & WITHOUT_ARXIV) != 0).flatMapToPair(t -> {
            List<Tuple2<String, String>> out = new ArrayList<>();
            for (String w : t._2.blockingWords(false)) out.add(new Tuple2<>(w, t._1));
            return out.iterator();
        });
        JavaPairRDD<String, String> queryWithout = titleWords.filter(t -> (t._2.kinds & WITH_ARXIV) != 0).flatMapToPair(t -> {
            List<Tuple2<String, String>> out = new ArrayList<>();
            for (String w : t._2.blockingWords(true)) out.add(new Tuple2<>(w, t._1));
            return out.iterator();
        });
        JavaPairRDD<String, String> indexAll = wordRows.mapToPair(r -> new Tuple2<>(r._1, r._2._1));
        JavaPairRDD<String, String> indexWithout = wordRows.filter(r -> (r._2._2 & WITHOUT_ARXIV) != 0)
                .mapToPair(r -> new Tuple2<>(r._1, r._2._1));
        JavaPairRDD<Long, Long> similar = queryAll.join(indexAll, partitions).values()
                .union(queryWithout.join(indexWithout, partitions).values())
                .filter(p -> !p._1.equals(p._2) && PaperResolver.similarityAtLeast(p._1, p._2, threshold) >= threshold)
                .mapToPair(p -> {
                    Iris iris = new Iris(base);
                    return new Tuple2<>(Mention.titleKey(iris, p._1), Mention.titleKey(iris, p._2));
                });

        // 3. The key graph: each mention's keys joined in a star, and similar titles; then its components.
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

        // 4. Each mention in its component (mentions alone with their one key are left as they are), and the words
        //    of each component's titles with their counts. A title is in the component of its key, so these come
        //    from the titles and the labels, each title once; the mentions are shuffled once more, to their
        //    component, and never cached.
        JavaPairRDD<Long, Mention> byComponent = mentions.mapToPair(m -> new Tuple2<>(m.keys[0], m))
                .join(labels, partitions)
                .mapToPair(x -> new Tuple2<>(x._2._2, x._2._1));
        JavaPairRDD<Long, TitleWords> componentWords = titleWords
                .mapToPair(t -> new Tuple2<>(Mention.titleKey(new Iris(base), t._1), t._2))
                .join(labels, partitions)
                .mapToPair(x -> new Tuple2<>(x._2._2, x._2._1));

        // 5. The resolver, once per component, over its mentions in input order.
        JavaPairRDD<Integer, Directive> out = byComponent.cogroup(componentWords, partitions).flatMapToPair(c -> {
            List<Mention> ms = new ArrayList<>();
            c._2._1.forEach(ms::add);
            Map<String, int[]> wordCounts = new HashMap<>();
            for (TitleWords tw : c._2._2) {
                for (int i = 0; i < tw.words.length; i++) wordCounts.put(tw.words[i], new int[] {tw.all[i], tw.withoutArxiv[i]});
            }
            return resolveComponent(ms, new Iris(base), threshold, wordCounts).iterator();
        });
        return out;
    }

    /** Runs a fresh resolver over one component's mentions in input order; the links it makes. */
    static List<Tuple2<Integer, Directive>> resolveComponent(List<Mention> ms, Iris iris, double threshold,
                                                              Map<String, int[]> wordCounts) {
        ms.sort(Comparator.comparingLong((Mention m) -> m.record).thenComparingInt(m -> m.ref));
        PaperResolver resolver = new PaperResolver(iris, threshold);
        resolver.rankWordsBy((w, withArxiv) -> {
            int[] n = wordCounts.get(w);
            return n == null ? 0 : n[withArxiv ? 1 : 0];
        });
        Map<Long, Node> citing = new HashMap<>();
        List<Tuple2<Integer, Directive>> out = new ArrayList<>();
        for (Mention m : ms) {
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
