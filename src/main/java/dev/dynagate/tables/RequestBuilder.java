package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link QuerySpec} into the exact Query or Scan to send. Every attribute name becomes a {@code #n}
 * placeholder and every value a {@code :v} placeholder, so reserved words and odd characters never break a request.
 */
public final class RequestBuilder {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Attr> values = new LinkedHashMap<>();

    private RequestBuilder() {
    }

    public static ReadRequest build(QuerySpec spec, TableDescription table) {
        return new RequestBuilder().toRequest(spec, table);
    }

    private ReadRequest toRequest(QuerySpec spec, TableDescription table) {
        TableDescription.KeySchema keys = table.keysOf(spec.index());
        boolean query = switch (spec.mode()) {
            case QUERY -> true;
            case SCAN -> false;
            case AUTO -> spec.partitionValue() != null
                    || spec.keyParts().partitionValues().stream().anyMatch(java.util.Objects::nonNull);
        };
        if (query && keys.multiAttribute()) {
            String keyCondition = multiAttributeKeyCondition(spec, keys);
            refuseKeyFilters(spec, keys);
            return request(spec, keys, true, keyCondition);
        }
        if (query && spec.partitionValue() == null) {
            throw new IllegalArgumentException("A Query needs a value for the partition key " + keys.partition().name() + ".");
        }
        if (!query && spec.sort() != null && spec.mode() == QuerySpec.Mode.SCAN) {
            throw new IllegalArgumentException("A sort-key condition needs a Query: give the partition key or pick Query.");
        }
        String keyCondition = null;
        if (query) {
            keyCondition = name(keys.partition().name()) + " = " + value(spec.partitionValue());
            if (spec.sort() != null) {
                if (keys.sort() == null) {
                    throw new IllegalArgumentException(whereLabel(spec) + " has no sort key.");
                }
                QuerySpec.SortCondition sort = spec.sort();
                String first = value(sort.first());
                String second = sort.op().operands() == 2 ? value(sort.second()) : null;
                keyCondition += " AND " + sort.op().render(name(keys.sort().name()), first, second);
            }
        }
        if (query) {
            refuseKeyFilters(spec, keys);
        }
        return request(spec, keys, query, keyCondition);
    }

    private ReadRequest request(QuerySpec spec, TableDescription.KeySchema keys, boolean query, String keyCondition) {
        String filter = filter(spec);
        String projection = spec.projection().isEmpty() ? null
                : String.join(", ", spec.projection().stream().map(this::path).toList());
        return new ReadRequest(query ? ReadRequest.Operation.QUERY : ReadRequest.Operation.SCAN, spec.table(),
                spec.index(), keyCondition, filter, projection, java.util.Collections.unmodifiableMap(names),
                java.util.Collections.unmodifiableMap(values), spec.pageSize(), spec.ascending(), spec.consistentRead(), plan(spec, keys, query));
    }

    /**
     * A multi-attribute key's condition: equality on every partition attribute, and conditions on the sort attributes
     * read from the left, as DynamoDB reads them: every one before the last given must be an equality.
     */
    private String multiAttributeKeyCondition(QuerySpec spec, TableDescription.KeySchema keys) {
        List<Attr> partitionValues = new ArrayList<>();
        partitionValues.add(spec.partitionValue());
        partitionValues.addAll(spec.keyParts().partitionValues());
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < keys.partitions().size(); i++) {
            if (i >= partitionValues.size() || partitionValues.get(i) == null) {
                missing.add(keys.partitions().get(i).name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("A Query of index " + spec.index() + " needs a value for every "
                    + "partition attribute: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " empty.");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.partitions().size(); i++) {
            parts.add(name(keys.partitions().get(i).name()) + " = " + value(partitionValues.get(i)));
        }
        List<QuerySpec.SortCondition> sorts = new ArrayList<>();
        sorts.add(spec.sort());
        sorts.addAll(spec.keyParts().sorts());
        int last = -1;
        for (int i = 0; i < Math.min(sorts.size(), keys.sorts().size()); i++) {
            if (sorts.get(i) != null) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            QuerySpec.SortCondition sort = sorts.get(i);
            String attribute = keys.sorts().get(i).name();
            if (i < last && (sort == null || sort.op() != SortOp.EQ)) {
                throw new IllegalArgumentException(attribute + " needs = because " + keys.sorts().get(last).name()
                        + " has a condition: DynamoDB reads the sort attributes from the left.");
            }
            parts.add(sort.op().render(name(attribute), value(sort.first()),
                    sort.op().operands() == 2 ? value(sort.second()) : null));
        }
        return String.join(" AND ", parts);
    }

    private static String whereLabel(QuerySpec spec) {
        return spec.index() == null ? "Table " + spec.table() : "Index " + spec.index();
    }

    private static String plan(QuerySpec spec, TableDescription.KeySchema keys, boolean query) {
        if (spec.mode() != QuerySpec.Mode.AUTO) {
            return query ? "Query" : "Scan";
        }
        if (query && keys.multiAttribute()) {
            return "Auto: Query, because the partition keys "
                    + String.join(", ", keys.partitions().stream().map(TableDescription.Key::name).toList())
                    + " are given.";
        }
        return query ? "Auto: Query, because the partition key " + keys.partition().name() + " is given."
                : "Auto: Scan, because no partition key value is given — this reads the whole "
                        + (spec.index() == null ? "table" : "index") + ".";
    }

    /** DynamoDB refuses a Query whose filter reads a key attribute of the table or index it queries. */
    private static void refuseKeyFilters(QuerySpec spec, TableDescription.KeySchema keys) {
        for (QuerySpec.Filter row : spec.filters()) {
            AttributePath.Step head = AttributePath.parse(row.path()).get(0);
            String attribute = head instanceof AttributePath.Name n ? n.name() : null;
            if (keys.partitions().stream().anyMatch(k -> k.name().equals(attribute))) {
                throw new IllegalArgumentException("A Query cannot filter on the partition key " + attribute
                        + ": its value is the partition key field above. Remove the filter row, or pick Scan.");
            }
            if (keys.sorts().stream().anyMatch(k -> k.name().equals(attribute))) {
                throw new IllegalArgumentException("A Query cannot filter on the sort key " + attribute
                        + ": use the sort-key condition instead, or pick Scan to filter it.");
            }
        }
    }

    private String filter(QuerySpec spec) {
        if (spec.filters().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (QuerySpec.Filter row : spec.filters()) {
            String path = path(row.path());
            int expected = row.op().operands();
            if (expected >= 0 && row.values().size() < expected || expected < 0 && row.values().isEmpty()) {
                throw new IllegalArgumentException("Filter on " + row.path() + " " + row.op() + " needs "
                        + (expected < 0 ? "at least one value" : expected + " value" + (expected == 1 ? "" : "s")) + ".");
            }
            List<Attr> used = expected < 0 ? row.values() : row.values().subList(0, expected);
            parts.add(row.op().render(path, used.stream().map(this::value).toList()));
        }
        String joiner = " " + spec.joiner().name() + " ";
        return parts.size() == 1 ? parts.get(0)
                : String.join(joiner, parts.stream().map(p -> "(" + p + ")").toList());
    }

    private String path(String text) {
        StringBuilder out = new StringBuilder();
        for (AttributePath.Step step : AttributePath.parse(text)) {
            if (step instanceof AttributePath.Name n) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name(n.name()));
            } else if (step instanceof AttributePath.Index i) {
                out.append('[').append(i.index()).append(']');
            }
        }
        return out.toString();
    }

    private String name(String attribute) {
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (entry.getValue().equals(attribute)) {
                return entry.getKey();
            }
        }
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String value(Attr attr) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, attr);
        return placeholder;
    }
}
