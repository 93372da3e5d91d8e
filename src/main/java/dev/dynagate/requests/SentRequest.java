package dev.dynagate.requests;

import dev.dynagate.requests.model.KeyValue;
import java.net.URI;
import java.util.List;

/**
 * The request exactly as it left: final URI, every header we set (auth included), the body bytes, and for SigV4
 * what the signature covered (null otherwise).
 */
public record SentRequest(String method, URI uri, List<KeyValue> headers, byte[] body, SigningDetails signing) {
}
