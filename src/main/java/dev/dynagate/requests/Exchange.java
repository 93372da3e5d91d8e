package dev.dynagate.requests;

import dev.dynagate.requests.model.ResponseRecord;

/** One request as sent and the response it got. */
public record Exchange(SentRequest request, ResponseRecord response) {
}
