package dev.dynagate.partitions;

/**
 * The structural prefix of a sort key, as single-table designs write them: {@code SAMPLE#0001} → {@code SAMPLE#},
 * {@code 2024-05|x} → {@code 2024-05|}. Keys without a separator, numbers and binaries have no prefix.
 */
public final class SortKeyPrefix {
    static final String NONE = "(no prefix)";
    private static final String SEPARATORS = "#|:";
    private static final int MAX_PREFIX = 40;

    private SortKeyPrefix() {
    }

    public static String of(DdbValue sortKey) {
        if (!(sortKey instanceof DdbValue.S s)) {
            return NONE;
        }
        String text = s.value();
        for (int i = 0; i < Math.min(text.length(), MAX_PREFIX); i++) {
            if (SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                return i == 0 ? NONE : text.substring(0, i + 1);
            }
        }
        return NONE;
    }
}
