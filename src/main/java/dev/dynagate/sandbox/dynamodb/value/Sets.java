package dev.dynagate.sandbox.dynamodb.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Order-free equality for DynamoDB sets, which the engine keeps as lists in the order the client gave. */
final class Sets {
    private Sets() {
    }

    static boolean sameElements(List<String> a, List<String> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    static boolean sameNumbers(List<BigDecimal> a, List<BigDecimal> b) {
        return a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(y -> y.compareTo(x) == 0));
    }

    static boolean sameBinaries(List<byte[]> a, List<byte[]> b) {
        return a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(y -> Arrays.equals(x, y)));
    }

    static int orderFreeHash(List<?> values) {
        Set<Object> set = new HashSet<>(values);
        return set.hashCode();
    }
}
