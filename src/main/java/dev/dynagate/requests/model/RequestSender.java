package dev.dynagate.requests.model;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one request whose variables are already resolved: applies its auth (signing SigV4 with the SDK's signer
 * and credentials), sends it with java.net.http, and completes with the response. Cancelling the future aborts the
 * exchange. Failures (bad URL, DNS, refused, timeout, credentials) complete exceptionally with a
 * {@link RequestFailure} whose message is meant for people.
 */
public interface RequestSender {

    CompletableFuture<ResponseRecord> send(RequestSpec resolved);
}
