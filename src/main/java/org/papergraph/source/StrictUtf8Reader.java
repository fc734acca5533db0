package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream as strict UTF-8 for a parser that reads ahead (StAX). Every character before the first
 * byte that is not UTF-8 is delivered; only the read after them fails, with {@link NotUtf8Exception} giving the
 * byte offset. {@link java.io.InputStreamReader} would instead fail a whole buffer early, losing the complete
 * records just before the bad bytes, and the JDK's XML parser, given bytes, also prints "[Fatal Error]" lines to
 * standard error. A byte-order mark at the start is dropped. Not thread-safe; closing it closes nothing, because
 * the caller owns the stream.
 */
public final class StrictUtf8Reader extends Reader {
    /** Bytes at {@link #offset()} are not UTF-8. */
    public static final class NotUtf8Exception extends IOException {
        private final long offset;

        NotUtf8Exception(long offset) {
            super("bytes that are not UTF-8 at byte " + offset);
            this.offset = offset;
        }

        /** 0-based offset of the first bad byte in the stream. */
        public long offset() { return offset; }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private long base;           // stream offset of bytes.array()[0]
    private boolean eof, started, flushed;
    private NotUtf8Exception pending;
    private IOException streamFailure;

    public StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) return 0;
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (pending == null && out.position() == off) {
            if (flushed) return -1;
            CoderResult cr = decoder.decode(bytes, out, eof);
            if (cr.isError()) {
                pending = new NotUtf8Exception(base + bytes.position());
            } else if (cr.isUnderflow() && out.position() == off) {
                if (eof) {
                    decoder.flush(out);
                    flushed = true;
                } else {
                    fill();
                }
            }
            if (!started && out.position() > off) {
                started = true;
                if (cbuf[off] == '\uFEFF') {
                    System.arraycopy(cbuf, off + 1, cbuf, off, out.position() - off - 1);
                    out.position(out.position() - 1);
                }
            }
        }
        if (out.position() > off) return out.position() - off;
        throw pending;
    }

    private void fill() throws IOException {
        base += bytes.position();
        bytes.compact();
        int n;
        try {
            n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        } catch (IOException e) {
            streamFailure = e;
            throw e;
        }
        if (n < 0) eof = true;
        else bytes.position(bytes.position() + n);
        bytes.flip();
    }

    /**
     * The failure of the underlying stream, if reading it failed. A parser may wrap or rephrase that failure
     * (the JDK's reports some as a premature end of the document); the caller asks here to tell a broken stream
     * from a broken document.
     */
    public IOException streamFailure() { return streamFailure; }

    @Override
    public void close() {
        // the caller owns the stream
    }
}
