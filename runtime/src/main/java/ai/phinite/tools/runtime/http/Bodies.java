package ai.phinite.tools.runtime.http;

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
   * Collects a body into one array on the client's own thread, and cancels it as soon as it
   * passes the limit (no buffer of the limit's size is allocated up front).
   */
  static final class Limited implements java.net.http.HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] buffer = new byte[8192];
    private int size;

    Limited(long limit) {
      this.limit = limit;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        int n = item.remaining();
        if ((long) size + n > limit) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        if (size + n > buffer.length) {
          buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
        }
        item.get(buffer, size, n);
        size += n;
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
