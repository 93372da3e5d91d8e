package dev.dynagate.sandbox.dynamodb.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * How DynamoDB's current validation layer echoes a set with a repeated member: the members it had taken in, in byte
 * order, then the repeat, then the rest as sent; each quoted. As recorded against DynamoDB in four regions
 * (2026-10): SS [b, a, b] is echoed ["a", "b", "b"], BS [/w==, AA==, AA==] is echoed ["AA==","/w==","AA=="].
 */
final class SetEcho {
    /** Base64 members by the unsigned order of the bytes they encode. */
    static final Comparator<String> BASE64_BYTES =
            (a, b) -> Arrays.compareUnsigned(Base64.getDecoder().decode(a), Base64.getDecoder().decode(b));
    /** String members by the unsigned order of their UTF-8 bytes. */
    static final Comparator<String> UTF8_BYTES = AttrOrder::compareCodePoints;

    private SetEcho() {
    }

    static String quoted(List<String> members, Comparator<String> order, String separator) {
        TreeSet<String> taken = new TreeSet<>(order);
        List<String> echo = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            if (!taken.add(members.get(i))) {
                echo.addAll(taken);
                echo.addAll(members.subList(i, members.size()));
                break;
            }
        }
        List<String> quoted = echo.stream().map(m -> "\"" + m + "\"").toList();
        return "[" + String.join(separator, quoted) + "]";
    }
}
