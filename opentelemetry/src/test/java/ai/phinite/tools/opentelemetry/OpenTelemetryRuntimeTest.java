package ai.phinite.tools.opentelemetry;

import static com.google.common.truth.Truth.assertThat;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolException;
import ai.phinite.tools.runtime.ToolRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The listener on a real runtime: calls of the example help-desk tool to a local HTTP server, the
 * spans and metrics read from the SDK's in-memory exporters, and no secret or argument value in
 * any of them.
 */
class OpenTelemetryRuntimeTest {
  @RegisterExtension
  static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  private static final String API_KEY = "hd-live-SECRET-api-7f3c9b21";
  private static final String FILES_KEY = "files-live-SECRET-0d4e8a";
  private static final String SECRET_ARG = "ARGVALUE-4421-private";

  private HttpServer server;
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private ToolRuntime runtime;
  private Connection helpdesk;

  @BeforeEach
  void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      int n = seen.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      int status;
      if (path.contains("flaky")) {
        status = n == 1 ? 503 : 200;
      } else if (path.contains("limited")) {
        status = n == 1 ? 429 : 200;
        exchange.getResponseHeaders().add("Retry-After", "3");
      } else if (path.contains("broken")) {
        status = 500;
      } else if (path.contains("missing")) {
        status = 404;
      } else {
        status = 200;
      }
      // the server echoes what it got, secrets included: none of it may reach telemetry
      byte[] body = ("{\"path\":\"" + path + "\",\"auth\":\""
          + exchange.getRequestHeaders().getFirst("Authorization") + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    runtime = ToolRuntime.builder()
        .listener(OpenTelemetryCallListener.create(OTEL.getOpenTelemetry()))
        .skipWaits()
        .build();
    helpdesk = connect("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private Connection connect(String apiUrl) {
    return ToolCatalog.load().require("helpdesk").connection()
        .runtime(runtime)
        .credential("api_key", API_KEY)
        .credential("files_key", FILES_KEY)
        .baseUrl("api", apiUrl)
        .rateLimit("api", new RateLimit(2, Duration.ofSeconds(1)))
        .build();
  }

  @AfterEach
  void tearDown() {
    helpdesk.close();
    runtime.close();
    server.stop(0);
  }

  private static JsonNode ticket(String id) {
    return JsonNodeFactory.instance.objectNode().put("ticket_id", id);
  }

  @Test
  void aCallIsOneSpanWithTheRequestOfItsLastAttempt() {
    helpdesk.invoke("get_ticket", ticket("T-" + SECRET_ARG));

    SpanData span = onlySpan();
    int port = server.getAddress().getPort();
    assertThat(span.getName()).isEqualTo("execute_tool get_ticket");
    assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    Map<AttributeKey<?>, Object> attributes = new java.util.HashMap<>(span.getAttributes().asMap());
    assertThat(attributes.remove(stringKey("phinite.connection.id"))).isNotNull();
    assertThat(attributes).containsExactly(
        stringKey("gen_ai.operation.name"), "execute_tool",
        stringKey("gen_ai.tool.name"), "get_ticket",
        stringKey("gen_ai.tool.type"), "extension",
        stringKey("phinite.tool.id"), "helpdesk",
        stringKey("http.request.method"), "GET",
        stringKey("server.address"), "127.0.0.1",
        longKey("server.port"), (long) port,
        longKey("http.response.status_code"), 200L,
        longKey("phinite.tool.attempts"), 1L);
    assertThat(span.getEvents()).hasSize(1);
    EventData attempt = span.getEvents().get(0);
    assertThat(attempt.getName()).isEqualTo("phinite.tool.attempt");
    assertThat(attempt.getAttributes().get(longKey("phinite.attempt.number"))).isEqualTo(1L);
    assertThat(attempt.getAttributes().get(stringKey("phinite.tool.operation")))
        .isEqualTo("get_ticket");
    assertThat(attempt.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(200L);
    assertThat(attempt.getAttributes().get(stringKey("error.type"))).isNull();
  }

  @Test
  void retriesAndWaitsAreEventsOfTheOneSpan() {
    helpdesk.invoke("get_ticket", ticket("flaky"));
    helpdesk.invoke("get_ticket", ticket("limited"));

    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).hasSize(2);
    SpanData flaky = spans.get(0);
    assertThat(names(flaky)).containsExactly(
        "phinite.tool.attempt", "phinite.tool.wait", "phinite.tool.attempt").inOrder();
    assertThat(flaky.getEvents().get(0).getAttributes().get(longKey("http.response.status_code")))
        .isEqualTo(503L);
    assertThat(flaky.getEvents().get(0).getAttributes().get(stringKey("error.type")))
        .isEqualTo("http_error");
    assertThat(flaky.getEvents().get(1).getAttributes().get(stringKey("phinite.wait.reason")))
        .isEqualTo("backoff");
    assertThat(flaky.getAttributes().get(longKey("http.request.resend_count"))).isEqualTo(1L);
    assertThat(flaky.getAttributes().get(longKey("phinite.tool.attempts"))).isEqualTo(2L);
    assertThat(flaky.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    SpanData limited = spans.get(1);
    List<EventData> waits = limited.getEvents().stream()
        .filter(e -> e.getName().equals("phinite.tool.wait")).toList();
    assertThat(waits.stream().map(e -> e.getAttributes().get(stringKey("phinite.wait.reason")))
        .toList()).contains("retry_after");
    EventData retryAfter = waits.stream().filter(e -> "retry_after".equals(
        e.getAttributes().get(stringKey("phinite.wait.reason")))).findFirst().orElseThrow();
    assertThat(retryAfter.getAttributes().get(AttributeKey.doubleKey("phinite.wait.duration")))
        .isWithin(0.01).of(3.0);

    List<MetricData> metrics = OTEL.getMetrics();
    MetricData calls = metric(metrics, "phinite.tool.calls");
    assertThat(calls.getLongSumData().getPoints()).hasSize(1);
    assertThat(calls.getLongSumData().getPoints().iterator().next().getValue()).isEqualTo(2);
    MetricData waitsMetric = metric(metrics, "phinite.tool.wait.duration");
    assertThat(waitsMetric.getHistogramData().getPoints().stream()
        .map(p -> p.getAttributes().get(stringKey("phinite.wait.reason"))).toList())
        .containsAtLeast("backoff", "retry_after");
  }

  @Test
  void failuresSetStatusErrorAndErrorType() {
    assertThrows(ToolException.class, () -> helpdesk.invoke("get_ticket", ticket("missing")));
    assertThrows(ToolException.class,
        () -> helpdesk.invoke("delete_ticket", ticket("broken")));

    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).hasSize(2);
    assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(spans.get(0).getAttributes().get(stringKey("error.type"))).isEqualTo("not_found");
    assertThat(spans.get(0).getAttributes().get(longKey("http.response.status_code")))
        .isEqualTo(404L);
    assertThat(spans.get(1).getName()).isEqualTo("execute_tool delete_ticket");
    assertThat(spans.get(1).getAttributes().get(stringKey("error.type"))).isEqualTo("http_error");
    assertThat(spans.get(1).getAttributes().get(stringKey("http.request.method")))
        .isEqualTo("DELETE");

    Attributes notFound = Attributes.builder().put("gen_ai.operation.name", "execute_tool")
        .put("gen_ai.tool.name", "get_ticket").put("phinite.tool.id", "helpdesk")
        .put("error.type", "not_found").build();
    MetricData calls = metric(OTEL.getMetrics(), "phinite.tool.calls");
    assertThat(calls.getLongSumData().getPoints().stream()
        .filter(p -> p.getAttributes().equals(notFound)).count()).isEqualTo(1);
  }

  @Test
  void noSecretOrArgumentValueReachesAnyAttributeOrEvent() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    ObjectNode create = JsonNodeFactory.instance.objectNode();
    create.put("subject", "Refund " + SECRET_ARG);
    create.put("requester_email", SECRET_ARG + "@example.com");
    create.put("idempotency_key", SECRET_ARG);
    create.putObject("additional_fields").put("note", "Card " + SECRET_ARG);
    // every path: success, retry, 429, 404, 500, invalid input, transport failure
    helpdesk.invoke("get_ticket", ticket(SECRET_ARG));
    helpdesk.invoke("get_ticket", ticket("flaky-" + SECRET_ARG));
    helpdesk.invoke("get_ticket", ticket("limited-" + SECRET_ARG));
    callFailing(() -> helpdesk.invoke("get_ticket", ticket("missing-" + SECRET_ARG)));
    callFailing(() -> helpdesk.invoke("delete_ticket", ticket("broken-" + SECRET_ARG)));
    helpdesk.invoke("create_ticket", create);
    callFailing(() -> helpdesk.invoke("get_ticket",
        JsonNodeFactory.instance.objectNode().put("ticket_id", 42).put("extra", SECRET_ARG)));
    try (Connection down = connect("http://127.0.0.1:" + closedPort)) {
      callFailing(() -> down.invoke("get_ticket", ticket(SECRET_ARG)));
    }

    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).hasSize(7); // the invalid call made none: it never started
    List<String> seenText = new ArrayList<>();
    for (SpanData s : spans) {
      seenText.add(s.getName());
      seenText.add(s.getStatus().getDescription());
      s.getAttributes().forEach((k, v) -> seenText.add(k.getKey() + "=" + v));
      for (EventData e : s.getEvents()) {
        seenText.add(e.getName());
        e.getAttributes().forEach((k, v) -> seenText.add(k.getKey() + "=" + v));
      }
      s.getResource().getAttributes().forEach((k, v) -> seenText.add(k.getKey() + "=" + v));
    }
    for (MetricData m : OTEL.getMetrics()) {
      seenText.add(m.getName());
      for (PointData p : m.getData().getPoints()) {
        p.getAttributes().forEach((k, v) -> seenText.add(k.getKey() + "=" + v));
      }
    }
    String all = String.join("\n", seenText);
    assertThat(all).contains("execute_tool get_ticket"); // the check looks at real output
    for (String secret : List.of(API_KEY, FILES_KEY, SECRET_ARG, "SECRET", "ARGVALUE",
        "Bearer", "example.com")) {
      assertThat(all).doesNotContain(secret);
    }
  }

  private static void callFailing(Runnable call) {
    try {
      call.run();
    } catch (ToolException expected) {
      // the failure is what is observed
    }
  }

  private SpanData onlySpan() {
    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  private static List<String> names(SpanData span) {
    return span.getEvents().stream().map(EventData::getName).toList();
  }

  private static MetricData metric(List<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }
}
