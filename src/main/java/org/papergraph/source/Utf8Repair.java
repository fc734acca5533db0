package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a byte stream through with every byte sequence that is not UTF-8 replaced by U+FFFD (the bytes EF BF BD),
 * and says where each was: line and column (1-based; the column counts characters, as an editor shows them). A
 * record with one bad byte in its abstract is then read and stored with a visible replacement character instead of
 * being rejected whole. A run of consecutive bad bytes (lone continuation bytes, truncated sequences, overlong
 * forms, surrogates, values past U+10FFFF) becomes one U+FFFD and one report.
 *
 * <p>Valid input passes through unchanged, a byte-order mark included; ASCII takes a fast path. Not thread-safe;
 * closing it closes the wrapped stream.
 */
public final class Utf8Repair extends InputStream {
    /** Hears of each run of bad bytes replaced. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param line   1-based line of the replacement character
         * @param column 1-based column of it, in characters
         * @param bytes  how many bad bytes it stands for
         */
        void replaced(long line, long column, int bytes);
    }

    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private final InputStream in;
    private final Listener listener;
    private final byte[] buf = new byte[1 << 16];
    private int pos, lim;
    private boolean eof;
    private final byte[] out = new byte[3 * buf.length + 8];
    private int outPos, outLim;
    private long line = 1, column = 1;
    /** A run of bad bytes not reported yet: where it starts and how long it is. */
    private long badLine, badColumn;
    private int badBytes;
    private long replacements;

    public Utf8Repair(InputStream in, Listener listener) {
        this(in, 1, listener);
    }

    /**
     * A repair whose first line is line {@code firstLine} of its file (a byte range of a file split into slices
     * by the Spark job): the lines it reports count from there.
     */
    public Utf8Repair(InputStream in, long firstLine, Listener listener) {
        if (firstLine < 1) throw new IllegalArgumentException("firstLine must be 1 or more: " + firstLine);
        this.in = in;
        this.listener = listener;
        this.line = firstLine;
    }

    /** Runs of bad bytes replaced so far. */
    public long replacements() { return replacements; }

    @Override
    public int read() throws IOException {
        if (outPos == outLim && !fill()) return -1;
        return out[outPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (outPos == outLim && !fill()) return -1;
        int n = Math.min(len, outLim - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public int available() throws IOException { return outLim - outPos; }

    @Override
    public void close() throws IOException { in.close(); }

    /** Decodes more input into {@link #out}; false at the end of the stream. */
    private boolean fill() throws IOException {
        outPos = 0;
        outLim = 0;
        while (outLim == 0) {
            if (lim - pos < 4 && !eof) refill();
            if (pos == lim) {
                flushBad();
                return outLim > 0;
            }
            convert();
        }
        return true;
    }

    private void refill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        while (lim < buf.length && !eof) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) eof = true;
            else if (n == 0) break;
            else {
                lim += n;
                break;
            }
        }
    }

    /** Converts what {@link #buf} holds, keeping an incomplete sequence at its end for the next read. */
    private void convert() {
        while (pos < lim) {
            int b = buf[pos];
            if (b >= 0) {
                // ASCII: the common case, a tight loop.
                flushBadIfAny();
                int o = outLim;
                while (pos < lim && buf[pos] >= 0) {
                    byte c = buf[pos++];
                    out[o++] = c;
                    if (c == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                outLim = o;
                continue;
            }
            int lead = b & 0xff;
            int need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (need == 0) {
                bad(1);
                continue;
            }
            if (lim - pos < need && !eof) return; // wait for the rest of the sequence
            int ok = 1; // bytes of the sequence that are right so far
            while (ok < need && pos + ok < lim && continuation(lead, ok, buf[pos + ok] & 0xff)) ok++;
            if (ok < need) {
                bad(ok);
                continue;
            }
            flushBadIfAny();
            System.arraycopy(buf, pos, out, outLim, need);
            outLim += need;
            pos += need;
            column++;
        }
    }

    /** Whether {@code c} may be byte {@code i} (1-based after the lead) of a sequence starting with {@code lead}. */
    private static boolean continuation(int lead, int i, int c) {
        if (i == 1) {
            if (lead == 0xE0) return c >= 0xA0 && c <= 0xBF; // no overlong forms
            if (lead == 0xED) return c >= 0x80 && c <= 0x9F; // no surrogates
            if (lead == 0xF0) return c >= 0x90 && c <= 0xBF; // no overlong forms
            if (lead == 0xF4) return c >= 0x80 && c <= 0x8F; // nothing past U+10FFFF
        }
        return c >= 0x80 && c <= 0xBF;
    }

    /** {@code n} bad bytes at {@link #pos}: one more for the current run. */
    private void bad(int n) {
        if (badBytes == 0) {
            badLine = line;
            badColumn = column;
        }
        badBytes += n;
        pos += n;
        // Consecutive bad bytes make one replacement: the run ends at the next good character.
    }

    private void flushBadIfAny() {
        if (badBytes > 0) flushBad();
    }

    private void flushBad() {
        if (badBytes == 0) return;
        System.arraycopy(REPLACEMENT, 0, out, outLim, 3);
        outLim += 3;
        column++;
        replacements++;
        int n = badBytes;
        badBytes = 0;
        listener.replaced(badLine, badColumn, n);
    }
}
