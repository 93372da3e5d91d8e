package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the clients were told succeeded. */
final class WriteLedger {
    private final Map<String, String> puts = new ConcurrentHashMap<>();
    private final Set<String> transactions = ConcurrentHashMap.newKeySet();
    private final Set<String> attempted = ConcurrentHashMap.newKeySet();
    private final Map<String, String> swaps = new ConcurrentHashMap<>();
    private final Set<String> attemptedSwaps = ConcurrentHashMap.newKeySet();
    private final List<String> duplicateSwaps = new ArrayList<>();

    void acknowledgePut(String id, String value) {
        puts.put(id, value);
    }

    void attemptTransaction(String id) {
        attempted.add(id);
    }

    void acknowledgeTransaction(String id) {
        transactions.add(id);
    }

    /** Two acknowledged swaps from the same old value would mean a conditional write was not atomic. */
    synchronized void acknowledgeSwap(String from, String to) {
        String earlier = swaps.putIfAbsent(from, to);
        if (earlier != null) {
            duplicateSwaps.add(from + " -> " + earlier + " and -> " + to);
        }
    }

    void attemptSwap(String to) {
        attemptedSwaps.add(to);
    }

    /**
     * The stored value must be where the acknowledged swaps end, or a swap that was sent but whose answer was lost
     * in the crash; a value that an acknowledged swap moved away from means that swap was lost.
     */
    synchronized void assertSwapsFormOneChainEndingAt(String stored) {
        assertThat(duplicateSwaps).as("conditional writes that both succeeded on the same old value").isEmpty();
        Set<String> allowed = new HashSet<>();
        swaps.values().stream().filter(to -> !swaps.containsKey(to)).forEach(allowed::add);
        if (!swaps.containsKey("0")) {
            allowed.add("0");
        }
        attemptedSwaps.stream().filter(to -> !swaps.containsValue(to)).forEach(allowed::add);
        assertThat(allowed).as("values the contended item may hold after the crash").contains(stored);
    }

    int acknowledgedPuts() {
        return puts.size();
    }

    int acknowledgedTransactions() {
        return transactions.size();
    }

    Map<String, String> puts() {
        return puts;
    }

    Set<String> transactions() {
        return transactions;
    }

    Set<String> attemptedTransactions() {
        return attempted;
    }
}
