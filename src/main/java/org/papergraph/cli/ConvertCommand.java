package org.papergraph.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.papergraph.extract.Extractors;
import org.papergraph.ingest.Converter;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.resolve.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts paper files to N-Quads without a store.",
                "Same readers, paper resolution and extractors as ingest: the quads 'ingest --bulk' would load.",
                "Exit status 1 when any record was rejected."})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to read.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = {"N-Quads file to write (gzip when it ends in .gz); '-' for standard output; or a folder (an existing",
                    "one, or a name ending in '/'): a shard folder as the Spark job writes, which 'ingest' loads as it is."})
    String out;

    @Option(names = "--format", paramLabel = "NAME", description = "Force a format instead of detecting it.")
    String format;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
            description = "Base of minted IRIs (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--extractors", paramLabel = "NAME", split = ",",
            description = {"Run only these extractors (comma-separated; default: all).",
                    "Names: metadata, code-links, citations, entities, implementations, results,",
                    "reported-results, source-entities, resolution."})
    List<String> extractors;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary and rejected records.")
    boolean quiet;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        IngestCommand.requireKnownFormat(format);
        Iris iris = new Iris(base);
        boolean stdout = out.equals("-");
        // On standard output the summary goes to the error stream, so the quads stay clean.
        java.io.PrintWriter report = stdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), quiet)) {
            Converter c = new Converter(iris, chosen(iris), progress);
            IngestSummary s;
            if (stdout) {
                OutputStream o = new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
                try {
                    s = c.convert(inputs, format, o);
                    o.flush();
                } catch (RuntimeException | java.io.IOException e) {
                    // The reader of the pipe went away ("| head"): stop quietly, as other filters do.
                    if (brokenPipe(e)) return 0;
                    throw e instanceof RuntimeException re ? re : new UserException("cannot write to standard output: " + e.getMessage());
                }
            } else if (out.endsWith("/") || java.nio.file.Files.isDirectory(Path.of(out))) {
                // The layout of the Spark job's output: one record shard here, the marker last.
                Path dir = Path.of(out);
                org.papergraph.ingest.ShardFolder.prepare(dir);
                s = c.convert(inputs, format, dir.resolve(org.papergraph.ingest.ShardFolder.recordShard(0)));
                org.papergraph.ingest.ShardFolder.complete(dir, s.toString());
            } else {
                s = c.convert(inputs, format, Path.of(out));
            }
            progress.close();
            report.println("converted into " + (stdout ? "standard output" : out) + ": " + s);
            if (!c.resolutionLinks().isEmpty()) report.println("papers linked to other resources, by rule: " + c.resolutionLinks());
            report.flush();
            return s.rejected() > 0 ? Main.REJECTED : 0;
        }
    }

    private java.util.List<org.papergraph.extract.Extractor> chosen(Iris iris) {
        if (extractors == null || extractors.isEmpty()) return Extractors.defaults(iris);
        try {
            return Extractors.named(iris, extractors);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), Main.USAGE);
        }
    }

    private static boolean brokenPipe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("Broken pipe")) return true;
            if (t.getCause() == null && String.valueOf(t.getMessage()).contains("Broken pipe")) return true;
        }
        return false;
    }
}
