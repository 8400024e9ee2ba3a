package io.roleradar.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collector that stops reading, and cancels the download, as soon as the body
 * passes the cap (or the declared Content-Length already does), so an oversized answer costs at
 * most the cap in memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private final long cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long cap) {
        this.cap = cap;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return info -> {
            CappedBody body = new CappedBody(cap);
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > cap) {
                body.result.completeExceptionally(new TooLargeException(
                        "declared size " + declared + " bytes is over the limit of " + cap + " bytes"));
            }
            return body;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (buffer.size() + (long) b.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException("body is over the limit of " + cap + " bytes"));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            buffer.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }
}
