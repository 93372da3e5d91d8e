package dev.dynagate.sandbox.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Held against a TreeMap doing the same: every read answers what an ordered map would. */
class OrderedItemsTest {
    private final OrderedItems items = new OrderedItems();
    private final TreeMap<IndexKey, StoredItem> expected = new TreeMap<>();
    private final Random random = new Random(11);

    private static StoredItem item(int n) {
        return StoredItem.of(Map.of("n", new AttrValue.N(BigDecimal.valueOf(n))));
    }

    /** Tokens from a small set collide often (partitions of several items); the others spread over all 64 bits. */
    private IndexKey randomKey(long[] shared) {
        long token = random.nextInt(3) == 0 ? shared[random.nextInt(shared.length)] : random.nextLong();
        return new IndexKey(token, new AttrValue.S("p" + (token & 7)), new AttrValue.N(BigDecimal.valueOf(
                random.nextInt(50))));
    }

    private void put(IndexKey key, StoredItem item) {
        assertThat(items.put(key, item)).isSameAs(expected.put(key, item));
    }

    private void remove(IndexKey key) {
        assertThat(items.remove(key)).isSameAs(expected.remove(key));
    }

    private static List<String> keys(Iterable<Map.Entry<IndexKey, StoredItem>> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.getKey() + "=" + e.getValue().item()));
        return out;
    }

    private void checkReads(long[] shared) {
        assertThat(keys(items.all())).isEqualTo(keys(expected.entrySet()));
        for (int i = 0; i < 40; i++) {
            IndexKey probe = randomKey(shared);
            assertThat(items.get(probe)).isSameAs(expected.get(probe));
            IndexKey low = new IndexKey(probe.token(), IndexKey.LOW);
            IndexKey high = new IndexKey(probe.token(), IndexKey.HIGH);
            assertThat(keys(items.partition(probe.token()).subMap(low, true, high, true).entrySet()))
                    .isEqualTo(keys(expected.subMap(low, true, high, true).entrySet()));
            IndexKey other = randomKey(shared);
            IndexKey from = probe.compareTo(other) <= 0 ? probe : other;
            IndexKey to = from == probe ? other : probe;
            boolean inclusive = random.nextBoolean();
            assertThat(keys(items.range(from, inclusive, to)))
                    .isEqualTo(keys(expected.subMap(from, inclusive, to, false).entrySet()));
            assertThat(keys(items.range(null, true, to))).isEqualTo(keys(expected.headMap(to, false).entrySet()));
            assertThat(keys(items.range(from, inclusive, null)))
                    .isEqualTo(keys(expected.tailMap(from, inclusive).entrySet()));
        }
    }

    @Test
    void answersAsAnOrderedMapWhileGrowingAndShrinking() {
        long[] shared = {0L, 1L, -1L, Long.MIN_VALUE, 0x7fffffffffffffffL, 0x1234L << 48};
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 2_500; i++) {
                put(randomKey(shared), item(i));
            }
            for (int i = 0; i < 800; i++) {
                remove(random.nextBoolean() ? randomKey(shared) : expected.keySet().stream()
                        .skip(random.nextInt(expected.size())).findFirst().orElseThrow());
            }
            checkReads(shared);
        }
        assertThat(expected.size()).isGreaterThan(7_000); // past several doublings of the buckets
    }

    @Test
    void emptiedPartitionsAndTablesReadAsEmpty() {
        long[] shared = {5L};
        List<IndexKey> added = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            IndexKey key = randomKey(shared);
            added.add(key);
            put(key, item(i));
        }
        for (IndexKey key : added) {
            remove(key);
        }
        assertThat(items.all()).isEmpty();
        assertThat(items.partition(5L)).isEmpty();
        assertThat(items.get(added.get(0))).isNull();
        put(added.get(0), item(1));
        assertThat(keys(items.all())).isEqualTo(keys(expected.entrySet()));
    }

    @Test
    void replacingAnItemKeepsOneEntry() {
        IndexKey key = new IndexKey(42L, new AttrValue.S("a"));
        put(key, item(1));
        put(new IndexKey(42L, new AttrValue.S("a")), item(2));
        assertThat(keys(items.all())).isEqualTo(keys(expected.entrySet())).hasSize(1);
        assertThat(items.get(key).item()).isEqualTo(item(2).item());
        put(new IndexKey(42L, new AttrValue.S("b")), item(3));
        put(new IndexKey(42L, new AttrValue.S("a")), item(4));
        assertThat(keys(items.all())).isEqualTo(keys(expected.entrySet())).hasSize(2);
    }

    /**
     * A walk that runs beside the writer, as a snapshot's does, sees every entry that was there when it started and
     * was left alone, however the buckets split meanwhile.
     */
    @Test
    void aWalkBesideTheWriterSeesEveryUntouchedEntry() throws Exception {
        List<IndexKey> kept = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            IndexKey key = new IndexKey(random.nextLong(), new AttrValue.S("k" + i));
            kept.add(key);
            items.put(key, item(i));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            Random own = new Random(3);
            try {
                for (int i = 0; !stop.get() && i < 200_000; i++) {
                    IndexKey key = new IndexKey(own.nextLong(), new AttrValue.S("w" + i));
                    items.put(key, item(i));
                    if (i % 3 == 0) {
                        items.remove(key);
                    }
                }
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        writer.start();
        try {
            for (int pass = 0; pass < 5 || writer.isAlive(); pass++) {
                Set<IndexKey> seen = new HashSet<>();
                IndexKey previous = null;
                for (Map.Entry<IndexKey, StoredItem> e : items.all()) {
                    if (previous != null) {
                        assertThat(e.getKey().compareTo(previous)).isPositive();
                    }
                    previous = e.getKey();
                    seen.add(e.getKey());
                }
                assertThat(kept.stream().filter(k -> !seen.contains(k)).toList()).isEmpty();
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(failed.get()).isNull();
    }
}
