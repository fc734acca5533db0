package org.papergraph.eval;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The two parts of every dev set: rules, thresholds and the confidence model are chosen on {@link Part#TUNE}, and
 * figures are reported on {@link Part#REPORT}, which nothing was fitted to. A document's part is fixed by a hash of
 * its text (CRC-32, even: tune), so it does not move when a file is reordered or a reader changes its ids.
 */
public final class DevSplit {
    private DevSplit() {}

    /** A part of a dev set. */
    public enum Part {
        TUNE, REPORT;

        public String label() { return this == TUNE ? "tune" : "report"; }
    }

    /** The part {@code d} belongs to. */
    public static Part of(GoldDoc d) {
        CRC32 c = new CRC32();
        c.update(d.text().getBytes(StandardCharsets.UTF_8));
        return (c.getValue() & 1) == 0 ? Part.TUNE : Part.REPORT;
    }

    /** The documents of {@code docs} in {@code part}, in their order. */
    public static List<GoldDoc> part(List<GoldDoc> docs, Part part) {
        return docs.stream().filter(d -> of(d) == part).toList();
    }
}
