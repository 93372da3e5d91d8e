package dev.dynagate.requests;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.KeyValue;
import java.net.URI;
import java.util.List;

/**
 * Signs a request with AWS Signature Version 4. Implemented in {@code aws/} over the SDK's own signer and
 * credential providers, so this package never touches SDK types. When credentials cannot be had (missing, expired,
 * an SSO session to renew) it throws a {@link dev.dynagate.requests.model.RequestFailure} of kind CREDENTIALS and
 * the request is not sent.
 */
public interface RequestSigner {

    Signed sign(Unsigned request, Auth.SigV4 auth);

    /** What is about to be sent: the URI (with its query), the headers and the exact body bytes. */
    record Unsigned(String method, URI uri, List<KeyValue> headers, byte[] body) {
    }

    /** The request to send instead: the URI as the signer canonicalised it and every header including the signature. */
    record Signed(URI uri, List<KeyValue> headers, SigningDetails details) {
    }
}
