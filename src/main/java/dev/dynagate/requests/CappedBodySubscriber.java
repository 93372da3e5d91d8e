package dev.dynagate.requests;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body to its end but keeps only the first {@code limit} bytes, so a 2 GB download neither fills
 * the heap nor leaves the connection half read; the full size is still counted.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBodySubscriber.Body> {

    record Body(byte[] kept, long fullSize) {
        boolean truncated() {
            return fullSize > kept.length;
        }
    }

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private long total;

    CappedBodySubscriber(int limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int size = buffer.remaining();
            total += size;
            int room = limit - kept.size();
            if (room > 0) {
                byte[] chunk = new byte[Math.min(room, size)];
                buffer.get(chunk);
                kept.writeBytes(chunk);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(kept.toByteArray(), total));
    }
}
