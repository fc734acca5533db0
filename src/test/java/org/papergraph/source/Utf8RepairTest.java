package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8RepairTest {
    record Report(long line, long column, int bytes) {}

    static String repair(byte[] in, List<Report> reports, int chunk) throws IOException {
        InputStream slow = new ByteArrayInputStream(in) {
            @Override
            public synchronized int read(byte[] b, int off, int len) { return super.read(b, off, Math.min(len, chunk)); }
        };
        try (Utf8Repair r = new Utf8Repair(slow, (l, c, n) -> reports.add(new Report(l, c, n)))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static byte[] bytes(String prefix, int[] bad, String suffix) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        for (int x : bad) b.write(x);
        b.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    @Test
    void validUtf8PassesThroughUnchanged() throws IOException {
        String text = "\uFEFFTitle: Łukasz Kaiser, naïve Bayes, 変換器, \uD83D\uDE00 emoji\nsecond line, a real \uFFFD\n";
        List<Report> reports = new ArrayList<>();
        for (int chunk : new int[] {1, 2, 3, 7, 1 << 16}) {
            assertEquals(text, repair(text.getBytes(StandardCharsets.UTF_8), reports, chunk));
        }
        assertEquals(List.of(), reports);
    }

    @Test
    void badBytesBecomeOneReplacementPerRunWithLineAndColumn() throws IOException {
        List<Report> reports = new ArrayList<>();
        // one bad byte on line 2; a run of three on line 3; a sequence cut short by the end of the stream
        byte[] built = concat(bytes("first line\nLearning é", new int[] {0xFF}, " works\nab"),
                new byte[] {(byte) 0x80, (byte) 0xC0, (byte) 0xAF}, "cd é".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82});
        for (int chunk : new int[] {1, 2, 5, 1 << 16}) {
            reports.clear();
            assertEquals("first line\nLearning é\uFFFD works\nab\uFFFDcd é\uFFFD", repair(built, reports, chunk));
            assertEquals(List.of(new Report(2, 11, 1), new Report(3, 3, 3), new Report(3, 8, 2)), reports, "chunk " + chunk);
        }
    }

    @Test
    void surrogatesOverlongFormsAndValuesPastTheLastCodePointAreBad() throws IOException {
        int[][] bad = {{0xED, 0xA0, 0x80}, {0xE0, 0x80, 0xAF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80}, {0xC1, 0xBF}};
        for (int[] b : bad) {
            List<Report> reports = new ArrayList<>();
            assertEquals("x\uFFFDy", repair(bytes("x", b, "y"), reports, 3));
            assertEquals(1, reports.size());
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() throws IOException {
        Random rnd = new Random(21);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[rnd.nextInt(40)];
            rnd.nextBytes(b);
            String repaired = repair(b, new ArrayList<>(), 1 + rnd.nextInt(5));
            // Same text wherever the JDK finds no error; each JDK replacement run is one of ours.
            String jdk = new String(b, StandardCharsets.UTF_8).replaceAll("\uFFFD+", "\uFFFD");
            assertEquals(jdk, repaired.replaceAll("\uFFFD+", "\uFFFD"), java.util.HexFormat.of().formatHex(b));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return b.toByteArray();
    }
}
