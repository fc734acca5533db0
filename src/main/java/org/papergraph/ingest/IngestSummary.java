package org.papergraph.ingest;

/**
 * What an ingest did.
 *
 * @param files    files read
 * @param read     records read (stored + rejected)
 * @param stored   records written to the store
 * @param rejected records reported as unreadable
 * @param quads    quads written (before de-duplication by the store)
 * @param millis   wall-clock time
 */
public record IngestSummary(int files, long read, long stored, long rejected, long quads, long millis) {
    @Override
    public String toString() {
        return String.format("%d file(s): read %d record(s), stored %d, rejected %d; %d quads in %.1f s",
                files, read, stored, rejected, quads, millis / 1000.0);
    }
}
