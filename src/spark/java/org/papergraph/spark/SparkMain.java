package org.papergraph.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.papergraph.cli.Main;
import org.papergraph.cli.UserException;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestException;
import org.papergraph.resolve.Iris;
import org.papergraph.source.SourceFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code papergraph-spark.jar}: {@code convert}, {@code papergraph convert} as an Apache Spark
 * job. Locally: {@code java -jar target/papergraph-spark.jar convert --master 'local[2]' -o DIR FILE...}; on a
 * cluster: {@code spark-submit --class org.papergraph.spark.SparkMain target/papergraph-spark.jar convert -o DIR FILE...}.
 */
@Command(name = "papergraph-spark", mixinStandardHelpOptions = true, subcommands = {SparkMain.Convert.class, CommandLine.HelpCommand.class},
        description = "papergraph's conversion as an Apache Spark job.")
public final class SparkMain implements Runnable {
    public static void main(String[] args) {
        if (System.getProperty("javax.xml.stream.XMLInputFactory") == null) {
            // See ConvertJob: the JDK's StAX factory, not the one hadoop-client-runtime registers.
            System.setProperty("javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        return run(null, args);
    }

    /** As {@link #run(String...)}, writing what goes to standard error to {@code err} (null: standard error). */
    static int run(PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SparkMain());
        if (err != null) cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            // A task's failure reaches the driver wrapped in Spark's exceptions: show the cause.
            while (!(t instanceof IngestException || t instanceof UserException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
            if (t instanceof IngestException || t instanceof UserException) {
                cmd.getErr().println("papergraph-spark: " + t.getMessage());
                return t instanceof UserException u ? u.status() : 3;
            }
            cmd.getErr().println("papergraph-spark: failed: " + ex);
            if (System.getenv("PAPERGRAPH_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return Main.INTERNAL;
        });
        return cl.execute(args);
    }

    /** The job's serializer: Kryo, with the job's classes registered. */
    static SparkConf useKryo(SparkConf sc) {
        sc.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        // Registered classes are written as a number, not their name before every object.
        sc.registerKryoClasses(new Class<?>[] {Mention.class, Directive.class, MentionWords.class, WordEvent.class, Slice.class,
                SliceScan.class, SliceOutcome.class, long[].class, int[].class, String[].class, Object[].class});
        // The job's objects are trees (no cycles, nothing that must stay shared). With reference tracking, Kryo
        // clears a table of the objects it wrote after every record, as big as the biggest record (a slice's
        // mentions): 4-5% of the tasks' CPU on the 20k corpus. A --conf can still turn it on.
        sc.setIfMissing("spark.kryo.referenceTracking", "false");
        return sc;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = {"Converts paper files to N-Quads shards with Apache Spark: the same readers, paper resolution,",
                    "extractors and quads as 'papergraph convert', in gzip shards (part-NNNNN.nq.gz, shared-NNNNN.nq.gz)",
                    "in DIR, which 'papergraph ingest' loads. Files are read in parallel, JSON-lines files in byte ranges.",
                    "Paths must be visible to every executor at the same place (local mode, or a shared file system).",
                    "Exit status 1 when any record was rejected."})
    static final class Convert implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to read.")
        List<Path> inputs;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
                description = "Folder for the shards (created; an earlier run's shards in it are replaced).")
        Path out;

        @Option(names = "--master", paramLabel = "URL",
                description = {"Spark master, e.g. 'local[2]' (two threads here) or 'local[2,3]' (each task tried up to 3 times).",
                        "Leave out under spark-submit, which sets it."})
        String master;

        @Option(names = "--format", paramLabel = "NAME", description = "Force a format instead of detecting it.")
        String format;

        @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
                description = "Base of minted IRIs (default: ${DEFAULT-VALUE}).")
        String base;

        @Option(names = "--extractors", paramLabel = "NAME", split = ",",
                description = "Run only these extractors (comma-separated; default: all).")
        List<String> extractors;

        @Option(names = "--split-mb", paramLabel = "MB",
                description = {"Size of the byte ranges JSON-lines files are split into (default: their total size over",
                        "4 slices per task slot of the default parallelism, between 1 and 64 MB). One shard per slice."})
        Double splitMb;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
                description = "Partitions of the resolution's shuffles (default: twice the default parallelism).")
        int partitions;

        @Option(names = "--time", paramLabel = "DATETIME",
                description = {"The provenance time (prov:generatedAtTime) of every record graph, xsd:dateTime;",
                        "default: now. With it, two runs over the same input write byte-identical shards."})
        String time;

        @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable), as spark-submit's --conf.")
        Map<String, String> conf;

        @Option(names = "--fail-first-attempt", paramLabel = "SLICE", hidden = true, defaultValue = "-1",
                description = "Test hook: the first attempt of this slice's extraction task fails half-way.")
        int failFirstAttempt;

        @Option(names = {"-q", "--quiet"}, description = "Print only the summary and rejected records.")
        boolean quiet;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            if (format != null && SourceFiles.byName(format).isEmpty()) {
                throw new UserException("unknown --format '" + format + "'; known: " + String.join(", ", SourceFiles.formats()), Main.USAGE);
            }
            if (extractors != null && !extractors.isEmpty()) {
                try {
                    Extractors.named(new Iris(base), extractors);
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage(), Main.USAGE);
                }
            }
            if (splitMb != null && splitMb <= 0) throw new UserException("--split-mb must be positive", Main.USAGE);
            if (time != null) {
                try {
                    java.time.OffsetDateTime.parse(time);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new UserException("--time must be an xsd:dateTime such as 2024-01-31T12:00:00Z", Main.USAGE);
                }
            }
            SparkConf sc = new SparkConf().setAppName("papergraph convert");
            if (master != null) sc.setMaster(master);
            else if (!sc.contains("spark.master")) {
                throw new UserException("no Spark master: give --master (e.g. 'local[2]') or run under spark-submit", Main.USAGE);
            }
            useKryo(sc);
            if (sc.get("spark.master").startsWith("local")) sc.setIfMissing("spark.ui.enabled", "false");
            if (conf != null) conf.forEach(sc::set);
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter outw = spec.commandLine().getOut();
            long started = System.nanoTime();
            ConvertJob.Options o = new ConvertJob.Options();
            o.base = base;
            o.extractors = extractors == null || extractors.isEmpty() ? null : new ArrayList<>(extractors);
            o.format = format;
            o.splitBytes = splitMb == null ? 0 : Math.max(1, (long) (splitMb * (1 << 20)));
            o.partitions = partitions;
            o.time = time;
            o.failFirstAttemptOf = failFirstAttempt;
            try (JavaSparkContext jsc = new JavaSparkContext(sc)) {
                jsc.setLogLevel("WARN");
                ConvertJob job = new ConvertJob(jsc, o, what -> {
                    if (quiet) return;
                    err.printf(Locale.ROOT, "%s (at %.1f s)%n", what, (System.nanoTime() - started) / 1e9);
                    err.flush();
                }, line -> {
                    err.println(line);
                    err.flush();
                });
                ConvertJob.Result r = job.run(inputs, out);
                outw.println("converted into " + out + " (" + r.shards() + " shards from " + r.slices() + " slices): " + r.summary());
                if (!r.links().isEmpty()) outw.println("papers linked to other resources, by rule: " + r.links());
                outw.flush();
                return r.summary().rejected() > 0 ? Main.REJECTED : 0;
            }
        }
    }
}
