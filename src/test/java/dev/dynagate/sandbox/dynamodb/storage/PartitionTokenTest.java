package dev.dynagate.sandbox.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PartitionTokenTest {

    private static AttrValue value(String type, String text) {
        return switch (type) {
            case "S" -> new AttrValue.S(text);
            case "N" -> new AttrValue.N(new BigDecimal(text));
            default -> new AttrValue.B(java.util.Base64.getDecoder().decode(text));
        };
    }

    /** Prefixes computed by dynalite for the same keys, so scans list partitions in the same order. */
    @ParameterizedTest
    @CsvSource({"S,a,f6558e", "S,b,6521ac", "S,héllo,ea2c2f", "N,0,ce212d", "N,1,c3a031", "N,-1,0267df",
            "N,10,3c465f", "N,123.456,5a8060", "N,-0.001,e0a1b7", "N,1E+100,773d98",
            "N,-12345678901234567890123456789012345678,089522", "N,99.99,515bd1", "N,0.5,b4a0a7", "N,-100,1326ef",
            "B,AP8=,7c24c3"})
    void tokenStartsWithTheObservedHashPrefix(String type, String text, String prefix) {
        long token = PartitionToken.of(value(type, text));
        assertThat(String.format("%016x", token)).startsWith(prefix);
    }

    @Test
    void segmentsPartitionThePrefixSpace() {
        for (int total : new int[] {1, 2, 3, 7, 100, 4096, 5000}) {
            List<Integer> owners = new ArrayList<>();
            for (int prefix = 0; prefix < PartitionToken.prefixCount(); prefix++) {
                int segment = PartitionToken.segment(PartitionToken.tokenOfPrefix(prefix) | 0xfffL, total);
                assertThat(PartitionToken.firstPrefix(segment, total)).isLessThanOrEqualTo(prefix);
                assertThat(PartitionToken.firstPrefix(segment + 1, total)).isGreaterThan(prefix);
                owners.add(segment);
            }
            assertThat(owners).isSorted();
        }
    }
}
