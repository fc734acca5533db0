package org.papergraph.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.zip.GZIPInputStream;

/**
 * Opens source files (gzip undone transparently, detected by magic bytes) and picks the reader for a format,
 * by name or by looking at the content. Readers are found with {@link ServiceLoader} under
 * {@code META-INF/services/org.papergraph.source.RecordReader}.
 */
public final class SourceFiles {
    private static final int HEAD = 8192;
    private static final List<RecordReader> READERS = load();

    private SourceFiles() {}

    private static List<RecordReader> load() {
        List<RecordReader> list = new ArrayList<>();
        ServiceLoader.load(RecordReader.class, SourceFiles.class.getClassLoader()).forEach(list::add);
        return List.copyOf(list);
    }

    /** All known readers. */
    public static List<RecordReader> readers() { return READERS; }

    /** Known format names, for help texts and error messages. */
    public static List<String> formats() {
        return READERS.stream().map(RecordReader::format).sorted().toList();
    }

    /** The reader for a format name, or empty. */
    public static Optional<RecordReader> byName(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        return READERS.stream().filter(r -> r.format().equals(f)).findFirst();
    }

    /**
     * Opens a file for reading, decompressing gzip when the content starts with its magic bytes. The stream is
     * buffered and supports mark/reset over its first {@value #HEAD} bytes.
     */
    public static InputStream open(Path file) throws IOException {
        return decode(Files.newInputStream(file));
    }

    /** Wraps a raw stream as {@link #open} does. */
    public static InputStream decode(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    /**
     * The decoded stream {@code in} with bytes that are not UTF-8 replaced by U+FFFD ({@link Utf8Repair}), each run
     * reported to {@code warn} with the file's name, line and column. Supports mark, for {@link #head}.
     */
    public static InputStream repairUtf8(InputStream in, String file, java.util.function.BiConsumer<String, String> warn) {
        return repairUtf8(in, file, 1, warn);
    }

    /**
     * As {@link #repairUtf8(InputStream, String, java.util.function.BiConsumer)}, the first line of {@code in} being
     * line {@code firstLine} of {@code file} (a slice of a file, see {@link LineRecordReader#readLines}).
     */
    public static InputStream repairUtf8(InputStream in, String file, long firstLine, java.util.function.BiConsumer<String, String> warn) {
        return new BufferedInputStream(new Utf8Repair(in, firstLine, (line, column, bytes) -> warn.accept(
                file + ", line " + line + ", column " + column,
                (bytes == 1 ? "a byte" : bytes + " bytes") + " that " + (bytes == 1 ? "is" : "are")
                        + " not UTF-8, replaced by U+FFFD; the record is kept")), 1 << 16);
    }

    /** Reads the first bytes of a decoded, mark-supporting stream without consuming them. */
    public static String head(InputStream in) throws IOException {
        in.mark(HEAD + 1);
        byte[] buf = in.readNBytes(HEAD);
        in.reset();
        return new String(buf, StandardCharsets.UTF_8);
    }

    /** The reader whose {@link RecordReader#sniff} is highest for this content, or empty when none claims it. */
    public static Optional<RecordReader> detect(String head) {
        RecordReader best = null;
        int score = 0;
        for (RecordReader r : READERS) {
            int s = r.sniff(head);
            if (s > score) {
                score = s;
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
