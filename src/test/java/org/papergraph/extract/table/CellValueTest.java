package org.papergraph.extract.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CellValueTest {
    static String read(String cell) {
        CellValue v = CellValue.parse(cell);
        return v == null ? null : v.lexical() + (v.percent() ? "%" : "") + (v.interval() == null ? "" : "±" + v.interval().toPlainString());
    }

    @Test
    void scoresAsTablesWriteThem() {
        assertEquals("91.2", read("91.2"));
        assertEquals("0.313", read(".313"));
        assertEquals("91.2%", read("91.2%"));
        assertEquals("85.1±0.3", read("85.1 ± 0.3"));
        assertEquals("85.1±0.3", read("85.1±0.3"));
        assertEquals("85.1±0.3", read("85.1 (0.3)"));
        assertEquals("1234.5", read("1,234.5"));
        assertEquals("27300000", read("27.3M"));
        assertEquals("84.2", read("84.2*"));
        assertEquals("84.2", read("84.2†‡"));
        assertEquals("84.2", read("84.2^a"));
        assertEquals("84.2", read("84.2 [12]"));
        assertEquals("-0.12", read("−0.12"));
        assertEquals("37.8", read("37.8↑"));
    }

    @Test
    void notScores() {
        for (String s : new String[] {"", "-", "N/A", "ResNet-50", "+1.2", "3-5", "12.1 13.4", "yes", "78.6/84.4"}) {
            assertNull(CellValue.parse(s), s);
        }
    }

    @Test
    void pairsSplitOnlyWhenTheHeaderNamesThatMany() {
        List<CellValue> two = CellValue.values("37.83/0.9600", 2);
        assertEquals(List.of(new BigDecimal("37.83"), new BigDecimal("0.9600")), two.stream().map(CellValue::value).toList());
        assertTrue(CellValue.values("37.83/0.9600", 3).isEmpty());
        assertTrue(CellValue.values("37.83/0.9600", 1).isEmpty());
    }
}
