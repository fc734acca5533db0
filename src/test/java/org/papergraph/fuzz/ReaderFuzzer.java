package org.papergraph.fuzz;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;
import org.papergraph.source.SourcePosition;

/**
 * Damages real files in many ways ({@link Mutation}) and checks that every {@link RecordReader} copes: each case
 * ends within a time limit, with no exception but an {@link IOException} from a stream that really failed (a cut
 * gzip), every accepted record has a title or an identifier (the rule the ingest applies), every rejection names
 * the file and a position, and the records before the damage still read exactly as from the undamaged file; for
 * the formats read line by line ({@link #LINE_FORMATS}), so do the records after it.
 *
 * <p>Seed files are found, not named per reader: {@link #SEED_SOURCES} lists files and folders of real samples,
 * each file's format is detected as {@code papergraph ingest} would, and every reader gets up to
 * {@value #SEEDS_PER_FORMAT} of the files detected as its format. A reader with no seed file is reported, so a
 * new reader is fuzzed as soon as a sample of its format is added to that list.
 *
 * <p>Not thread-safe: one run at a time. Cases run one after another on a worker thread so that a hanging
 * reader is detected by its time limit.
 */
public final class ReaderFuzzer {
    /**
     * Where seed files are looked for, relative to the shared data folder ({@code ../shared}); folders are walked.
     * Add a path here when a reader for a new format arrives.
     */
    public static final List<String> SEED_SOURCES = List.of(
            "seeds",
            "data/arxiv-api-atom",
            "data/arxiv-oai-snapshot-sample",
            "data/paperswithcode",
            "data/openalex-samples",
            "data/opencitations-samples",
            "data/s2orc-samples",
            "data/s2orc-doc2json-fixtures",
            "data/unarxive-sample",
            "data/nlp-tdms-tdmsci/NLP-TDMS/pdfFile_xml");
    /** Seed files inside the project itself, for formats no shared sample is in (papergraph's own format). */
    public static final List<String> PROJECT_SEEDS = List.of("src/main/resources/demo/papers.jsonl",
            // No copy of the Papers with Code archive's datasets and code links files exists in the shared data.
            "src/test/resources/pwc-archive");
    /**
     * Shared samples that come as a tar archive (the unarXive sample), relative to the shared data folder: their
     * files are unpacked by {@link #unpackArchiveSeeds} and given to {@link #findSeeds(Path, Path, List)}.
     */
    public static final List<String> ARCHIVE_SEEDS = List.of("data/unarxive-sample/unarXive_data_sample.tar.gz");

    /**
     * Formats whose readers read each record from its own line or lines and start afresh after them, so damage
     * costs only the records it touches and the records after it must still read. A reader of a single document
     * (a Papers with Code JSON array, TEI, Atom or RDF) cannot find its way back into the document after a syntax
     * error: only the records before the damage are owed there. The JSON readers that also take one pretty-printed
     * document (OpenAlex API responses, an S2ORC paper) are line-based only in their line mode, see {@link Seed}.
     */
    public static final Set<String> LINE_FORMATS = Set.of("arxiv-jsonl", "papergraph-jsonl", "listing",
            "openalex-works", "s2orc", "unarxive", "opencitations-csv", "s2orc-metadata-tsv");
    /**
     * Line formats whose first line is a header naming the columns of every row: damage there may leave no row
     * readable (a reader must not guess columns from a damaged header), so only damage below it owes the later rows.
     */
    public static final Set<String> HEADER_FORMATS = Set.of("opencitations-csv", "s2orc-metadata-tsv");

    /** Files larger than this (after gunzip) are not used as seeds: every case reads the whole file. */
    static final int MAX_SEED_BYTES = 1 << 20;
    static final int SEEDS_PER_FORMAT = 2;
    static final String CASE_FILE = "fuzz-case";

    private final long timeoutMillis;
    private ExecutorService worker;

    /** @param timeoutMillis how long one read may take before the case counts as a hang */
    public ReaderFuzzer(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A real file chosen as a seed, with what its reader makes of it undamaged.
     *
     * @param linePerRecord exactly one record or rejection per non-blank line
     * @param lineFormat    read line by line ({@link #LINE_FORMATS}, and the records are at lines rather than
     *                      entries of one document), so the records after the damage must survive it too
     */
    public record Seed(Path file, RecordReader reader, byte[] bytes, List<PaperRecord> baseline, boolean linePerRecord,
                       boolean lineFormat) {
        @Override public String toString() { return file.getFileName() + " (" + baseline.size() + " records)"; }
    }

    /** What one reader did over all its cases. */
    public static final class Tally {
        public final String format;
        public final List<String> seeds = new ArrayList<>();
        public long cases, accepted, rejected, streamErrors;
        public final List<String> failures = new ArrayList<>();

        Tally(String format) { this.format = format; }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-18s %5d cases  %7d records accepted  %6d rejected  %4d stream errors  %3d failures  seeds: %s",
                    format, cases, accepted, rejected, streamErrors, failures.size(), seeds.isEmpty() ? "NONE" : String.join(", ", seeds));
        }
    }

    /**
     * Finds seed files for every registered reader.
     *
     * @param shared  the shared data folder ({@code ../shared})
     * @param project the project folder, for {@link #PROJECT_SEEDS}
     * @return seeds by format name, in {@link SourceFiles#readers()} order; a reader without seeds maps to an empty list
     */
    public Map<String, List<Seed>> findSeeds(Path shared, Path project) throws IOException {
        return findSeeds(shared, project, List.of());
    }

    /**
     * As {@link #findSeeds(Path, Path)}, with more seed files or folders, such as the files
     * {@link #unpackArchiveSeeds} unpacked.
     */
    public Map<String, List<Seed>> findSeeds(Path shared, Path project, List<Path> extra) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String s : SEED_SOURCES) addFiles(shared.resolve(s), files);
        for (String s : PROJECT_SEEDS) addFiles(project.resolve(s), files);
        for (Path p : extra) addFiles(p, files);
        Map<String, List<Seed>> candidates = new TreeMap<>();
        for (Path f : files) {
            byte[] bytes;
            try (InputStream in = SourceFiles.open(f)) {
                bytes = in.readNBytes(MAX_SEED_BYTES + 1);
            }
            if (bytes.length > MAX_SEED_BYTES) continue;
            Optional<RecordReader> r = SourceFiles.detect(new String(bytes, 0, Math.min(bytes.length, 8192),
                    java.nio.charset.StandardCharsets.UTF_8));
            if (r.isEmpty()) continue;
            Outcome o = read(r.get(), bytes);
            if (o.thrown != null || o.accepted.isEmpty()) continue;
            boolean lineFormat = LINE_FORMATS.contains(r.get().format())
                    && o.accepted.stream().allMatch(x -> x.position().unit().equals("line"));
            candidates.computeIfAbsent(r.get().format(), k -> new ArrayList<>())
                    .add(new Seed(f, r.get(), bytes, o.accepted, linePerRecord(bytes, o), lineFormat));
        }
        Map<String, List<Seed>> seeds = new LinkedHashMap<>();
        for (RecordReader reader : SourceFiles.readers()) {
            List<Seed> c = candidates.getOrDefault(reader.format(), List.of());
            // The file with the most records, then the smallest other one: variety at a bounded cost.
            List<Seed> chosen = new ArrayList<>();
            c.stream().max(Comparator.comparingInt((Seed s) -> s.baseline.size()).thenComparing(s -> -s.bytes.length))
                    .ifPresent(chosen::add);
            c.stream().filter(s -> !chosen.contains(s)).min(Comparator.comparingInt(s -> s.bytes.length))
                    .ifPresent(chosen::add);
            seeds.put(reader.format(), chosen.subList(0, Math.min(SEEDS_PER_FORMAT, chosen.size())));
        }
        return seeds;
    }

    /**
     * Unpacks the files of the {@link #ARCHIVE_SEEDS} archives (plain ustar inside gzip) into {@code dir}, each cut
     * after its last whole line within {@link #MAX_SEED_BYTES}, so a large JSON Lines sample still gives a seed
     * of real, complete lines. Archives that are missing are skipped (a reader left without a seed is reported).
     *
     * @return the folders to pass to {@link #findSeeds(Path, Path, List)}
     */
    public static List<Path> unpackArchiveSeeds(Path shared, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String a : ARCHIVE_SEEDS) {
            Path archive = shared.resolve(a);
            if (!Files.isRegularFile(archive)) continue;
            Path target = dir.resolve(archive.getFileName().toString().replaceAll("\\.tar(\\.gz)?$", ""));
            Files.createDirectories(target);
            try (InputStream in = SourceFiles.open(archive)) {
                byte[] header = new byte[512];
                while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                    String name = tarField(header, 0, 100);
                    long size = Long.parseLong(tarField(header, 124, 12), 8);
                    long padding = (512 - size % 512) % 512;
                    boolean file = header[156] == '0' || header[156] == 0;
                    String base = Path.of(name).getFileName().toString();
                    if (!file || base.startsWith(".") || base.equalsIgnoreCase("license") || base.equalsIgnoreCase("readme")) {
                        in.skipNBytes(size + padding);
                        continue;
                    }
                    byte[] head = in.readNBytes((int) Math.min(size, MAX_SEED_BYTES));
                    in.skipNBytes(size - head.length + padding);
                    int cut = head.length;
                    if (size > head.length) while (cut > 0 && head[cut - 1] != '\n') cut--;
                    if (cut == 0) continue;
                    Path f = target.resolve(base);
                    Files.write(f, Arrays.copyOf(head, cut));
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static String tarField(byte[] header, int from, int length) {
        return new String(header, from, length, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "").strip();
    }

    private static void addFiles(Path p, List<Path> out) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.filter(Files::isRegularFile).filter(x -> {
                String n = x.getFileName().toString().toLowerCase(Locale.ROOT);
                return !n.endsWith(".md") && !n.startsWith("license") && !n.startsWith(".");
            }).sorted().forEach(out::add);
        }
    }

    /** One record per non-blank line: then damage to one line may only cost that line's record. */
    private static boolean linePerRecord(byte[] bytes, Outcome o) {
        if (!o.accepted.stream().allMatch(r -> r.position().unit().equals("line"))) return false;
        long nonBlank = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        return nonBlank == o.accepted.size() + o.rejected.size();
    }

    /**
     * Runs {@code casesPerSeed} cases on each seed, mutations taken in turn, each case's randomness from
     * {@code randomSeed}, the seed file's name and the case number.
     *
     * @param log where to print each failure as it happens and nothing else; may be null
     */
    public Map<String, Tally> run(Map<String, List<Seed>> seeds, int casesPerSeed, long randomSeed, PrintStream log) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Mutation[] kinds = Mutation.values();
        try {
            for (Map.Entry<String, List<Seed>> e : seeds.entrySet()) {
                Tally t = new Tally(e.getKey());
                tallies.put(e.getKey(), t);
                for (Seed seed : e.getValue()) {
                    t.seeds.add(seed.toString());
                    for (int i = 0; i < casesPerSeed; i++) {
                        long caseSeed = randomSeed * 1_000_003L + seed.file.getFileName().toString().hashCode() * 7919L + i;
                        Mutant m = kinds[i % kinds.length].apply(seed.bytes, new Random(caseSeed));
                        String failure = check(seed, m, t);
                        t.cases++;
                        if (failure != null) {
                            String msg = e.getKey() + " / " + seed.file.getFileName() + " / case " + i + " (random "
                                    + caseSeed + ") / " + m + ": " + failure;
                            t.failures.add(msg);
                            if (log != null) log.println("FAIL " + msg);
                        }
                    }
                }
            }
        } finally {
            if (worker != null) worker.shutdownNow();
            worker = null;
        }
        return tallies;
    }

    /** Checks one mutant; returns why it failed, or null. */
    String check(Seed seed, Mutant m, Tally t) {
        Outcome o = read(seed.reader, m.bytes());
        if (o.timedOut) return "no result within " + timeoutMillis + " ms (hang)";
        t.accepted += o.accepted.size();
        t.rejected += o.rejected.size();
        if (o.thrown != null) {
            if (!(o.thrown instanceof IOException)) return "threw " + describe(o.thrown);
            if (!o.streamFailed) return "threw an IOException though the stream did not fail: " + describe(o.thrown);
            t.streamErrors++;
        }
        for (PaperRecord r : o.accepted) {
            // The ingest keeps a record with a title or an identifier (a leaderboard row naming its paper only by
            // a link, an OpenCitations citation known by DOIs) or an entity record (a named method or dataset of no
            // paper); a record with none of these is what must never pass.
            boolean titled = r.title() != null && !r.title().isBlank();
            if (!titled && r.arxivId() == null && r.doi() == null && r.otherIds().isEmpty() && r.entities().isEmpty()) {
                return "accepted a record without a title or an identifier at " + r.position();
            }
            String p = position(r.position());
            if (p != null) return "accepted record " + p;
        }
        for (RecordError err : o.rejected) {
            if (err.reason() == null || err.reason().isBlank()) return "rejection without a reason at " + err.position();
            String p = position(err.position());
            if (p != null) return "rejection " + p;
        }
        if (m.local()) return lostRecords(seed, m, o);
        if (m.kind() == Mutation.GZIP_TRUNCATED) {
            // The stream yields a prefix of the file: what was read must be what the whole file gives there.
            Map<String, String> base = byPosition(seed.baseline, 0);
            for (int i = 0; i < o.accepted.size() - 1; i++) {
                PaperRecord r = o.accepted.get(i);
                if (!fingerprint(r).equals(base.get(key(r.position(), 0)))) {
                    return "record at " + r.position() + " differs from the undamaged file's";
                }
            }
        }
        return null;
    }

    /**
     * Records before the damage, and for line formats ({@link Seed#lineFormat}) after it, must read as from the
     * undamaged file.
     */
    private String lostRecords(Seed seed, Mutant m, Outcome o) {
        byte[] s = seed.bytes;
        long firstLine = 1 + Mutant.newlines(s, 0, m.start());
        long lastLine = 1 + Mutant.newlines(s, 0, Math.max(m.start(), m.end() - 1));
        int shift = m.lineShift(s);
        Map<String, String> got = byPosition(o.accepted, 0);
        Map<String, String> base = byPosition(seed.baseline, 0);

        Outcome prefix = read(seed.reader, Arrays.copyOf(s, m.start()));
        if (prefix.timedOut || prefix.thrown != null) return "reading the undamaged part before the damage failed";
        List<PaperRecord> before = new ArrayList<>();
        for (PaperRecord r : prefix.accepted) {
            if (r.position().unit().equals("line") && r.position().index() >= firstLine) continue;
            before.add(r);
        }
        // A record spanning several lines (or an entry) may end inside the damage though it starts before it.
        if (!seed.linePerRecord && !before.isEmpty()) before.remove(before.size() - 1);
        for (PaperRecord r : before) {
            String k = key(r.position(), 0);
            if (!fingerprint(r).equals(base.get(k))) return "record at " + r.position() + " before the damage reads differently from the undamaged file";
            if (!fingerprint(r).equals(got.get(k))) return "lost or changed good record at " + r.position() + " before the damage";
        }
        // A single-document reader stops at a syntax error: nothing after the damage is owed (LINE_FORMATS).
        if (!seed.lineFormat) return null;
        if (firstLine == 1 && HEADER_FORMATS.contains(seed.reader.format())) return null;
        boolean slackUsed = seed.linePerRecord;
        for (PaperRecord r : seed.baseline) {
            if (!r.position().unit().equals("line") || r.position().index() <= lastLine) continue;
            if (!slackUsed) {
                slackUsed = true;   // the record right after the damage may have absorbed it
                continue;
            }
            if (!fingerprint(r).equals(got.get(key(r.position(), shift)))) {
                return "lost or changed good record at " + r.position() + " (line " + (r.position().index() + shift)
                        + " in the damaged file) after the damage";
            }
        }
        return null;
    }

    private static String position(SourcePosition p) {
        if (p == null) return "without a position";
        if (!CASE_FILE.equals(p.file())) return "names file '" + p.file() + "', not the file read";
        if (p.index() < 1) return "at position " + p.index() + ", not 1 or more";
        return null;
    }

    private static Map<String, String> byPosition(List<PaperRecord> records, int shift) {
        Map<String, String> m = new LinkedHashMap<>();
        for (PaperRecord r : records) m.putIfAbsent(key(r.position(), shift), fingerprint(r));
        return m;
    }

    private static String key(SourcePosition p, long shift) {
        return p.unit() + ":" + (p.unit().equals("line") ? p.index() + shift : p.index());
    }

    /** Everything a reader reads into a record, without its position. */
    static String fingerprint(PaperRecord r) {
        return String.join("\u0001", String.valueOf(r.title()), String.valueOf(r.abstractText()),
                String.valueOf(r.arxivId()), String.valueOf(r.doi()), String.valueOf(r.published()),
                r.authors().stream().map(a -> a.name()).collect(Collectors.joining(";")),
                String.join(";", r.categories()), String.join(";", r.codeLinks()),
                String.valueOf(r.references().size()), String.valueOf(r.otherIds()));
    }

    private static String describe(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return e + (st.length > 0 ? " at " + st[0] : "");
    }

    /** What a reader did with one input. */
    record Outcome(List<PaperRecord> accepted, List<RecordError> rejected, Throwable thrown, boolean streamFailed,
                   boolean timedOut) {}

    /**
     * Reads {@code bytes} the way the ingest does (gunzip by magic, the head sniffed by every reader, then the
     * reader), on the worker thread, within the time limit.
     */
    Outcome read(RecordReader reader, byte[] bytes) {
        if (worker == null) worker = Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "fuzz-reader");
            th.setDaemon(true);   // a hung reader must not keep the JVM alive
            return th;
        });
        List<PaperRecord> accepted = new ArrayList<>();
        List<RecordError> rejected = new ArrayList<>();
        boolean[] streamFailed = {false};
        Future<Throwable> f = worker.submit(() -> {
            try (InputStream in = new Watched(SourceFiles.decode(new ByteArrayInputStream(bytes)), streamFailed)) {
                String head = SourceFiles.head(in);
                for (RecordReader r : SourceFiles.readers()) r.sniff(head);
                reader.read(in, CASE_FILE, new RecordSink() {
                    @Override public void accept(PaperRecord record) { accepted.add(record); }
                    @Override public void reject(RecordError error) { rejected.add(error); }
                });
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        try {
            Throwable thrown = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new Outcome(accepted, rejected, thrown, streamFailed[0], false);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = null;
            return new Outcome(List.of(), List.of(), null, false, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return new Outcome(accepted, rejected, e.getCause(), streamFailed[0], false);
        }
    }

    /** Notes when the stream under the reader fails, as opposed to the reader complaining about content. */
    private static final class Watched extends FilterInputStream {
        private final boolean[] failed;

        Watched(InputStream in, boolean[] failed) {
            super(in);
            this.failed = failed;
        }

        @Override public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed[0] = true;
                throw e;
            }
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failed[0] = true;
                throw e;
            }
        }

        @Override public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                failed[0] = true;
                throw e;
            }
        }
    }
}
