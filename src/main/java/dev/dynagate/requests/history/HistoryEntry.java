package dev.dynagate.requests.history;

import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One request as the user wrote it ({@code {{variables}}} unresolved, so a replay resolves them again) and the
 * response it got. The body is kept up to {@link HistoryStore#BODY_LIMIT}.
 *
 * @param sentUrl the URL actually called (variables resolved, no signature)
 */
public record HistoryEntry(String id, Instant at, RequestSpec request, String sentUrl, int status, long elapsedMillis,
                           long size, List<KeyValue> responseHeaders, String responseBody, boolean bodyCut) {

    public HistoryEntry {
        responseHeaders = responseHeaders == null ? List.of() : List.copyOf(responseHeaders);
    }

    /** What a search matches against: method, URL, status and the local date and time. */
    String searchText(ZoneId zone) {
        return (request.method() + " " + sentUrl + " " + request.url() + " " + status + " "
                + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at.atZone(zone).toLocalDateTime()))
                .toLowerCase(Locale.ROOT);
    }
}
