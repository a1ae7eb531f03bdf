package ai.phinite.tools.opentelemetry;

import static com.google.common.truth.Truth.assertThat;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import ai.phinite.tools.runtime.CallListener;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The listener's spans and metrics, exactly, from the events the runtime sends (driven here
 * directly; {@code OpenTelemetryRuntimeTest} drives it through real calls).
 */
class OpenTelemetryCallListenerTest {
  @RegisterExtension
  static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  private static final CallListener.Call CALL =
      new CallListener.Call("kustomer", "get_customer", "k1-3f9a");
  private static final CallListener.Attempt FIRST =
      new CallListener.Attempt(1, "get_customer", "GET", "api", "api.kustomerapp.com", 443);
  private static final CallListener.Attempt SECOND =
      new CallListener.Attempt(2, "get_customer", "GET", "api", "api.kustomerapp.com", 443);

  private OpenTelemetryCallListener listener;
  private List<MetricData> metrics;

  @BeforeEach
  void createListener() {
    // after the extension's reset of the meter provider, which drops instruments made before it
    listener = OpenTelemetryCallListener.create(OTEL.getOpenTelemetry());
  }

  @Test
  void aRetriedCallIsOneSpanWithAnEventPerAttemptAndWait() {
    Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("agent step").startSpan();
    CallListener.Observer o;
    try (Scope ignored = parent.makeCurrent()) {
      o = listener.callStarted(CALL);
    }
    o.waiting(CallListener.Wait.RATE_LIMIT, Duration.ofMillis(250));
    o.attemptStarted(FIRST);
    o.attemptEnded(FIRST, 503, "http_error", Duration.ofMillis(40));
    o.waiting(CallListener.Wait.BACKOFF, Duration.ofMillis(500));
    o.attemptStarted(SECOND);
    o.attemptEnded(SECOND, 200, null, Duration.ofMillis(30));
    o.callEnded(new CallListener.Outcome(200, null, 2, Duration.ofMillis(900)));
    parent.end();

    SpanData span = OTEL.getSpans().stream()
        .filter(s -> s.getName().equals("execute_tool get_customer")).findFirst().orElseThrow();
    assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().asMap()).containsExactly(
        stringKey("gen_ai.operation.name"), "execute_tool",
        stringKey("gen_ai.tool.name"), "get_customer",
        stringKey("gen_ai.tool.type"), "extension",
        stringKey("phinite.tool.id"), "kustomer",
        stringKey("phinite.connection.id"), "k1-3f9a",
        stringKey("http.request.method"), "GET",
        stringKey("server.address"), "api.kustomerapp.com",
        longKey("server.port"), 443L,
        longKey("http.response.status_code"), 200L,
        longKey("http.request.resend_count"), 1L,
        longKey("phinite.tool.attempts"), 2L);
    List<EventData> events = span.getEvents();
    assertThat(events.stream().map(EventData::getName).toList()).containsExactly(
        "phinite.tool.wait", "phinite.tool.attempt", "phinite.tool.wait", "phinite.tool.attempt")
        .inOrder();
    assertThat(events.get(0).getAttributes()).isEqualTo(Attributes.of(
        stringKey("phinite.wait.reason"), "rate_limit", doubleKey("phinite.wait.duration"), 0.25));
    assertThat(events.get(1).getAttributes()).isEqualTo(Attributes.builder()
        .put("phinite.attempt.number", 1L)
        .put("phinite.tool.operation", "get_customer")
        .put("http.request.method", "GET")
        .put("server.address", "api.kustomerapp.com")
        .put("server.port", 443L)
        .put("phinite.attempt.duration", 0.04)
        .put("http.response.status_code", 503L)
        .put("error.type", "http_error")
        .build());
    assertThat(events.get(2).getAttributes()).isEqualTo(Attributes.of(
        stringKey("phinite.wait.reason"), "backoff", doubleKey("phinite.wait.duration"), 0.5));
    assertThat(events.get(3).getAttributes().get(longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(events.get(3).getAttributes().get(stringKey("error.type"))).isNull();

    Attributes ok = Attributes.of(stringKey("gen_ai.operation.name"), "execute_tool",
        stringKey("gen_ai.tool.name"), "get_customer", stringKey("phinite.tool.id"), "kustomer");
    HistogramPointData duration = histogram("phinite.tool.call.duration", ok);
    assertThat(duration.getCount()).isEqualTo(1);
    assertThat(duration.getSum()).isEqualTo(0.9);
    assertThat(duration.getBoundaries()).containsExactly(0.01, 0.02, 0.04, 0.08, 0.16, 0.32,
        0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92).inOrder();
    assertThat(counter("phinite.tool.calls", ok)).isEqualTo(1);
    assertThat(histogram("phinite.tool.call.attempts", ok).getSum()).isEqualTo(2.0);
    Attributes waitBase = Attributes.of(stringKey("gen_ai.tool.name"), "get_customer",
        stringKey("phinite.tool.id"), "kustomer");
    assertThat(histogram("phinite.tool.wait.duration", waitBase.toBuilder()
        .put("phinite.wait.reason", "rate_limit").build()).getSum()).isEqualTo(0.25);
    assertThat(histogram("phinite.tool.wait.duration", waitBase.toBuilder()
        .put("phinite.wait.reason", "backoff").build()).getSum()).isEqualTo(0.5);
    MetricData callsMetric = metric("phinite.tool.calls");
    assertThat(callsMetric.getUnit()).isEqualTo("{call}");
    assertThat(metric("phinite.tool.call.duration").getUnit()).isEqualTo("s");
    assertThat(metric("phinite.tool.wait.duration").getUnit()).isEqualTo("s");
    assertThat(metric("phinite.tool.call.attempts").getUnit()).isEqualTo("{attempt}");
    assertThat(callsMetric.getInstrumentationScopeInfo().getName()).isEqualTo("ai.phinite.tools");
  }

  @Test
  void aFailedCallHasStatusErrorAndItsErrorType() {
    CallListener.Observer o = listener.callStarted(CALL);
    o.attemptStarted(FIRST);
    o.attemptEnded(FIRST, 0, "transport", Duration.ofMillis(10));
    o.callEnded(new CallListener.Outcome(0, "transport", 1, Duration.ofMillis(12)));
    CallListener.Observer limited = listener.callStarted(CALL);
    limited.callEnded(new CallListener.Outcome(0, "rate_limited", 0, Duration.ofMillis(1)));

    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).hasSize(2);
    SpanData failed = spans.get(0);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getStatus().getDescription()).isEqualTo("transport");
    assertThat(failed.getAttributes().get(stringKey("error.type"))).isEqualTo("transport");
    assertThat(failed.getAttributes().get(longKey("http.response.status_code"))).isNull();
    assertThat(failed.getAttributes().get(longKey("http.request.resend_count"))).isNull();
    assertThat(failed.getEvents().get(0).getAttributes().get(stringKey("error.type")))
        .isEqualTo("transport");
    // refused before sending: no HTTP attributes at all
    SpanData refused = spans.get(1);
    assertThat(refused.getAttributes().get(stringKey("http.request.method"))).isNull();
    assertThat(refused.getAttributes().get(stringKey("error.type"))).isEqualTo("rate_limited");
    assertThat(refused.getAttributes().get(longKey("phinite.tool.attempts"))).isEqualTo(0L);

    Attributes base = Attributes.of(stringKey("gen_ai.operation.name"), "execute_tool",
        stringKey("gen_ai.tool.name"), "get_customer", stringKey("phinite.tool.id"), "kustomer");
    assertThat(counter("phinite.tool.calls",
        base.toBuilder().put("error.type", "transport").build())).isEqualTo(1);
    assertThat(counter("phinite.tool.calls",
        base.toBuilder().put("error.type", "rate_limited").build())).isEqualTo(1);
  }

  private MetricData metric(String name) {
    if (metrics == null) {
      metrics = OTEL.getMetrics(); // the extension's reader is delta: collect once
    }
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }

  private HistogramPointData histogram(String name, Attributes attributes) {
    MetricData m = metric(name);
    List<HistogramPointData> points = m.getHistogramData().getPoints().stream()
        .filter(p -> p.getAttributes().equals(attributes)).toList();
    assertThat(points).hasSize(1);
    return points.get(0);
  }

  private long counter(String name, Attributes attributes) {
    List<LongPointData> points = metric(name).getLongSumData().getPoints().stream()
        .filter(p -> p.getAttributes().equals(attributes)).toList();
    assertThat(points).hasSize(1);
    return points.get(0).getValue();
  }
}
