package dev.dynagate.sandbox.dynamodb.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DynamoDB's order for a set's members, and order-free equality for sets. */
final class Sets {
    private Sets() {
    }

    /** The members in order: the list itself when they already are (as every stored set is), else a sorted copy. */
    static <T> List<T> inOrder(List<T> members, Comparator<? super T> order) {
        for (int i = 1; i < members.size(); i++) {
            if (order.compare(members.get(i - 1), members.get(i)) > 0) {
                List<T> sorted = new ArrayList<>(members);
                sorted.sort(order);
                return Collections.unmodifiableList(sorted);
            }
        }
        return members;
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
