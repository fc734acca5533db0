package org.papergraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.papergraph.ingest.Compactor;
import org.papergraph.serve.Server;
import org.papergraph.serve.web.WebSite;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Option;

/** Options of the commands that serve a store ({@code serve}, {@code demo}). */
public final class ServerOptions {
    /** Environment variable holding the update password when no --password-file is given. */
    public static final String PASSWORD_ENV = "PAPERGRAPH_PASSWORD";

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = Server.DEFAULT_HOST,
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Server.DEFAULT_PORT,
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port, printed on start).")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest a query may run before it is answered with an error (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--max-results", paramLabel = "N", defaultValue = "" + Server.DEFAULT_MAX_RESULTS,
            description = "Largest answer, in rows or triples; a bigger one is an error, not cut short (default: ${DEFAULT-VALUE}).")
    long maxResults;

    @Option(names = "--concurrent-queries", paramLabel = "N", defaultValue = "0",
            description = "Queries run at once; later ones wait their turn for up to the timeout, then get 503 "
                    + "(default: one per core, at least 2).")
    int concurrentQueries;

    @Option(names = "--allow-updates",
            description = "Also serve SPARQL Update (/papergraph/update) and uploads (/papergraph/data), behind HTTP basic "
                    + "authentication; needs a password from --password-file or $" + PASSWORD_ENV + ". Queries stay open.")
    boolean allowUpdates;

    @Option(names = "--compact-every", paramLabel = "HOURS", defaultValue = "24",
            description = {"With --allow-updates: every HOURS, compact the store when at least half of its index space is",
                    "garbage from earlier versions of changed data (default: ${DEFAULT-VALUE}; 0 = never). Queries go on",
                    "during a compaction; writes are answered 503 with Retry-After until it ends."})
    double compactEveryHours;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "admin",
            description = "User allowed to update with --allow-updates (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the update password (else $" + PASSWORD_ENV + "). Never give it as an argument.")
    Path passwordFile;

    /** Where environment variables come from; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    /** A server builder for {@code store} with these options, checked. */
    Server.Builder builder(GraphStore store) {
        if (port < 0 || port > 65535) throw new UserException("--port must be between 0 and 65535, not " + port, Main.USAGE);
        if (!(timeoutSeconds > 0)) throw new UserException("--timeout must be a positive number of seconds", Main.USAGE);
        if (maxResults < 1) throw new UserException("--max-results must be a positive number", Main.USAGE);
        if (concurrentQueries < 0) throw new UserException("--concurrent-queries must be a positive number", Main.USAGE);
        Duration timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
        Server.Builder b = Server.builder(store).host(host).port(port).maxResults(maxResults).timeout(timeout)
                .concurrentQueries(concurrentQueries == 0 ? Server.DEFAULT_CONCURRENT_QUERIES : concurrentQueries)
                .customize(WebSite.installer(store, timeout)).queryPage("/query");
        if (allowUpdates) {
            if (user == null || user.isBlank() || user.contains(":")) {
                throw new UserException("--user must be a non-empty name without ':'", Main.USAGE);
            }
            b.allowUpdates(user, password());
            if (compactEveryHours < 0) throw new UserException("--compact-every must be 0 (never) or a positive number of hours", Main.USAGE);
            if (compactEveryHours > 0) {
                b.compactEvery(Duration.ofMillis(Math.max(1000, Math.round(compactEveryHours * 3_600_000))), Compactor.PACKED);
            }
        } else if (passwordFile != null) {
            throw new UserException("--password-file is only used with --allow-updates", Main.USAGE);
        }
        return b;
    }

    /**
     * The update password: the first line of --password-file, else $PAPERGRAPH_PASSWORD. Refuses to go on without
     * one, so that --allow-updates never starts an unprotected writable server.
     */
    String password() {
        String pw;
        if (passwordFile != null) {
            try {
                pw = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new UserException("cannot read --password-file " + passwordFile + ": " + e.getMessage(), Main.USAGE);
            }
            if (pw.isEmpty()) throw new UserException("--password-file " + passwordFile + " holds no password on its first line", Main.USAGE);
            return pw;
        }
        pw = environment.apply(PASSWORD_ENV);
        if (pw == null || pw.isEmpty()) {
            throw new UserException("--allow-updates needs a password: put it in a file and pass --password-file FILE, "
                    + "or set the environment variable " + PASSWORD_ENV + " (never on the command line); not starting", Main.USAGE);
        }
        return pw;
    }
}
