package org.papergraph.extract;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.papergraph.vocab.EntityType;

/**
 * The confidence of a mention: the probability that it is right, from its own evidence, by a logistic model per
 * field (title, abstract) fitted on the tune parts of the dev sets ({@link #fit}; {@code papergraph build-models}).
 * The evidence ({@link Evidence}): what found the span (tagger, lexicon, title-dataset phrase) and of which type,
 * how clearly the tagger chose it (its margin), whether the other source agrees or read the words as another type,
 * the span's shape (one lower-case word, a coined name such as "ResNet-50", all lower case, its length), whether the
 * text defines it ("Convolutional Neural Network (CNN)"), whether the noun-phrase rules had to trim or complete it,
 * and how often the same name recurs in the field. Calibrated: among the tune mentions with confidence at least c,
 * about a share c is right; {@code papergraph eval --calibration} shows the same on the report parts.
 *
 * <p>{@link #SHOWN} is the one threshold the pages, the {@code mentions} query and {@code eval} use by default.
 * Immutable; safe to share.
 */
public final class Confidence {
    /**
     * Mentions with at least this confidence are the ones shown by default: on paper pages, in the entity lists, by
     * the {@code mentions} query without {@code minConfidence}, and scored by {@code papergraph eval}. Chosen on the
     * tune parts of the dev sets (docs/EVALUATION.md). Every mention stays in the graph with its confidence.
     */
    public static final double SHOWN = 0.5;

    public static final String FILE = "confidence.tsv";

    /** What a span's confidence is computed from. */
    public record Evidence(EntityFinder.Field field, EntityFinder.Source source, EntityType type, float margin,
                           boolean agrees, boolean conflicts, int tokens, boolean lowerOneWord, boolean coined,
                           boolean allLower, boolean defined, boolean adjusted, int repeats, boolean kind) {
        /** The same evidence with {@code n} other spans of the same name and type in the field. */
        public Evidence withRepeats(int n) {
            return new Evidence(field, source, type, margin, agrees, conflicts, tokens, lowerOneWord, coined, allLower, defined, adjusted, n, kind);
        }

        /** The same evidence for a span read as {@code t}. */
        public Evidence withType(EntityType t) {
            return new Evidence(field, source, t, margin, agrees, conflicts, tokens, lowerOneWord, coined, allLower, defined, adjusted, repeats, kind);
        }
    }

    /** Feature names, in vector order: the bias, one per source and type, then the evidence. */
    static final List<String> NAMES;
    private static final int BIAS = 0, SOURCE_TYPE = 1;
    private static final int MARGIN, AGREES, CONFLICTS, ONE_WORD, LONG, LOWER_ONE, COINED, ALL_LOWER, DEFINED, ADJUSTED, REPEATS, KIND;

    static {
        List<String> n = new ArrayList<>(List.of("bias"));
        for (EntityFinder.Source s : EntityFinder.Source.values()) for (EntityType t : EntityType.values()) n.add(s.label() + "." + t.label());
        MARGIN = n.size();
        n.addAll(List.of("tagger-margin", "agrees", "conflicts", "one-word", "four-words-or-more", "one-lower-case-word", "coined",
                "all-lower-case", "defined", "trimmed-or-completed", "repeats", "kind-of-thing"));
        AGREES = MARGIN + 1;
        CONFLICTS = MARGIN + 2;
        ONE_WORD = MARGIN + 3;
        LONG = MARGIN + 4;
        LOWER_ONE = MARGIN + 5;
        COINED = MARGIN + 6;
        ALL_LOWER = MARGIN + 7;
        DEFINED = MARGIN + 8;
        ADJUSTED = MARGIN + 9;
        REPEATS = MARGIN + 10;
        KIND = MARGIN + 11;
        NAMES = List.copyOf(n);
    }

    /** The feature vector of {@code e} (length {@code NAMES.size()}). */
    static double[] features(Evidence e) {
        double[] x = new double[NAMES.size()];
        x[BIAS] = 1;
        x[SOURCE_TYPE + e.source().ordinal() * EntityType.values().length + e.type().ordinal()] = 1;
        if (e.source() == EntityFinder.Source.TAGGER) x[MARGIN] = Math.log1p(Math.max(0, Math.min(e.margin(), 1000f)));
        if (e.agrees()) x[AGREES] = 1;
        if (e.conflicts()) x[CONFLICTS] = 1;
        if (e.tokens() == 1) x[ONE_WORD] = 1;
        if (e.tokens() >= 4) x[LONG] = 1;
        if (e.lowerOneWord()) x[LOWER_ONE] = 1;
        if (e.coined()) x[COINED] = 1;
        if (e.allLower() && e.tokens() > 1) x[ALL_LOWER] = 1;
        if (e.defined()) x[DEFINED] = 1;
        if (e.adjusted()) x[ADJUSTED] = 1;
        if (e.repeats() > 0) x[REPEATS] = Math.log1p(e.repeats());
        if (e.kind()) x[KIND] = 1;
        return x;
    }

    /** Weights per field (by ordinal), in {@link #NAMES} order. */
    private final double[][] weights;

    private Confidence(double[][] weights) { this.weights = weights; }

    /** A model that gives every span {@code p}: a stand-in while a model is being fitted. */
    public static Confidence constant(double p) {
        double[][] w = new double[EntityFinder.Field.values().length][NAMES.size()];
        for (double[] f : w) f[BIAS] = Math.log(p / (1 - p));
        return new Confidence(w);
    }

    private static final class Holder {
        static final Confidence SHIPPED = resource("/extract/" + FILE);
    }

    /** The model shipped in the jar for the accurate extraction, loaded on first use. */
    public static Confidence shipped() { return Holder.SHIPPED; }

    /** A model from a classpath resource. */
    static Confidence resource(String path) {
        try (InputStream in = Confidence.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weight of feature {@code name} ({@link #NAMES}) in the model of {@code field}. */
    public double weight(EntityFinder.Field field, String name) { return weights[field.ordinal()][NAMES.indexOf(name)]; }

    /** The feature names, in the order of the model file. */
    public static List<String> featureNames() { return NAMES; }

    /**
     * A phrase that names a kind of thing ({@link Evidence#kind()}: "neural network models") is kept with at most this
     * confidence, below {@link #SHOWN}: it stays in the graph with its evidence for whoever asks, but pages and lists do
     * not show it. A rule, not a fit: SciERC annotates such phrases, so its gold alone would show them (ADR 0027;
     * the cost is measured in docs/EVALUATION.md).
     */
    public static final double KIND_CAP = 0.45;

    /** The probability that a span with evidence {@code e} is right, rounded to two decimals. */
    public double of(Evidence e) {
        double[] w = weights[e.field().ordinal()];
        double[] x = features(e);
        double z = 0;
        for (int i = 0; i < x.length; i++) z += w[i] * x[i];
        double p = Math.round(100 / (1 + Math.exp(-z))) / 100.0;
        return e.kind() ? Math.min(p, KIND_CAP) : p;
    }

    static Confidence read(InputStream in) throws IOException {
        double[][] w = new double[EntityFinder.Field.values().length][NAMES.size()];
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            int field = -1;
            for (EntityFinder.Field x : EntityFinder.Field.values()) if (x.label().equals(f[0])) field = x.ordinal();
            int feature = NAMES.indexOf(f[1]);
            if (field < 0 || feature < 0) throw new IOException("unknown confidence weight: " + line);
            w[field][feature] = Double.parseDouble(f[2]);
        }
        return new Confidence(w);
    }

    /** Writes the weights ({@code field TAB feature TAB weight}), fields and features in order, after {@code header}. */
    void write(Path out, List<String> header) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String h : header) w.write("# " + h + "\n");
            for (EntityFinder.Field f : EntityFinder.Field.values()) {
                for (int i = 0; i < NAMES.size(); i++) {
                    w.write(f.label() + "\t" + NAMES.get(i) + "\t" + String.format(Locale.ROOT, "%.6f", weights[f.ordinal()][i]) + "\n");
                }
            }
        }
    }

    /** One fitting example: a span's evidence and whether it was right. */
    public record Example(Evidence evidence, boolean right) {}

    /** L2 penalty of the fit: small data (a few hundred spans per field) needs it. */
    static final double L2 = 1.0;

    /**
     * Fits one logistic model per field to {@code examples} by Newton's method with an L2 penalty (the bias is not
     * penalised). Deterministic: features in name order, a fixed number of steps.
     */
    public static Confidence fit(List<Example> examples) {
        double[][] out = new double[EntityFinder.Field.values().length][];
        for (EntityFinder.Field field : EntityFinder.Field.values()) {
            List<double[]> xs = new ArrayList<>();
            List<Boolean> ys = new ArrayList<>();
            for (Example e : examples) {
                if (e.evidence().field() != field) continue;
                xs.add(features(e.evidence()));
                ys.add(e.right());
            }
            out[field.ordinal()] = newton(xs, ys, NAMES.size());
        }
        return new Confidence(out);
    }

    private static double[] newton(List<double[]> xs, List<Boolean> ys, int d) {
        double[] w = new double[d];
        for (int step = 0; step < 50; step++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int j = 0; j < d; j++) {
                // The bias is not penalised; features never seen get a zero weight from the penalty alone.
                g[j] = j == BIAS ? 0 : L2 * w[j];
                h[j][j] = j == BIAS ? 1e-6 : L2;
            }
            for (int n = 0; n < xs.size(); n++) {
                double[] x = xs.get(n);
                double z = 0;
                for (int j = 0; j < d; j++) z += w[j] * x[j];
                double p = 1 / (1 + Math.exp(-z));
                double r = p - (ys.get(n) ? 1 : 0);
                double v = p * (1 - p);
                for (int i = 0; i < d; i++) {
                    if (x[i] == 0) continue;
                    g[i] += r * x[i];
                    for (int j = 0; j < d; j++) if (x[j] != 0) h[i][j] += v * x[i] * x[j];
                }
            }
            double[] delta = solve(h, g);
            double change = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= delta[j];
                change = Math.max(change, Math.abs(delta[j]));
            }
            if (change < 1e-9) break;
        }
        return w;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} is symmetric positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) s -= m[r][k] * x[k];
            x[r] = s / m[r][r];
        }
        return x;
    }
}
