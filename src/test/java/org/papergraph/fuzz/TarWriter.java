package org.papergraph.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small ustar archives, gzip-compressed as arXiv serves LaTeX sources: for fuzz seeds and tests built from
 * the shared single-file sources. Names must be ASCII and under 100 bytes.
 */
public final class TarWriter {
    private TarWriter() {}

    /** A gzip-compressed tar of {@code files} (name to bytes), in the map's order. */
    public static byte[] tarGz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(tar(files));
        }
        return bytes.toByteArray();
    }

    /** An uncompressed tar of {@code files}, ending with the two zero blocks. */
    public static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.write(header(f.getKey(), f.getValue().length));
            out.write(f.getValue());
            out.write(new byte[(512 - f.getValue().length % 512) % 512]);
        }
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        if (n.length >= 100) throw new IllegalArgumentException("name too long for a plain tar header: " + name);
        System.arraycopy(n, 0, h, 0, n.length);
        field(h, 100, 8, "0000644");
        field(h, 108, 8, "0000000");
        field(h, 116, 8, "0000000");
        field(h, 124, 12, String.format("%011o", size));
        field(h, 136, 12, String.format("%011o", 0L));
        h[156] = '0';
        byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, h, 257, magic.length);
        for (int i = 148; i < 156; i++) h[i] = ' ';
        long sum = 0;
        for (byte b : h) sum += b & 0xff;
        field(h, 148, 8, String.format("%06o", sum) + "\0 ");
        return h;
    }

    private static void field(byte[] h, int at, int len, String v) {
        byte[] b = v.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, Math.min(b.length, len));
    }

    /** Writes {@code bytes} to {@code out}; a convenience for callers holding a stream. */
    static void write(byte[] bytes, OutputStream out) throws IOException { out.write(bytes); }
}
