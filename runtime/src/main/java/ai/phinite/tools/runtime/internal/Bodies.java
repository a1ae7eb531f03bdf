package ai.phinite.tools.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Response bodies: read into bytes up to a limit, then JSON when it parses, text otherwise. */
final class Bodies {
  private Bodies() {}

  /** A body node: JSON when it parses, text otherwise, a JSON {@code null} when empty. */
  static JsonNode parse(byte[] bytes, String contentType) {
    int first = 0;
    while (first < bytes.length && isSpace(bytes[first])) {
      first++;
    }
    if (first == bytes.length) {
      return JsonNodeFactory.instance.nullNode();
    }
    boolean jsonType = contentType != null
        && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    if (jsonType || bytes[first] == '{' || bytes[first] == '[') {
      try {
        return Json.MAPPER.readTree(bytes);
      } catch (IOException notJson) {
        // A body that claims to be JSON but is not is still the server's answer: keep it as text.
      }
    }
    return JsonNodeFactory.instance.textNode(new String(bytes, StandardCharsets.UTF_8));
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /** Signals a body over the limit; nothing more of it is read. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("response body over the limit", null);
    }
  }

  /**
   * Collects a body into one array of its exact size, as the JDK's own {@code ofByteArray} does
   * (keeping the client's buffers until the end, one copy), and cancels it as soon as it passes
   * the limit. It keeps its subscription, so that {@link #cancel()} stops reading the body at
   * once: JDK 17's request timeout stops at the headers, so the runtime's deadline needs this to
   * cover the body too.
   */
  static final class Limited implements java.net.http.HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new java.util.ArrayList<>(4);
    private Flow.Subscription subscription;
    private boolean cancelled;
    private long size;

    Limited(long limit) {
      this.limit = limit;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      boolean stop;
      synchronized (this) {
        subscription = s;
        stop = cancelled;
      }
      if (stop) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    /** Stops reading: the subscription is cancelled, the body fails. */
    void cancel() {
      Flow.Subscription s;
      synchronized (this) {
        cancelled = true;
        s = subscription;
      }
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new java.util.concurrent.CancellationException());
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        size += item.remaining();
        parts.add(item);
      }
      if (size > limit) {
        parts.clear();
        subscription.cancel();
        result.completeExceptionally(new TooLarge());
      }
    }

    @Override
    public void onError(Throwable error) {
      parts.clear();
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      byte[] out = new byte[(int) size];
      int offset = 0;
      for (ByteBuffer part : parts) {
        int n = part.remaining();
        part.get(out, offset, n);
        offset += n;
      }
      parts.clear();
      result.complete(out);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
