package org.papergraph.fuzz;

/**
 * One damaged copy of a seed file.
 *
 * <p>A <em>local</em> mutant differs from its seed only in the byte range {@code [start, end)} of the seed, which
 * was replaced by {@code replacement} bytes; everything before {@code start} and after {@code end} is the seed's.
 * That lets the fuzzer demand that the records outside the damaged range still read. A mutant that changes the
 * whole file (re-encoding, junk, compression) is not local and only has to fail cleanly.
 *
 * @param kind        which mutation made it
 * @param bytes       the file content as a reader gets it before gunzip
 * @param local       whether the damage is confined to {@code [start, end)}
 * @param start       first damaged byte of the seed (local mutants only)
 * @param end         end of the damaged bytes of the seed, exclusive (local mutants only)
 * @param replacement the bytes now standing where {@code [start, end)} was (local mutants only)
 */
public record Mutant(Mutation kind, byte[] bytes, boolean local, int start, int end, byte[] replacement) {
    static Mutant whole(Mutation kind, byte[] bytes) {
        return new Mutant(kind, bytes, false, 0, 0, new byte[0]);
    }

    /** The seed with {@code [start, end)} replaced by {@code with}. */
    static Mutant splice(Mutation kind, byte[] seed, int start, int end, byte[] with) {
        byte[] out = new byte[seed.length - (end - start) + with.length];
        System.arraycopy(seed, 0, out, 0, start);
        System.arraycopy(with, 0, out, start, with.length);
        System.arraycopy(seed, end, out, start + with.length, seed.length - end);
        return new Mutant(kind, out, true, start, end, with);
    }

    /** How many lines the mutation added (positive) or removed (negative) at the damage. */
    public int lineShift(byte[] seed) {
        return newlines(replacement, 0, replacement.length) - newlines(seed, start, end);
    }

    static int newlines(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (b[i] == '\n') n++;
        return n;
    }

    @Override
    public String toString() {
        return local ? kind + " at bytes " + start + ".." + end + " (+" + replacement.length + " bytes)"
                : kind + " (" + bytes.length + " bytes)";
    }
}
