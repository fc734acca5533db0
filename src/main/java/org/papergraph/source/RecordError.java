package org.papergraph.source;

/**
 * A record a reader could not turn into a {@link PaperRecord}.
 *
 * @param position where the record is
 * @param reason   what is wrong, in words a user can act on
 */
public record RecordError(SourcePosition position, String reason) {
    @Override
    public String toString() { return position + ": " + reason; }
}
