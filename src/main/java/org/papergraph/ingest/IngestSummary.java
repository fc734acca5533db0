package org.papergraph.ingest;

/**
 * What an ingest did.
 *
 * @param files    files read
 * @param read     records read (stored + rejected)
 * @param stored   records written to the store
 * @param rejected records reported as unreadable
 * @param quads      quads the extractors made for the stored records, each distinct within its record graph
 * @param provenance quads describing those record graphs in the metadata graph (source, time, extractors); the
 *                   extractors' own descriptions, a few quads per store, are not counted
 * @param millis     wall-clock time
 */
public record IngestSummary(int files, long read, long stored, long rejected, long quads, long provenance, long millis) {
    /** The same summary with another wall-clock time (the caller's clock, which also timed what came before). */
    public IngestSummary withMillis(long ms) { return new IngestSummary(files, read, stored, rejected, quads, provenance, ms); }

    /** Record quads and their provenance: what the run wrote, or for {@code convert} the file's lines but a few. */
    public long totalQuads() { return quads + provenance; }

    @Override
    public String toString() {
        return String.format("%d file(s): read %d record(s), stored %d, rejected %d; %d quads (%d extracted, %d provenance) in %.1f s",
                files, read, stored, rejected, totalQuads(), quads, provenance, millis / 1000.0);
    }
}
