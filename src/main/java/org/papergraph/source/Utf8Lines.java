package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a byte stream line by line, decoding each line as strict UTF-8 on its own, so one line with bad bytes
 * is reported as that line and the lines after it still read. Handles LF and CRLF. Not thread-safe.
 *
 * <p>Lines longer than {@code maxLineBytes} are consumed to their end and reported as {@link Line#error()}, so a
 * huge or binary "line" cannot exhaust memory.
 */
public final class Utf8Lines {
    /** One line: its 1-based number and either its text or why it could not be read. */
    public record Line(long number, String text, String error) {
        public boolean ok() { return error == null; }
    }

    public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos, len;
    private long number;
    private byte[] line = new byte[1024];

    public Utf8Lines(InputStream in) { this(in, DEFAULT_MAX_LINE_BYTES); }

    public Utf8Lines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Lines of a stream whose first line is line {@code firstLine} of its file (a part of it, see {@link LineRecordReader}). */
    public Utf8Lines(InputStream in, long firstLine) {
        this(in, DEFAULT_MAX_LINE_BYTES);
        this.number = firstLine - 1;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        int n = 0;
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            byte b = buf[pos++];
            if (b == '\n') break;
            if (tooLong) continue;
            if (n == maxLineBytes) {
                tooLong = true;
                continue;
            }
            if (n == line.length) {
                byte[] bigger = new byte[Math.min(Math.max(line.length * 2, 1024), maxLineBytes)];
                System.arraycopy(line, 0, bigger, 0, n);
                line = bigger;
            }
            line[n++] = b;
        }
        number++;
        if (tooLong) return new Line(number, null, "line longer than " + maxLineBytes + " bytes");
        if (n > 0 && line[n - 1] == '\r') n--;
        // Most lines are valid UTF-8: the JDK's decoder (an intrinsic for ASCII) makes the same string. It hides
        // errors as U+FFFD, so a line with one gets the strict decoder, which tells a real U+FFFD from an error.
        String fast = new String(line, 0, n, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            if (line.length > (1 << 20)) line = new byte[1024];
            return new Line(number, fast, null);
        }
        try {
            return new Line(number, decoder.decode(ByteBuffer.wrap(line, 0, n)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "bytes that are not UTF-8");
        } finally {
            if (line.length > (1 << 20)) line = new byte[1024];
        }
    }
}
