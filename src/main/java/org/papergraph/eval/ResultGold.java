package org.papergraph.eval;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.papergraph.extract.text.Tokenizer;

/**
 * A hand-read result gold file: one stated result per line, {@code id TAB method TAB dataset TAB metric TAB value TAB
 * lowerIsBetter}, ids and facts only (no sentences). A name field may list spellings a reader would accept, split by
 * {@code |} ("WMT 2014 English-German|WMT'14 English-German"); {@code *} in the method field is the paper's own
 * method where the text gives it no name ("our approach achieves ..."): a prediction without a method; a name the
 * paper gives its method elsewhere is listed beside it ("*|DMTL").
 *
 * <p>Matching a predicted result: same paper, same value, and each of dataset, metric (and method) matching one of
 * the gold spellings: the word-and-number tokens of one ({@link #tokens}) a contiguous run of the other's, so
 * "ImageNet" matches "ImageNet-1K" and "top-1 accuracy" matches "Accuracy", but "CIFAR-10" does not match
 * "CIFAR-100"; and the predicted direction (lower is better) equal to the gold's. A predicted result without a
 * method matches only a gold {@code *}, and {@code *} matches nothing else.
 *
 * <p>Split: a paper is in the tune part when the CRC-32 of its id (as written in the file) is even, else in the
 * report part. Rules are written looking at the tune part only; both parts are reported.
 */
public final class ResultGold {
    /**
     * A predicted result; {@code method} null when the text names none (the paper's own method). {@code labels},
     * when not null, is the same result under the names the graph gives its entities; either form may match.
     */
    public record Tuple(String method, String dataset, String metric, BigDecimal value, Boolean lowerIsBetter, Tuple labels) {
        public Tuple(String method, String dataset, String metric, BigDecimal value) { this(method, dataset, metric, value, null, null); }
    }

    /** One gold result: accepted spellings per field, the value and the direction a reader gives its metric. */
    public record Fact(List<String> methods, List<String> datasets, List<String> metrics, BigDecimal value, boolean lowerIsBetter) {
        /**
         * True when {@code p} states this fact, as written or under its entities' labels, with the metric's direction
         * the gold gives (when {@code p} states one).
         */
        public boolean matches(Tuple p) {
            if (p.lowerIsBetter() != null && p.lowerIsBetter() != lowerIsBetter) return false;
            return matchesAsWritten(p) || p.labels() != null && matchesAsWritten(p.labels());
        }

        private boolean matchesAsWritten(Tuple p) {
            if (p.value() == null || p.value().compareTo(value) != 0) return false;
            if (!anyName(p.dataset(), datasets) || !anyName(p.metric(), metrics)) return false;
            return methodName(p.method(), methods);
        }
    }

    /** Which part of a gold set a paper is in. */
    public enum Part { TUNE, REPORT;
        public String label() { return this == TUNE ? "tune" : "report"; }
    }

    private final Map<String, List<Fact>> facts;

    private ResultGold(Map<String, List<Fact>> facts) { this.facts = facts; }

    /** Reads a gold file; a malformed line is an error naming the file and line. */
    public static ResultGold read(Path file) throws IOException {
        Map<String, List<Fact>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length < 5) throw new IOException(file + ":" + (i + 1) + ": expected id, method, dataset, metric, value (TAB-separated)");
            BigDecimal v;
            try {
                v = new BigDecimal(f[4].strip());
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": value is not a number: " + f[4]);
            }
            out.computeIfAbsent(f[0].strip(), k -> new ArrayList<>()).add(new Fact(alternatives(f[1]), alternatives(f[2]),
                    alternatives(f[3]), v, f.length > 5 && f[5].strip().equals("true")));
        }
        return new ResultGold(out);
    }

    private static List<String> alternatives(String field) {
        return Arrays.stream(field.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The gold results of paper {@code id}; empty when it states none. */
    public List<Fact> of(String id) { return facts.getOrDefault(id, List.of()); }

    /** Every paper id with at least one gold result. */
    public java.util.Set<String> ids() { return facts.keySet(); }

    /** The part paper {@code id} is in: tune when the CRC-32 of the id is even. */
    public static Part part(String id) {
        CRC32 c = new CRC32();
        c.update(id.getBytes(StandardCharsets.UTF_8));
        return c.getValue() % 2 == 0 ? Part.TUNE : Part.REPORT;
    }

    static boolean anyName(String predicted, List<String> gold) {
        for (String g : gold) if (g.equals("*") || sameName(predicted, g)) return true;
        return false;
    }

    /** A method matches a spelling; {@code *} is the paper's own method unnamed, which only a prediction without a method is. */
    static boolean methodName(String predicted, List<String> gold) {
        if (predicted == null) return gold.contains("*");
        for (String g : gold) if (!g.equals("*") && sameName(predicted, g)) return true;
        return false;
    }

    /** Word-and-number tokens of one name a contiguous run of the other's. */
    static boolean sameName(String a, String b) {
        if (a == null || b == null) return false;
        List<String> ta = tokens(a), tb = tokens(b);
        if (ta.isEmpty() || tb.isEmpty()) return false;
        return run(ta, tb) || run(tb, ta);
    }

    private static boolean run(List<String> small, List<String> big) {
        for (int i = 0; i + small.size() <= big.size(); i++) {
            if (big.subList(i, i + small.size()).equals(small)) return true;
        }
        return false;
    }

    /** Lower-case runs of letters and runs of digits: "CIFAR-100" is [cifar, 100], "ImageNet-1K" [imagenet, 1, k]. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int kind = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int k = Character.isDigit(c) ? 1 : Character.isLetter(c) ? 2 : 0;
            if (k != kind && cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            if (k != 0) cur.append(Character.toLowerCase(c));
            kind = k;
        }
        if (cur.length() > 0) out.add(cur.toString());
        // "F1-score" and "F1 score" are one name whatever joins them: the key decides within a token run.
        return out.stream().map(Tokenizer::key).filter(t -> !t.isEmpty()).toList();
    }
}
