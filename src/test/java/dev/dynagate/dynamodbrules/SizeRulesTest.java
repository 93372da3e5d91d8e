package dev.dynagate.dynamodbrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SizeRulesTest {
    @Test
    void numbersCountAnExponentByteAndTheirBase100Digits() {
        assertThat(SizeRules.number(BigDecimal.ZERO)).isEqualTo(1);
        assertThat(SizeRules.number(new BigDecimal("1"))).isEqualTo(2);
        assertThat(SizeRules.number(new BigDecimal("100"))).isEqualTo(2);
        assertThat(SizeRules.number(new BigDecimal("123"))).isEqualTo(3);
        assertThat(SizeRules.number(new BigDecimal("-123"))).isEqualTo(4);
        assertThat(SizeRules.number(new BigDecimal("1.5"))).isEqualTo(3);
        assertThat(SizeRules.number(new BigDecimal("12345678901234567890123456789012345678"))).isEqualTo(20);
        assertThat(SizeRules.number(new BigDecimal("-12345678901234567890123456789012345678"))).isEqualTo(21);
        // 38 digits straddling the decimal point fill 20 base-100 digits: a negative one has no terminator
        assertThat(SizeRules.number(new BigDecimal("1.2345678901234567890123456789012345678"))).isEqualTo(21);
        assertThat(SizeRules.number(new BigDecimal("-1.2345678901234567890123456789012345678"))).isEqualTo(21);
        assertThat(SizeRules.number(new BigDecimal("-42"))).isEqualTo(3);
        assertThat(SizeRules.number(new BigDecimal("0.15"))).isEqualTo(2);
        assertThat(SizeRules.number(new BigDecimal("1E125"))).isEqualTo(2);
    }

    @Test
    void stringsCountTheirUtf8BytesWithoutEncoding() {
        assertThat(SizeRules.utf8("abc")).isEqualTo(3);
        assertThat(SizeRules.utf8("é")).isEqualTo(2);
        assertThat(SizeRules.utf8("€")).isEqualTo(3);
        assertThat(SizeRules.utf8("😀")).isEqualTo(4);
        assertThat(SizeRules.utf8("")).isZero();
    }
}
