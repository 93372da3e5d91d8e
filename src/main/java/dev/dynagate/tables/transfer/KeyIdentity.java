package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.TableDescription;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What makes two items the same item to DynamoDB: their key values, with numbers compared as numbers ({@code 1} and
 * {@code 1.0} are one key) and binary by its bytes.
 */
final class KeyIdentity {
    private KeyIdentity() {
    }

    static List<String> of(Map<String, Attr> item, TableDescription.KeySchema keys) {
        List<String> identity = new ArrayList<>(keys.partitions().size() + keys.sorts().size());
        for (String name : keys.names()) {
            identity.add(canonical(item.get(name)));
        }
        return identity;
    }

    static String canonical(Attr value) {
        if (value instanceof Attr.N n) {
            return "N" + number(n.value());
        } else if (value instanceof Attr.B b) {
            return "B" + Base64.getEncoder().encodeToString(b.bytes());
        } else if (value instanceof Attr.S s) {
            return "S" + s.value();
        }
        return String.valueOf(value);
    }

    static String number(String text) {
        BigDecimal value = new BigDecimal(text);
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
