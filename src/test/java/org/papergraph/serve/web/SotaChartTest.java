package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SotaChartTest {
    /** One result (the demo's PReLU at 4.94 % top-5 error) spreads the axis by one each way; its ends read as decimals. */
    @Test
    void axisEndsOfASingleResultReadAsWritten() {
        String svg = SotaChart.svg("Top-5 Error", List.of(new SotaChart.Point(2015.1, new BigDecimal("4.94"), null)), true, Map.of());
        assertTrue(svg.contains(">5.94</text>") && svg.contains(">3.94</text>"), svg);
        assertFalse(svg.contains("0000000"), svg);
    }
}
