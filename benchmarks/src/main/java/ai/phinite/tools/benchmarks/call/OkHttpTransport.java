package ai.phinite.tools.benchmarks.call;

import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.TransportException;
import ai.phinite.tools.runtime.internal.Json;
import ai.phinite.tools.runtime.Transport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An experiment, not part of the runtime: the runtime's pluggable {@link Transport} on OkHttp
 * ({@code enqueue} on OkHttp's dispatcher threads, cancel = {@code Call.cancel()}) instead of
 * java.net.http (a selector thread and an executor between the caller and the socket). It sends exactly the prepared request and answers the same
 * {@link Response} (lower-case header names, JSON body parsed, text otherwise, null when empty) as
 * the runtime's JDK transport, so it shows what the transport alone costs.
 */
final class OkHttpTransport implements Transport {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final byte[] EMPTY = new byte[0];

  private final OkHttpClient client;
  private final long maxResponseBytes;

  OkHttpTransport(Duration connectTimeout, Duration requestTimeout, long maxResponseBytes) {
    this.client = new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .callTimeout(requestTimeout)
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public CompletableFuture<Response> send(PreparedRequest request, Duration timeout,
      long maxBytes) {
    Request.Builder b = new Request.Builder().url(request.url());
    for (PreparedRequest.Header h : request.headers()) {
      b.header(h.name(), h.value());
    }
    RequestBody body = request.body() == null
        ? (request.method().equals("GET") || request.method().equals("DELETE") ? null : RequestBody.create(EMPTY, null))
        : RequestBody.create(Json.bytes(request.body()), JSON);
    b.method(request.method(), body);
    okhttp3.Call call = client.newCall(b.build());
    call.timeout().timeout(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    long limit = Math.min(maxBytes, maxResponseBytes);
    CompletableFuture<Response> out = new CompletableFuture<>();
    out.whenComplete((r, e) -> {
      if (out.isCancelled()) {
        call.cancel();
      }
    });
    call.enqueue(new okhttp3.Callback() {
      @Override
      public void onResponse(okhttp3.Call c, okhttp3.Response response) {
        try (response) {
          okhttp3.ResponseBody rb = response.body();
          byte[] bytes = rb == null ? EMPTY : rb.bytes();
          if (bytes.length > limit) {
            out.completeExceptionally(TransportException.tooLarge(request.operation(), limit));
            return;
          }
          Map<String, List<String>> headers = new LinkedHashMap<>();
          for (String name : response.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
          }
          out.complete(new Response(response.code(), headers,
              parse(bytes, response.header("content-type"))));
        } catch (IOException e) {
          onFailure(c, e);
        }
      }

      @Override
      public void onFailure(okhttp3.Call c, IOException e) {
        out.completeExceptionally(new TransportException(request.operation()
            + " failed: the server could not be reached (" + e.getClass().getSimpleName() + ")", e));
      }
    });
    return out;
  }

  /** As the runtime's JDK transport: JSON when it parses, text otherwise, null when empty. */
  private static JsonNode parse(byte[] bytes, String contentType) {
    int i = 0;
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
      i++;
    }
    if (i == bytes.length) {
      return JsonNodeFactory.instance.nullNode();
    }
    boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    if (json || bytes[i] == '{' || bytes[i] == '[') {
      try {
        return Json.MAPPER.readTree(bytes);
      } catch (IOException notJson) {
        // kept as text below
      }
    }
    return JsonNodeFactory.instance.textNode(new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
