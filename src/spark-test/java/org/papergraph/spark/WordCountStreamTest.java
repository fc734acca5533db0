package org.papergraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The sorted word stream of {@link Resolution}, cut into tasks anywhere (a common word over several), counts as one
 * pass over the whole stream does: each row gets the number of titles before it holding its word, all and those
 * carried without an arXiv id. No Spark here: the cutting is what a range partitioner may do.
 */
class WordCountStreamTest {
    @Test
    void countsCarryAcrossTasksWhereverTheStreamIsCut() {
        Random random = new Random(7);
        String[] words = {"able", "graph", "learning", "model", "zebra"};
        List<WordEvent> stream = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // "learning" is most of the stream, so it spans several tasks.
            String w = random.nextInt(3) == 0 ? words[random.nextInt(words.length)] : "learning";
            byte kind = (byte) random.nextInt(3);
            stream.add(WordEvent.title(w, random.nextInt(1000), random.nextInt(5) - 1, kind, "t" + i));
        }
        stream.sort(null);
        List<int[]> whole = counted(List.of(stream), Resolution.carriedCounts(List.<Object[]>of(tail(0, stream))));
        for (int trial = 0; trial < 50; trial++) {
            List<List<WordEvent>> tasks = new ArrayList<>();
            int start = 0;
            while (start < stream.size()) {
                // Some tasks empty, some a handful of rows, some long.
                int end = Math.min(stream.size(), start + random.nextInt(random.nextBoolean() ? 4 : 120));
                tasks.add(stream.subList(start, end));
                start = end;
            }
            List<Object[]> tails = new ArrayList<>();
            for (int i = tasks.size() - 1; i >= 0; i--) tails.add(tail(i, tasks.get(i)));
            List<int[]> cut = counted(tasks, Resolution.carriedCounts(tails));
            for (int i = 0; i < stream.size(); i++) {
                assertEquals(whole.get(i)[0], cut.get(i)[0], "all, row " + i + " in trial " + trial);
                assertEquals(whole.get(i)[1], cut.get(i)[1], "without, row " + i + " in trial " + trial);
            }
        }
        // And the counts are the titles before each row.
        for (int i = 0; i < stream.size(); i++) {
            int all = 0, without = 0;
            for (int j = 0; j < i; j++) {
                if (!stream.get(j).word.equals(stream.get(i).word)) continue;
                if (stream.get(j).kind == WordEvent.TITLE) all++;
                if (stream.get(j).kind == WordEvent.TITLE_WITHOUT_ARXIV) without++;
            }
            assertEquals(all, whole.get(i)[0]);
            assertEquals(without, whole.get(i)[1]);
        }
    }

    private static Object[] tail(int index, List<WordEvent> part) { return Resolution.tail(index, part.iterator()); }

    private static List<int[]> counted(List<List<WordEvent>> tasks, List<Object[]> carried) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Resolution.Counter c = new Resolution.Counter(carried.get(i));
            for (WordEvent e : tasks.get(i)) out.add(c.next(e));
        }
        return out;
    }
}
