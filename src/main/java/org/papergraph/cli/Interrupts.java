package org.papergraph.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first SIGINT (Ctrl-C) or SIGTERM into a request to stop cleanly instead of the JVM's immediate exit: the
 * command finishes its current step, says what it kept and exits with {@link #EXIT_STATUS}. A second signal stops
 * the process at once with that status; the store is still consistent then (every TDB2 transaction is whole or
 * absent), only the step in progress is lost. Installed for the life of the object; {@link #close} restores the
 * previous handlers. Uses {@code sun.misc.Signal} (module jdk.unsupported), the JDK's only signal API.
 */
final class Interrupts implements AutoCloseable {
    /** Exit status after an interrupt, as shells report a process ended by SIGINT (128 + 2). */
    static final int EXIT_STATUS = 130;

    private final AtomicReference<String> received = new AtomicReference<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    /** @param onFirst what to do on the first signal (called on the JVM's signal thread; must be quick) */
    Interrupts(Runnable onFirst) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal s = new Signal(name);
                SignalHandler old = Signal.handle(s, sig -> {
                    if (received.compareAndSet(null, "SIG" + sig.getName())) {
                        onFirst.run();
                    } else {
                        System.err.println("papergraph: stopped at once; the store keeps every batch committed before");
                        Runtime.getRuntime().halt(EXIT_STATUS);
                    }
                });
                signals.add(s);
                previous.add(old);
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform, or the JVM keeps it (-Xrs): the default stays
            }
        }
    }

    /** The signal received first ({@code SIGINT}, {@code SIGTERM}), or null. */
    String received() { return received.get(); }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // leave it
            }
        }
    }
}
