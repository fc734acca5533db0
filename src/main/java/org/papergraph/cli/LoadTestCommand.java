package org.papergraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.papergraph.bench.LoadTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Runs N concurrent clients sending the canned queries to a papergraph server on this machine.",
                "Prints requests served, errors, p50/p99 latency and (with --server-pid) the server's memory.",
                "Only loopback URLs are accepted; exit status 1 when any request failed."})
public final class LoadTestCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:3030/papergraph/sparql",
            description = "SPARQL endpoint (default: ${DEFAULT-VALUE}); must be on 127.0.0.1, ::1 or localhost.")
    URI url;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "16", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "How long to run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--queries", paramLabel = "DIR", description = "Folder of .rq files to run instead of the bundled queries/.")
    Path queries;

    @Option(names = "--exclude", paramLabel = "NAME", split = ",",
            description = "Queries to leave out, by name (comma-separated), e.g. the whole-graph ones: papers,stats.")
    java.util.List<String> exclude = java.util.List.of();

    @Option(names = "--server-pid", paramLabel = "PID", description = "Process id of the server, to report its memory (Linux /proc).")
    Long serverPid;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for the query order and parameters (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (!(seconds > 0)) throw new UserException("--seconds must be positive", Main.USAGE);
        LoadTest.Settings settings;
        try {
            var all = LoadTest.queries(queries);
            for (String name : exclude) {
                if (all.stream().noneMatch(q -> q.name().equals(name))) throw new UserException("--exclude: no query named " + name, Main.USAGE);
            }
            settings = new LoadTest.Settings(url, clients, Duration.ofMillis(Math.round(seconds * 1000)),
                    all.stream().filter(q -> !exclude.contains(q.name())).toList(), seed, serverPid);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), Main.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("load test: %d clients, %s s, %d queries, against %s%n", clients, seconds, settings.queries().size(), url);
        out.println("queries: " + settings.queries().stream().map(q -> q.name()).toList());
        out.flush();
        LoadTest.Report r;
        try {
            r = LoadTest.run(settings);
        } catch (IOException e) {
            throw new UserException("load test failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        r.print(out);
        return r.errors() == 0 ? 0 : 1;
    }
}
