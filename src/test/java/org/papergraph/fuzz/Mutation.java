package org.papergraph.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The ways the fuzzer damages a real file. Each mutation is a pure function of the seed bytes and a
 * {@link Random}, so a case is reproduced by its seed file, mutation and random seed.
 */
public enum Mutation {
    /** The file cut at a random offset, as a download that stopped. */
    TRUNCATE {
        @Override Mutant apply(byte[] s, Random r) {
            int at = s.length == 0 ? 0 : r.nextInt(s.length);
            return Mutant.splice(this, s, at, s.length, new byte[0]);
        }
    },
    /** One to three bytes changed within a few bytes of each other. */
    FLIP_BYTES {
        @Override Mutant apply(byte[] s, Random r) {
            if (s.length == 0) return Mutant.whole(this, s);
            int at = r.nextInt(s.length);
            int end = Math.min(s.length, at + 1 + r.nextInt(4));
            byte[] with = Arrays.copyOfRange(s, at, end);
            int flips = 1 + r.nextInt(3);
            for (int i = 0; i < flips; i++) with[r.nextInt(with.length)] ^= (byte) (1 + r.nextInt(255));
            return Mutant.splice(this, s, at, end, with);
        }
    },
    /** A byte sequence that is not UTF-8 (stray continuation, overlong form, surrogate, 0xFF, NUL) inserted. */
    INVALID_UTF8 {
        private final byte[][] bad = {
                {(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1},
                {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {0},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

        @Override Mutant apply(byte[] s, Random r) {
            int at = r.nextInt(s.length + 1);
            return Mutant.splice(this, s, at, at, bad[r.nextInt(bad.length)]);
        }
    },
    /** A burst of random bytes (newlines included, by chance) inserted at a random offset. */
    JUNK_INSERTED {
        @Override Mutant apply(byte[] s, Random r) {
            int at = r.nextInt(s.length + 1);
            byte[] junk = new byte[1 + r.nextInt(256)];
            r.nextBytes(junk);
            return Mutant.splice(this, s, at, at, junk);
        }
    },
    /** A 5 MB run of words put into a title (JSON "title" value, XML title element, or a record's first line). */
    HUGE_FIELD {
        private final Pattern title = Pattern.compile(
                "\"title\"\\s*:\\s*\"|<(?:[A-Za-z]+:)?title\\b[^>]*>", Pattern.CASE_INSENSITIVE);

        @Override Mutant apply(byte[] s, Random r) {
            byte[] huge = "Huge ".repeat(HUGE_BYTES / 5).getBytes(StandardCharsets.US_ASCII);
            // Latin-1 keeps byte offsets equal to char offsets for the regex.
            String text = new String(s, StandardCharsets.ISO_8859_1);
            Matcher m = title.matcher(text);
            int count = 0;
            while (m.find()) count++;
            int at;
            if (count > 0) {
                int pick = r.nextInt(count);
                m.reset();
                for (int i = 0; i <= pick; i++) m.find();
                at = m.end();
            } else {
                at = lineStart(s, r);
            }
            return Mutant.splice(this, s, at, at, huge);
        }
    },
    /** 10,000 levels of nesting: JSON arrays, XML elements, or brackets in text, at the start of a line. */
    DEEP_NESTING {
        @Override Mutant apply(byte[] s, Random r) {
            String t = new String(s, 0, Math.min(s.length, 256), StandardCharsets.ISO_8859_1).stripLeading();
            String deep;
            int at;
            if (t.startsWith("<")) {
                deep = "<a>".repeat(DEPTH) + "</a>".repeat(DEPTH);
                at = insideRoot(s);
            } else if (t.startsWith("{") || t.startsWith("[")) {
                deep = "{\"title\":\"deep\",\"x\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}\n";
                at = lineStart(s, r);
            } else {
                deep = "(".repeat(DEPTH) + "\n";
                at = lineStart(s, r);
            }
            return Mutant.splice(this, s, at, at, deep.getBytes(StandardCharsets.US_ASCII));
        }
    },
    /** The text re-encoded as ISO-8859-1 (non-Latin characters become '?'). */
    LATIN1 {
        @Override Mutant apply(byte[] s, Random r) {
            return Mutant.whole(this, new String(s, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1));
        }
    },
    /** The text re-encoded as UTF-16 with a byte-order mark. */
    UTF16 {
        @Override Mutant apply(byte[] s, Random r) {
            return Mutant.whole(this, new String(s, StandardCharsets.UTF_8).getBytes(
                    r.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE));
        }
    },
    /** Nothing at all, or only line breaks. */
    EMPTY {
        @Override Mutant apply(byte[] s, Random r) {
            return Mutant.whole(this, r.nextBoolean() ? new byte[0] : "\n\r\n\n".getBytes(StandardCharsets.US_ASCII));
        }
    },
    /** Random bytes instead of the file. */
    BINARY_JUNK {
        @Override Mutant apply(byte[] s, Random r) {
            byte[] junk = new byte[1 + r.nextInt(1 << 16)];
            r.nextBytes(junk);
            return Mutant.whole(this, junk);
        }
    },
    /** The file gzipped, then cut short: the stream fails part-way. */
    GZIP_TRUNCATED {
        @Override Mutant apply(byte[] s, Random r) {
            byte[] gz = gzip(s);
            return Mutant.whole(this, Arrays.copyOf(gz, 10 + r.nextInt(Math.max(1, gz.length - 10))));
        }
    },
    /** The file gzipped, then one compressed byte changed: a data or checksum error. */
    GZIP_CORRUPT {
        @Override Mutant apply(byte[] s, Random r) {
            byte[] gz = gzip(s);
            if (gz.length > 20) gz[10 + r.nextInt(gz.length - 10)] ^= (byte) (1 + r.nextInt(255));
            return Mutant.whole(this, gz);
        }
    };

    static final int HUGE_BYTES = 5 << 20;
    static final int DEPTH = 10_000;

    /** Makes one mutant of {@code seed}. */
    abstract Mutant apply(byte[] seed, Random random);

    /** The offset of the start of a random line. */
    static int lineStart(byte[] s, Random r) {
        int lines = Mutant.newlines(s, 0, s.length);
        int pick = r.nextInt(lines + 1);
        if (pick == 0) return 0;
        int seen = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == '\n' && ++seen == pick) return i + 1;
        }
        return s.length;
    }

    /** Just after the root element's start tag, so the nesting sits inside the document. */
    static int insideRoot(byte[] s) {
        for (int i = 0; i + 1 < s.length; i++) {
            if (s[i] == '<' && Character.isLetter(s[i + 1])) {
                for (int j = i; j < s.length; j++) if (s[j] == '>') return j + 1;
            }
        }
        return s.length;
    }

    static byte[] gzip(byte[] s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
