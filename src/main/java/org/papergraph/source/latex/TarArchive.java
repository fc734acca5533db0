package org.papergraph.source.latex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files of a tar archive (ustar, GNU long names, pax {@code path}), as arXiv serves LaTeX sources once gzip
 * is undone. Only files whose name {@code keep} accepts are held in memory, each at most {@link #MAX_FILE} bytes;
 * the others are read past. A damaged header or an archive that ends inside a file is a {@link LatexProblem}; a
 * failure of the stream itself (a cut gzip) is the {@link IOException} it is.
 */
public final class TarArchive {
    private TarArchive() {}

    /** One kept file: its name in the archive, normalised, and its bytes. */
    public record Entry(String name, byte[] bytes) {}

    static final int MAX_FILE = 16 << 20;
    static final long MAX_KEPT = 64L << 20;
    static final int MAX_ENTRIES = 100_000;

    /** Whether a first block looks like a tar header: the ustar magic and a valid checksum. */
    static boolean isTar(byte[] block) {
        if (block.length < 512) return false;
        if (!(block[257] == 'u' && block[258] == 's' && block[259] == 't' && block[260] == 'a' && block[261] == 'r')) return false;
        return checksumOk(block);
    }

    public static List<Entry> read(InputStream in, Predicate<String> keep) throws IOException, LatexProblem {
        List<Entry> out = new ArrayList<>();
        byte[] header = new byte[512];
        long kept = 0;
        String longName = null;
        for (int entry = 1; ; entry++) {
            if (entry > MAX_ENTRIES) throw new LatexProblem(null, 0, "the archive has more than " + MAX_ENTRIES + " entries");
            int got = in.readNBytes(header, 0, 512);
            if (got == 0) return out;   // no end-of-archive blocks: tolerated
            if (got < 512) throw new LatexProblem(null, 0, "the archive is cut short in the header of entry " + entry);
            if (allZero(header)) return out;
            if (!checksumOk(header)) throw new LatexProblem(null, 0, "entry " + entry + " of the archive has a damaged header (bad checksum): not a readable tar file");
            long size = size(header);
            if (size < 0) throw new LatexProblem(null, 0, "entry " + entry + " of the archive has an unreadable size");
            char type = (char) header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            long padding = (512 - size % 512) % 512;
            switch (type) {
                case 'L', 'x' -> {
                    if (size > 1 << 20) throw new LatexProblem(null, 0, "entry " + entry + " of the archive has an oversized name header");
                    byte[] data = readFully(in, (int) size, name, entry);
                    skip(in, padding, name, entry);
                    longName = type == 'L' ? cString(data) : paxPath(data);
                    continue;
                }
                case '0', '\0', '7' -> {
                    String norm = LatexSource.resolve(name);
                    if (norm != null && keep.test(norm)) {
                        if (size > MAX_FILE) throw new LatexProblem(norm, 0, "the file is larger than " + (MAX_FILE >> 20) + " MB");
                        kept += size;
                        if (kept > MAX_KEPT) throw new LatexProblem(null, 0, "the archive's LaTeX files exceed " + (MAX_KEPT >> 20) + " MB");
                        out.add(new Entry(norm, readFully(in, (int) size, name, entry)));
                        skip(in, padding, name, entry);
                        continue;
                    }
                }
                default -> { }
            }
            skip(in, size + padding, name, entry);
        }
    }

    private static byte[] readFully(InputStream in, int size, String name, int entry) throws IOException, LatexProblem {
        byte[] data = in.readNBytes(size);
        if (data.length < size) throw new LatexProblem(null, 0, "the archive is cut short inside entry " + entry + " (" + name + ")");
        return data;
    }

    /** Reads past {@code n} bytes; the archive ending first is a problem of the archive, not of the stream. */
    private static void skip(InputStream in, long n, String name, int entry) throws IOException, LatexProblem {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) throw new LatexProblem(null, 0, "the archive is cut short inside entry " + entry + " (" + name + ")");
            n -= r;
        }
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static boolean checksumOk(byte[] h) {
        long stored = octal(h, 148, 8);
        if (stored < 0) return false;
        long sum = 0;
        for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        return sum == stored;
    }

    private static long size(byte[] h) {
        if ((h[124] & 0x80) != 0) return -1;   // base-256 sizes: far beyond any paper
        return octal(h, 124, 12);
    }

    private static long octal(byte[] h, int from, int len) {
        long v = 0;
        boolean digits = false;
        for (int i = from; i < from + len; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (digits) break;
                continue;
            }
            if (b < '0' || b > '7') return -1;
            v = v * 8 + (b - '0');
            digits = true;
            if (v > (1L << 40)) return -1;
        }
        return digits ? v : 0;
    }

    private static String name(byte[] h) {
        String name = cString(java.util.Arrays.copyOfRange(h, 0, 100));
        String prefix = cString(java.util.Arrays.copyOfRange(h, 345, 500));
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8).strip();
    }

    private static String paxPath(byte[] data) {
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int sp = record.indexOf(' ');
            String kv = sp < 0 ? record : record.substring(sp + 1);
            if (kv.startsWith("path=")) return kv.substring(5);
        }
        return null;
    }
}
