package org.papergraph.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * In-place sort of the 4-long tuples of an array ({@code t[4k..4k+3]} is tuple {@code k}) by the columns
 * {@code order} gives, each compared as an unsigned number (the byte order of TDB2's index keys).
 *
 * <p>A most-significant-digit radix sort (American flag sort): a range of tuples is split into up to 256 buckets by
 * eight bits of one column, moved into place by swaps, and each bucket is sorted the same way by the next bits. Only
 * the bits that vary in a range are looked at: one pass finds the highest bit in which the range's values of the
 * column differ, so the constant high bits of node ids (most of them: ids are offsets into the node file, or inline
 * values whose type sits in the top byte) cost nothing, and a column that is the same across a range (one graph, one
 * predicate) is skipped in one pass. Small ranges are sorted by insertion. It replaced a quicksort that compared
 * whole tuples, 24% of the CPU of a bulk load of 1M papers (docs/BENCHMARKS.md).
 */
final class TupleSort {
    private TupleSort() {}

    /** Ranges smaller than this are sorted on one thread. */
    static final int PARALLEL_MIN = 1 << 16;
    /** Ranges up to this size are sorted by insertion. */
    private static final int SMALL = 24;
    private static final int BITS = 8;
    private static final int RADIX = 1 << BITS;
    /** Levels of splitting at most: each takes the next 8 varying bits of a column, or its last few. */
    private static final int MAX_DEPTH = 40;

    /** Sorts the first {@code n} tuples of {@code t} on the calling thread. */
    static void sort(long[] t, int n, int[] order) {
        if (n > 1) new Sorter(t, order).sort(0, n, 0, 64, 0);
    }

    /** Sorts on {@code pool}'s threads: the buckets of a range in parallel, down to {@link #PARALLEL_MIN} tuples. */
    static void sort(long[] t, int n, int[] order, ForkJoinPool pool) {
        if (n > 1) pool.invoke(new Part(t, order, 0, n, 0, 64));
    }

    /** Sorts a range in parallel: split by one digit here, then each big bucket as a task of its own. */
    private static final class Part extends RecursiveAction {
        private final long[] t;
        private final int[] order;
        private final int lo;
        private final int hi;
        private final int c;
        private final int bits;

        Part(long[] t, int[] order, int lo, int hi, int c, int bits) {
            this.t = t;
            this.order = order;
            this.lo = lo;
            this.hi = hi;
            this.c = c;
            this.bits = bits;
        }

        @Override
        protected void compute() {
            Sorter s = new Sorter(t, order);
            if (hi - lo < PARALLEL_MIN) {
                s.sort(lo, hi, c, bits, 0);
                return;
            }
            int[] at = {c, bits};
            int[] starts = s.split(lo, hi, at, 0);
            if (starts == null) return; // sorted already (small, or every column equal)
            List<Part> big = new ArrayList<>();
            int nc = at[0], nbits = at[1];
            for (int b = 0; b < RADIX; b++) {
                int from = starts[b], to = starts[b + 1];
                if (to - from < 2) continue;
                if (to - from >= PARALLEL_MIN) big.add(new Part(t, order, from, to, nc, nbits));
                else s.sort(from, to, nc, nbits, 1);
            }
            invokeAll(big);
        }
    }

    /** One thread's sorting state: the digit counts of each recursion depth, reused. */
    private static final class Sorter {
        private final long[] t;
        private final int[] o;
        private final int[][] starts = new int[MAX_DEPTH][];
        private final int[][] next = new int[MAX_DEPTH][];

        Sorter(long[] t, int[] order) {
            this.t = t;
            this.o = order;
        }

        /**
         * Sorts tuples {@code lo..hi-1}, all of which agree on the columns before {@code c} and on the bits of column
         * {@code c} from bit {@code bits} up.
         */
        void sort(int lo, int hi, int c, int bits, int depth) {
            int[] at = {c, bits};
            int[] s = split(lo, hi, at, depth);
            if (s == null) return;
            for (int b = 0; b < RADIX; b++) {
                if (s[b + 1] - s[b] > 1) sort(s[b], s[b + 1], at[0], at[1], depth + 1);
            }
        }

        /**
         * Sorts a small range, or splits a big one into buckets by the next varying digit. Returns the buckets' starts
         * (bucket {@code b} is {@code starts[b]..starts[b+1]-1}) and leaves in {@code at} the column and bit position
         * the buckets are still to be sorted from; returns null when the range is sorted.
         */
        int[] split(int lo, int hi, int[] at, int depth) {
            int c = at[0], bits = at[1];
            while (true) {
                if (hi - lo <= SMALL) {
                    insertion(lo, hi, c);
                    return null;
                }
                if (c == 4) return null; // every tuple of the range is the same
                int col = o[c];
                long mask = bits == 64 ? -1L : (1L << bits) - 1;
                long first = t[4 * lo + col];
                long diff = 0;
                for (int i = 4 * (lo + 1) + col, end = 4 * hi; i < end; i += 4) diff |= t[i] ^ first;
                diff &= mask;
                if (diff == 0) {
                    c++;
                    bits = 64;
                    continue;
                }
                int shift = Math.max(0, 63 - Long.numberOfLeadingZeros(diff) - BITS + 1);
                int[] s = buckets(lo, hi, col, shift, depth);
                at[0] = shift == 0 ? c + 1 : c;
                at[1] = shift == 0 ? 64 : shift;
                return s;
            }
        }

        /** Counts the digits {@code (v >>> shift) & 255} of column {@code col} and moves each tuple into its bucket. */
        private int[] buckets(int lo, int hi, int col, int shift, int depth) {
            int[] s = starts[depth];
            int[] nx = next[depth];
            if (s == null) {
                s = starts[depth] = new int[RADIX + 1];
                nx = next[depth] = new int[RADIX];
            } else {
                Arrays.fill(s, 0);
            }
            for (int i = 4 * lo + col, end = 4 * hi; i < end; i += 4) s[(int) (t[i] >>> shift) & (RADIX - 1)]++;
            int sum = lo;
            for (int b = 0; b < RADIX; b++) {
                int k = s[b];
                s[b] = sum;
                nx[b] = sum;
                sum += k;
            }
            s[RADIX] = hi;
            for (int b = 0; b < RADIX; b++) {
                int end = s[b + 1];
                while (nx[b] < end) {
                    int i = nx[b];
                    int d = (int) (t[4 * i + col] >>> shift) & (RADIX - 1);
                    while (d != b) {
                        swap(i, nx[d]++);
                        d = (int) (t[4 * i + col] >>> shift) & (RADIX - 1);
                    }
                    nx[b]++;
                }
            }
            return s;
        }

        /** Insertion sort of a small range whose tuples agree on the columns before {@code c}. */
        private void insertion(int lo, int hi, int c) {
            for (int i = lo + 1; i < hi; i++) {
                for (int j = i; j > lo && compare(j - 1, j, c) > 0; j--) swap(j - 1, j);
            }
        }

        private int compare(int a, int b, int from) {
            int x = 4 * a, y = 4 * b;
            for (int c = from; c < 4; c++) {
                int r = Long.compareUnsigned(t[x + o[c]], t[y + o[c]]);
                if (r != 0) return r;
            }
            return 0;
        }

        private void swap(int a, int b) {
            int x = 4 * a, y = 4 * b;
            for (int c = 0; c < 4; c++) {
                long v = t[x + c];
                t[x + c] = t[y + c];
                t[y + c] = v;
            }
        }
    }
}
