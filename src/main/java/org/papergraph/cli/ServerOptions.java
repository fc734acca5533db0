package org.papergraph.cli;

import java.time.Duration;

import org.papergraph.serve.Server;
import org.papergraph.serve.web.WebSite;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Option;

/** Options of the commands that serve a store ({@code serve}, {@code demo}). */
public final class ServerOptions {
    @Option(names = "--host", paramLabel = "ADDR", defaultValue = Server.DEFAULT_HOST,
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Server.DEFAULT_PORT,
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port, printed on start).")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest a query may run before it is answered with an error (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    /** A server builder for {@code store} with these options, checked. */
    Server.Builder builder(GraphStore store) {
        if (port < 0 || port > 65535) throw new UserException("--port must be between 0 and 65535, not " + port, Main.USAGE);
        if (!(timeoutSeconds > 0)) throw new UserException("--timeout must be a positive number of seconds", Main.USAGE);
        Duration timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
        return Server.builder(store).host(host).port(port).timeout(timeout).customize(WebSite.installer(store, timeout));
    }
}
