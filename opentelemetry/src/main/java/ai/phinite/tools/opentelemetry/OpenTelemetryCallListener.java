package ai.phinite.tools.opentelemetry;

import ai.phinite.tools.runtime.CallListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reports every call of a subtool to OpenTelemetry: one span per call with an event per attempt and
 * per wait, and metrics. Set it on a {@code ToolRuntime} (every call) or on {@code CallOptions}
 * (one call):
 *
 * <pre>{@code
 * ToolRuntime runtime = ToolRuntime.builder()
 *     .listener(OpenTelemetryCallListener.create(openTelemetry))
 *     .build();
 * }</pre>
 *
 * <h2>Span</h2>
 *
 * Follows the GenAI <i>execute tool</i> span of the OpenTelemetry semantic conventions
 * ({@code span.gen_ai.execute_tool.internal}, in
 * <a href="https://github.com/open-telemetry/semantic-conventions-genai">semantic-conventions-genai</a>,
 * formerly {@code docs/gen-ai/gen-ai-spans.md#execute-tool-span} of
 * <a href="https://github.com/open-telemetry/semantic-conventions">semantic-conventions</a>):
 * name {@code execute_tool {gen_ai.tool.name}}, kind {@link SpanKind#INTERNAL}, parent the
 * {@link Context#current() current context} of the thread that starts the call. The HTTP request
 * of the call's last attempt is described with the attributes of the HTTP client span
 * ({@code docs/http/http-spans.md}), since one tool call may send several requests.
 *
 * <table>
 * <caption>Span attributes</caption>
 * <tr><th>attribute</th><th>value</th></tr>
 * <tr><td>{@code gen_ai.operation.name}</td><td>{@code execute_tool}</td></tr>
 * <tr><td>{@code gen_ai.tool.name}</td><td>the subtool's name, e.g. {@code get_customer}</td></tr>
 * <tr><td>{@code gen_ai.tool.type}</td><td>{@code extension} (the conventions' word for a tool
 *     that calls an external API from the agent's side)</td></tr>
 * <tr><td>{@code phinite.tool.id}</td><td>the tool's id, e.g. {@code kustomer}</td></tr>
 * <tr><td>{@code phinite.connection.id}</td><td>the connection's identity: a keyed hash, never a
 *     secret</td></tr>
 * <tr><td>{@code phinite.tool.attempts}</td><td>HTTP attempts made (at the end)</td></tr>
 * <tr><td>{@code http.request.method}, {@code server.address}, {@code server.port}</td><td>of the
 *     last attempt</td></tr>
 * <tr><td>{@code http.response.status_code}</td><td>the last HTTP status, when one was had</td></tr>
 * <tr><td>{@code http.request.resend_count}</td><td>attempts − 1, when the call sent more than
 *     once</td></tr>
 * <tr><td>{@code error.type}</td><td>on failure: the runtime's error kind
 *     ({@code ToolException.kind()}: {@code http_error}, {@code not_found}, {@code rate_limited},
 *     {@code transport}, {@code redirect}, {@code unusable_response}, {@code cancelled},
 *     {@code closed}); the span's status is
 *     then {@link StatusCode#ERROR} with the same description</td></tr>
 * </table>
 *
 * <p>Events: {@code phinite.tool.attempt} when an attempt ends ({@code phinite.attempt.number},
 * {@code phinite.tool.operation} — the subtool or a step of a multi-step subtool —,
 * {@code http.request.method}, {@code server.address}, {@code server.port},
 * {@code http.response.status_code} when had, {@code error.type} when it failed,
 * {@code phinite.attempt.duration} in seconds); {@code phinite.tool.wait} before each wait
 * ({@code phinite.wait.reason}: {@code rate_limit}, {@code retry_after} or {@code backoff};
 * {@code phinite.wait.duration} in seconds).
 *
 * <p>Never recorded: argument values ({@code gen_ai.tool.call.arguments} is opt-in in the
 * conventions and is not offered), results ({@code gen_ai.tool.call.result}), request or response
 * bodies, headers, URLs or paths ({@code url.full} would carry path parameters), and secrets. The
 * runtime tells a listener only names, numbers and the hashed connection identity.
 *
 * <h2>Metrics</h2>
 *
 * The GenAI conventions define no metric of tool execution, so these are this project's own, with
 * the conventions' attribute names ({@code gen_ai.operation.name}, {@code gen_ai.tool.name},
 * {@code phinite.tool.id}, and {@code error.type} for failed calls):
 *
 * <ul>
 *   <li>{@code phinite.tool.call.duration} — histogram, {@code s}: how long calls took, with the
 *       bucket boundaries the conventions advise for {@code gen_ai.client.operation.duration};
 *   <li>{@code phinite.tool.calls} — counter, {@code {call}}: calls by outcome ({@code error.type}
 *       absent on success);
 *   <li>{@code phinite.tool.call.attempts} — histogram, {@code {attempt}}: HTTP attempts per call;
 *   <li>{@code phinite.tool.wait.duration} — histogram, {@code s}: time calls waited, by
 *       {@code phinite.wait.reason} ({@code rate_limit}: a client-side or shared rate limit;
 *       {@code retry_after}: the server asked; {@code backoff}: before a retry).
 * </ul>
 *
 * <p>The semantic conventions for GenAI are at stability level "development": names may change
 * there; this class follows the version cited above.
 */
public final class OpenTelemetryCallListener implements CallListener {
  /** The instrumentation scope name of the spans and metrics. */
  public static final String INSTRUMENTATION_SCOPE = "ai.phinite.tools";

  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
  static final AttributeKey<String> TOOL_ID = AttributeKey.stringKey("phinite.tool.id");
  static final AttributeKey<String> CONNECTION_ID = AttributeKey.stringKey("phinite.connection.id");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("phinite.tool.attempts");
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> ATTEMPT_NUMBER = AttributeKey.longKey("phinite.attempt.number");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("phinite.tool.operation");
  static final AttributeKey<Double> ATTEMPT_DURATION =
      AttributeKey.doubleKey("phinite.attempt.duration");
  static final AttributeKey<String> WAIT_REASON = AttributeKey.stringKey("phinite.wait.reason");
  static final AttributeKey<Double> WAIT_DURATION = AttributeKey.doubleKey("phinite.wait.duration");

  static final String EXECUTE_TOOL = "execute_tool";
  static final String ATTEMPT_EVENT = "phinite.tool.attempt";
  static final String WAIT_EVENT = "phinite.tool.wait";

  private static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32,
      0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  private static final List<Long> ATTEMPT_BUCKETS = List.of(1L, 2L, 3L, 4L, 5L, 6L, 8L, 10L);

  private final Tracer tracer;
  private final DoubleHistogram callDuration;
  private final LongCounter calls;
  private final LongHistogram attempts;
  private final DoubleHistogram waitDuration;

  private OpenTelemetryCallListener(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
    Meter meter = openTelemetry.getMeter(INSTRUMENTATION_SCOPE);
    this.callDuration = meter.histogramBuilder("phinite.tool.call.duration")
        .setUnit("s").setDescription("How long calls of subtools took.")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    this.calls = meter.counterBuilder("phinite.tool.calls")
        .setUnit("{call}").setDescription("Calls of subtools, by outcome.").build();
    this.attempts = meter.histogramBuilder("phinite.tool.call.attempts").ofLongs()
        .setUnit("{attempt}").setDescription("HTTP attempts per call of a subtool.")
        .setExplicitBucketBoundariesAdvice(ATTEMPT_BUCKETS).build();
    this.waitDuration = meter.histogramBuilder("phinite.tool.wait.duration")
        .setUnit("s").setDescription("Time calls waited for a rate limit, a server or a retry.")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
  }

  /** A listener reporting to {@code openTelemetry}'s tracer and meter providers. */
  public static OpenTelemetryCallListener create(OpenTelemetry openTelemetry) {
    return new OpenTelemetryCallListener(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public Observer callStarted(Call call) {
    Span span = tracer.spanBuilder(EXECUTE_TOOL + ' ' + call.subtool())
        .setSpanKind(SpanKind.INTERNAL)
        .setParent(Context.current())
        .setAttribute(OPERATION_NAME, EXECUTE_TOOL)
        .setAttribute(TOOL_NAME, call.subtool())
        .setAttribute(TOOL_TYPE, "extension")
        .setAttribute(TOOL_ID, call.tool())
        .setAttribute(CONNECTION_ID, call.connectionId())
        .startSpan();
    return new CallObserver(call, span);
  }

  /** The span and metrics of one call. Its events come in order, possibly from several threads. */
  private final class CallObserver implements Observer {
    private final Call call;
    private final Span span;
    private volatile Attempt last;

    CallObserver(Call call, Span span) {
      this.call = call;
      this.span = span;
    }

    @Override
    public void attemptStarted(Attempt attempt) {
      last = attempt;
    }

    @Override
    public void attemptEnded(Attempt attempt, int status, String errorKind, Duration duration) {
      last = attempt;
      AttributesBuilder a = Attributes.builder()
          .put(ATTEMPT_NUMBER, attempt.number())
          .put(OPERATION, attempt.operation())
          .put(HTTP_METHOD, attempt.method())
          .put(SERVER_ADDRESS, attempt.host())
          .put(SERVER_PORT, attempt.port())
          .put(ATTEMPT_DURATION, seconds(duration));
      if (status > 0) {
        a.put(STATUS_CODE, status);
      }
      if (errorKind != null) {
        a.put(ERROR_TYPE, errorKind);
      }
      span.addEvent(ATTEMPT_EVENT, a.build());
    }

    @Override
    public void waiting(Wait reason, Duration duration) {
      String name = reason.name().toLowerCase(Locale.ROOT);
      span.addEvent(WAIT_EVENT, Attributes.of(WAIT_REASON, name, WAIT_DURATION, seconds(duration)));
      waitDuration.record(seconds(duration), Attributes.of(
          TOOL_NAME, call.subtool(), TOOL_ID, call.tool(), WAIT_REASON, name));
    }

    @Override
    public void callEnded(Outcome outcome) {
      Attempt a = last;
      if (a != null) {
        span.setAttribute(HTTP_METHOD, a.method());
        span.setAttribute(SERVER_ADDRESS, a.host());
        span.setAttribute(SERVER_PORT, (long) a.port());
      }
      if (outcome.status() > 0) {
        span.setAttribute(STATUS_CODE, (long) outcome.status());
      }
      if (outcome.attempts() > 1) {
        span.setAttribute(RESEND_COUNT, (long) outcome.attempts() - 1);
      }
      span.setAttribute(ATTEMPTS, (long) outcome.attempts());
      AttributesBuilder m = Attributes.builder()
          .put(OPERATION_NAME, EXECUTE_TOOL)
          .put(TOOL_NAME, call.subtool())
          .put(TOOL_ID, call.tool());
      if (!outcome.success()) {
        span.setAttribute(ERROR_TYPE, outcome.errorKind());
        span.setStatus(StatusCode.ERROR, outcome.errorKind());
        m.put(ERROR_TYPE, outcome.errorKind());
      }
      span.end();
      Attributes metricAttributes = m.build();
      callDuration.record(seconds(outcome.duration()), metricAttributes);
      calls.add(1, metricAttributes);
      attempts.record(outcome.attempts(), metricAttributes);
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
