package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {
    static String readUntilFailure(Reader r, StringBuilder sb) throws IOException {
        char[] buf = new char[7];
        int n;
        while ((n = r.read(buf, 0, buf.length)) > 0) sb.append(buf, 0, n);
        return sb.toString();
    }

    @Test
    void deliversEveryCharacterBeforeTheBadByteThenFails() {
        byte[] good = "\uFEFFcaf\u00e9 na\u00efve ".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xC3;
        bytes[good.length + 1] = 0x28;
        bytes[good.length + 2] = 'x';
        StringBuilder sb = new StringBuilder();
        StrictUtf8Reader r = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
        StrictUtf8Reader.NotUtf8Exception e = assertThrows(StrictUtf8Reader.NotUtf8Exception.class, () -> readUntilFailure(r, sb));
        assertEquals(good.length, e.offset());
        // only the leading byte-order mark is dropped; the ones inside the text are characters
        assertEquals(new String(good, StandardCharsets.UTF_8).substring(1), sb.toString());
        assertThrows(StrictUtf8Reader.NotUtf8Exception.class, () -> r.read(new char[4], 0, 4));
    }

    @Test
    void cutMultiByteCharacterAtTheEndIsAnErrorAndEmptyInputIsEnd() throws IOException {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82};
        StringBuilder sb = new StringBuilder();
        StrictUtf8Reader.NotUtf8Exception e = assertThrows(StrictUtf8Reader.NotUtf8Exception.class,
                () -> readUntilFailure(new StrictUtf8Reader(new ByteArrayInputStream(bytes)), sb));
        assertEquals("a", sb.toString());
        assertEquals(1, e.offset());
        Reader empty = new StrictUtf8Reader(new ByteArrayInputStream(new byte[0]));
        assertEquals(-1, empty.read(new char[4], 0, 4));
        assertEquals(-1, empty.read(new char[4], 0, 4));
    }
}
