package org.papergraph.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What the CLI knows about the terminal it prints to. */
final class Terminal {
    /** Width assumed when the output is not a terminal and $COLUMNS is not set. */
    static final int DEFAULT_WIDTH = 120;

    private Terminal() {}

    /**
     * The terminal's width in characters: $COLUMNS when set, else what {@code stty size} says of the controlling
     * terminal when standard output is one, else {@value #DEFAULT_WIDTH}.
     */
    static int width() {
        String env = System.getenv("COLUMNS");
        if (env != null && env.strip().matches("\\d{1,4}") && Integer.parseInt(env.strip()) > 0) return Integer.parseInt(env.strip());
        if (System.console() != null && new File("/dev/tty").canRead()) {
            try {
                Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(1, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    String[] rc = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+");
                    if (rc.length == 2 && rc[1].matches("\\d+") && Integer.parseInt(rc[1]) > 0) return Integer.parseInt(rc[1]);
                } else {
                    p.destroy();
                }
            } catch (java.io.IOException | RuntimeException e) {
                // no stty: the default
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return DEFAULT_WIDTH;
    }
}
