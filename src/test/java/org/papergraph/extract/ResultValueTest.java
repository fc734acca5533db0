package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResultValueTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "91.2|91.2|false", "91.2%|91.2|true", "2.46 (±0.1)|2.46|false", "85.1 ± 0.3|85.1|false",
            "'2,200'|2200|false", "'1,234.5'|1234.5|false", "'74,2'|74.2|false", "'99,45'|99.45|false",
            "1.82M|1820000|false", "1.82 M|1820000|false", "24K|24000|false", "1.5B|1500000000|false",
            "**70.3**|70.3|false", "63.7*|63.7|false", "\uFEFF93.3|93.3|false", "79.6%%|79.6|true",
            "-0.5|-0.5|false", ".5|0.5|false", "1e-3|0.001|false", "22|22|false", "76,2%|76.2|true", "78.0 (average of 3 split train/test)|78|false"})
    void numbers(String raw, String lexical, boolean percent) {
        ResultValue v = ResultValue.parse(raw).orElseThrow(() -> new AssertionError("no number in " + raw));
        assertEquals(lexical, v.lexical());
        assertEquals(percent, v.percent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "--", "N/A", "Yes", "UCF101", "78.6/84.4", ">1,400.000", "87:1", "2.8m", "O.753",
            "0.33s/img", "", "2.2.M", "improving about 0.2-0.3dB", "94.6 (14  gestures) , 91.9 (28 gestures )"})
    void notNumbers(String raw) {
        assertTrue(ResultValue.parse(raw).isEmpty(), raw);
    }
}
