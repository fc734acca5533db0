package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.papergraph.serve.web.view.Views.Chart;

class SotaChartTest {
    /** One result (the demo's PReLU at 4.94 % top-5 error) spreads the axis by one each way; its ends read as decimals. */
    @Test
    void axisEndsOfASingleResultReadAsWritten() {
        Chart c = SotaChart.chart("Top-5 Error", List.of(new SotaChart.Point(2015.1, new BigDecimal("4.94"), null, "%")), true, Map.of());
        assertEquals(List.of("5.94", "3.94"), List.of(c.top(), c.bottom()), c.toString());
    }
}
