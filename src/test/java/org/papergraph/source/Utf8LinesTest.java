package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link Utf8Lines} keeps valid lines as they are, a real U+FFFD included, and reports each broken line alone. */
class Utf8LinesTest {
    static List<Utf8Lines.Line> lines(byte[] bytes) throws Exception {
        Utf8Lines in = new Utf8Lines(new ByteArrayInputStream(bytes), 64);
        List<Utf8Lines.Line> out = new ArrayList<>();
        for (Utf8Lines.Line l; (l = in.next()) != null; ) out.add(l);
        return out;
    }

    @Test
    void validLinesReadAsTheyAreAndBrokenOnesAreReportedAlone() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("plain ascii\r\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("Schrödinger 東京 \uD83D\uDE00 and a real \uFFFD\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xC3, '\n'});            // cut-off sequence
        b.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF, '\n'});              // overlong "/"
        b.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}); // an encoded surrogate
        b.writeBytes("x".repeat(100).getBytes(StandardCharsets.UTF_8));
        b.writeBytes("\nlast line without a break".getBytes(StandardCharsets.UTF_8));
        List<Utf8Lines.Line> lines = lines(b.toByteArray());
        assertEquals(7, lines.size());
        assertEquals("plain ascii", lines.get(0).text());
        assertEquals("Schrödinger 東京 \uD83D\uDE00 and a real \uFFFD", lines.get(1).text());
        for (int i = 2; i <= 4; i++) {
            assertNull(lines.get(i).text(), "line " + (i + 1));
            assertEquals("bytes that are not UTF-8", lines.get(i).error());
        }
        assertEquals("line longer than 64 bytes", lines.get(5).error());
        assertEquals(7, lines.get(6).number());
        assertEquals("last line without a break", lines.get(6).text());
    }
}
