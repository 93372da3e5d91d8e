package dev.dynagate.tables;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DynamoDB's rules for the secondary indexes of a table being created or added to a table, worded for the forms that
 * make them: names, keys, one type per attribute across every key, the per-table limits and INCLUDE's attribute list.
 * What is left (the account's quotas) DynamoDB answers itself.
 */
final class IndexRules {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    static final int MAX_GLOBAL = 20;
    static final int MAX_LOCAL = 5;
    /** NonKeyAttributes summed over every index of the table. */
    static final int MAX_PROJECTED = 100;
    private static final int MAX_KEY_NAME_BYTES = 255;

    private IndexRules() {
    }

    /** A key attribute's name: present and within 255 bytes; the problem in words, or null. */
    static String keyName(String value, String which) {
        if (value == null || value.isEmpty()) {
            return "Name the " + which + " key.";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_NAME_BYTES) {
            return "A key name is 255 bytes at most.";
        }
        return null;
    }

    /** The first problem with the indexes of a table keyed by {@code partition} and {@code sort} (or none). */
    static String check(TableDescription.Key partition, TableDescription.Key sort, List<IndexDraft> drafts) {
        return check(partition, sort, drafts, List.of());
    }

    /** The same for indexes added to a table that has the {@code existing} ones. */
    static String check(TableDescription.Key partition, TableDescription.Key sort, List<IndexDraft> drafts,
                        List<TableDescription.Index> existing) {
        long locals = drafts.stream().filter(IndexDraft::local).count()
                + existing.stream().filter(i -> i.kind() == TableDescription.IndexKind.LSI).count();
        if (drafts.size() + existing.size() - locals > MAX_GLOBAL) {
            return "A table has at most " + MAX_GLOBAL + " global indexes.";
        }
        if (locals > MAX_LOCAL) {
            return "A table has at most " + MAX_LOCAL + " local indexes.";
        }
        Map<String, KeyType> types = new LinkedHashMap<>();
        Map<String, String> usedBy = new LinkedHashMap<>();
        types.put(partition.name(), partition.type());
        usedBy.put(partition.name(), "the table's key");
        if (sort != null) {
            types.putIfAbsent(sort.name(), sort.type());
            usedBy.putIfAbsent(sort.name(), "the table's key");
        }
        Set<String> names = new HashSet<>();
        int projected = 0;
        for (TableDescription.Index index : existing) {
            names.add(index.name());
            projected += index.nonKeyAttributes().size();
            List<TableDescription.Key> keys = new java.util.ArrayList<>(index.keys().partitions());
            keys.addAll(index.keys().sorts());
            for (TableDescription.Key key : keys) {
                types.putIfAbsent(key.name(), key.type());
                usedBy.putIfAbsent(key.name(), "index " + index.name());
            }
        }
        for (int i = 0; i < drafts.size(); i++) {
            IndexDraft draft = drafts.get(i);
            String name = draft.name().get().strip();
            if (name.isEmpty()) {
                return "Name index " + (i + 1) + ".";
            }
            String label = "Index " + name;
            if (!NAME.matcher(name).matches()) {
                return label + ": an index name is 3 to 255 letters, digits, '_', '-' or '.'.";
            }
            if (!names.add(name)) {
                return existing.stream().anyMatch(index -> index.name().equals(name))
                        ? "The table already has an index named " + name + "." : "Two indexes are named " + name + ".";
            }
            String keys = keys(draft, label, partition, sort);
            if (keys != null) {
                return keys;
            }
            TableAdmin.IndexSpec spec = draft.toSpec(partition);
            String clash = sameType(spec.partition(), label, types, usedBy);
            if (clash == null && spec.sort() != null) {
                clash = sameType(spec.sort(), label, types, usedBy);
            }
            if (clash != null) {
                return clash;
            }
            if (draft.projection().get() == IndexDraft.Projection.INCLUDE) {
                List<String> included = draft.includedNames();
                if (included.isEmpty()) {
                    return label + ": list the attributes to include, separated by commas.";
                }
                if (new HashSet<>(included).size() < included.size()) {
                    return label + ": an included attribute is named twice.";
                }
                projected += included.size();
            }
        }
        if (projected > MAX_PROJECTED) {
            return "The indexes include " + projected + " attributes; DynamoDB allows " + MAX_PROJECTED
                    + " across a table's indexes.";
        }
        return null;
    }

    private static String keys(IndexDraft draft, String label, TableDescription.Key tablePartition,
                               TableDescription.Key tableSort) {
        if (draft.local()) {
            if (tableSort == null) {
                return label + ": a local index needs a table with a sort key.";
            }
        } else {
            String partitionProblem = keyName(draft.keys().partitionName().get(), "partition");
            if (partitionProblem != null) {
                return label + ": " + lowerFirst(partitionProblem);
            }
        }
        if (draft.keys().hasSortKey().get()) {
            String sortProblem = keyName(draft.keys().sortName().get(), "sort");
            if (sortProblem != null) {
                return label + ": " + lowerFirst(sortProblem);
            }
            String partitionName = draft.local() ? tablePartition.name() : draft.keys().partitionName().get();
            if (draft.keys().sortName().get().equals(partitionName)) {
                return label + ": the sort key needs another name than the partition key.";
            }
        }
        return null;
    }

    /** DynamoDB declares each key attribute once, so every key naming it must agree on its type. */
    private static String sameType(TableDescription.Key key, String label, Map<String, KeyType> types,
                                   Map<String, String> usedBy) {
        KeyType known = types.putIfAbsent(key.name(), key.type());
        if (known != null && known != key.type()) {
            return label + ": " + key.name() + " is " + key.type() + " here but " + known + " in "
                    + usedBy.get(key.name()) + "; an attribute has one type in every key.";
        }
        usedBy.putIfAbsent(key.name(), label.replace("Index ", "index "));
        return null;
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
