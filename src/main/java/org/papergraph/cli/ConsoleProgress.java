package org.papergraph.cli;

import java.io.PrintWriter;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.papergraph.ingest.IngestListener;
import org.papergraph.source.RecordError;

/**
 * Shows an ingest to a person: a progress bar over each file's bytes when a terminal is attached, the file and
 * format being read, each later stage with the seconds since the start, and every rejected record (the first
 * {@value #MAX_REJECTS_SHOWN}, then a count).
 */
final class ConsoleProgress implements IngestListener, AutoCloseable {
    static final int MAX_REJECTS_SHOWN = 200;
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private long rejects;
    private long warnings;
    /** Batches and records committed so far. */
    private long batches, committedRecords;

    ConsoleProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void fileStarted(String file, String format, long bytes) {
        if (quiet) return;
        err.println("reading " + file + " as " + format);
        err.flush();
        if (terminal && bytes > 1 << 20) {
            bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(bytes)
                    .setUnit(" MiB", 1 << 20).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
        }
    }

    @Override
    public void progress(long bytesRead, long records) {
        if (bar != null) {
            bar.stepTo(bytesRead);
            bar.setExtraMessage(records + " records");
        }
    }

    @Override
    public void fileFinished(String file) {
        closeBar();
    }

    @Override
    public void fileSkipped(String file, String reason) {
        err.println("skipped " + file + ": " + reason);
        err.flush();
    }

    @Override
    public void rejected(RecordError error) {
        rejects++;
        if (rejects <= MAX_REJECTS_SHOWN) {
            err.println("rejected " + error);
        } else if (rejects == MAX_REJECTS_SHOWN + 1) {
            err.println("(more rejected records; the summary counts them all)");
        }
        err.flush();
    }

    @Override
    public void batchCommitted(long records) {
        batches++;
        committedRecords += records;
    }

    /** Batches committed so far. */
    long batches() { return batches; }

    /** Records committed so far. */
    long committedRecords() { return committedRecords; }

    /** Milliseconds since this listener was made: the clock of the stage lines, which the summary uses too. */
    long elapsedMillis() { return (System.nanoTime() - started) / 1_000_000; }

    @Override
    public void warning(String where, String what) {
        warnings++;
        if (warnings <= MAX_REJECTS_SHOWN) {
            err.println("warning: " + where + ": " + what);
        } else if (warnings == MAX_REJECTS_SHOWN + 1) {
            err.println("(more warnings not shown)");
        }
        err.flush();
    }

    /** Warnings so far (repaired input). */
    long warnings() { return warnings; }

    @Override
    public void stage(String what) {
        if (quiet) return;
        closeBar();
        err.printf(Locale.ROOT, "%s (at %.1f s)%n", what, (System.nanoTime() - started) / 1e9);
        err.flush();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
        err.flush();
    }
}
