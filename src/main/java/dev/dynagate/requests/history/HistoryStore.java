package dev.dynagate.requests.history;

import dev.dynagate.files.FileReplace;
import dev.dynagate.requests.Exchange;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.requests.model.ResponseRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every request sent and its response, one JSON line each in the data folder, newest last. Bounded: when the file
 * holds a fifth more than the limit it is rewritten with the newest {@code limit} entries. Lines that cannot be
 * read (a crash mid-write) are skipped. Calls do disk I/O: run them in the background.
 */
public final class HistoryStore {
    public static final int DEFAULT_LIMIT = 1000;
    /** Bodies beyond this are kept cut; the size stays known. */
    public static final int BODY_LIMIT = 256 * 1024;

    private final Path file;
    private final int limit;
    private final Clock clock;
    private long lineCount = -1;

    public HistoryStore(Path file, int limit, Clock clock) {
        this.file = file;
        this.limit = limit;
        this.clock = clock;
    }

    public synchronized HistoryEntry add(RequestSpec request, Exchange exchange) {
        ResponseRecord response = exchange.response();
        String body = response.bodyText();
        boolean cut = response.truncated() || body.length() > BODY_LIMIT;
        HistoryEntry entry = new HistoryEntry(UUID.randomUUID().toString(), clock.instant(), request,
                exchange.request().uri().toString(), response.status(), response.elapsed().toMillis(),
                response.fullSize(), response.headers(), cut ? body.substring(0, Math.min(body.length(), BODY_LIMIT)) : body,
                cut);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, HistoryCodec.write(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            trimIfNeeded();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the request history to " + file, e);
        }
        return entry;
    }

    /** Newest first. */
    public synchronized List<HistoryEntry> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        entries.add(HistoryCodec.read(line));
                    } catch (IOException | RuntimeException unreadable) {
                        // a torn last line after a crash: skip it, keep the rest
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request history " + file, e);
        }
        Collections.reverse(entries);
        return entries;
    }

    /**
     * Entries whose method, URL, status or local date-time contain every word of the query (case-insensitive);
     * {@code 5xx} matches any 500-599 status.
     */
    public List<HistoryEntry> search(String query) {
        return filter(load(), query, clock.getZone());
    }

    public static List<HistoryEntry> filter(List<HistoryEntry> entries, String query, ZoneId zone) {
        List<String> words = query == null ? List.of()
                : Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isBlank()).toList();
        return entries.stream().filter(e -> words.stream().allMatch(w -> matches(e, w, zone))).toList();
    }

    private static boolean matches(HistoryEntry entry, String word, ZoneId zone) {
        if (word.matches("[1-5]xx")) {
            return entry.status() / 100 == word.charAt(0) - '0';
        }
        return entry.searchText(zone).contains(word);
    }

    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
            lineCount = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void trimIfNeeded() throws IOException {
        if (lineCount < 0) {
            try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
                lineCount = stream.count();
            }
        } else {
            lineCount++;
        }
        if (lineCount <= limit + limit / 5) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lineCount = limit;
        FileReplace.writeString(file, String.join("\n", lines.subList(lines.size() - limit, lines.size())) + "\n");
    }
}
