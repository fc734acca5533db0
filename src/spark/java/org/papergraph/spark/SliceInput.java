package org.papergraph.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.papergraph.source.LineRecordReader;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;

/** Reads one {@link Slice} with the reader of its format, as {@code convert} reads those records. */
final class SliceInput {
    private SliceInput() {}

    /**
     * Hands every record of the slice to {@code sink}, in order.
     *
     * @return how many lines the slice owns (0 for a whole file): what the next slices of its file count from
     */
    static long read(Slice s, RecordSink sink) throws IOException {
        RecordReader reader = SourceFiles.byName(s.format)
                .orElseThrow(() -> new IllegalStateException("no reader for format " + s.format));
        if (s.whole) {
            try (InputStream in = SourceFiles.decode(Files.newInputStream(Path.of(s.path)))) {
                reader.read(in, s.name, sink);
            }
            return 0;
        }
        try (FileChannel ch = FileChannel.open(Path.of(s.path), StandardOpenOption.READ)) {
            LineRange range = new LineRange(ch, s.start, s.end);
            ((LineRecordReader) reader).readLines(new BufferedInputStream(range, 1 << 16), s.name, s.firstLine, sink);
            // Whatever the reader left unread still counts its lines.
            range.skip(Long.MAX_VALUE);
            return range.lines();
        }
    }

    /**
     * The whole lines that start in {@code [start, end)} of a file: from the first line start at or after
     * {@code start} to the end of the line holding byte {@code end - 1}.
     */
    static final class LineRange extends InputStream {
        private final FileChannel ch;
        private final long end;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        private long pos;
        private boolean done;
        private long newlines;
        private int last = -1;

        LineRange(FileChannel ch, long start, long end) throws IOException {
            this.ch = ch;
            this.end = end;
            buf.flip();
            pos = start;
            if (start > 0) {
                // A line that starts before this range belongs to the previous slice: skip to the next line start.
                ch.position(start - 1);
                pos = start - 1;
                int b;
                while ((b = next()) >= 0 && b != '\n') { /* skip */ }
                if (b < 0) done = true;
            } else {
                ch.position(0);
            }
            if (pos >= end) done = true;
        }

        private int next() throws IOException {
            if (!buf.hasRemaining()) {
                buf.clear();
                int n = ch.read(buf);
                buf.flip();
                if (n <= 0) return -1;
            }
            pos++;
            return buf.get() & 0xff;
        }

        @Override
        public int read() throws IOException {
            if (done) return -1;
            int b = next();
            if (b < 0) {
                done = true;
                return -1;
            }
            last = b;
            if (b == '\n') {
                newlines++;
                // pos is now one past this byte: its position is pos - 1.
                if (pos - 1 >= end - 1) done = true;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            if (!buf.hasRemaining()) {
                buf.clear();
                int r = ch.read(buf);
                buf.flip();
                if (r <= 0) {
                    done = true;
                    return -1;
                }
            }
            byte[] a = buf.array();
            int p = buf.position();
            int n = Math.min(len, buf.remaining());
            for (int i = 0; i < n; i++) {
                if (a[p + i] == '\n') {
                    newlines++;
                    if (pos + i >= end - 1) {
                        n = i + 1;
                        done = true;
                        break;
                    }
                }
            }
            System.arraycopy(a, p, b, off, n);
            buf.position(p + n);
            pos += n;
            last = a[p + n - 1] & 0xff;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[8192];
            long k = 0;
            while (k < n) {
                int r = read(sink, 0, (int) Math.min(sink.length, n - k));
                if (r < 0) break;
                k += r;
            }
            return k;
        }

        /** Lines delivered so far: every line feed, and a last line without one. */
        long lines() { return newlines + (last >= 0 && last != '\n' ? 1 : 0); }
    }
}
