package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.ToolDescriptor.AuthSpec;
import ai.phinite.tools.runtime.ToolDescriptor.ConnectionTestSpec;
import ai.phinite.tools.runtime.ToolDescriptor.CredentialSpec;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.internal.CapturedRequest;
import ai.phinite.tools.runtime.internal.HttpSupport;
import ai.phinite.tools.runtime.internal.Policies;
import ai.phinite.tools.runtime.internal.Redactor;
import ai.phinite.tools.runtime.internal.schema.SchemaProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * A tool with a saved connection's values, ready to call subtools: a small value (credentials,
 * enabled subtools, policies, identity) that owns no threads or sockets. Every connection of a
 * {@link ToolRuntime} shares its HTTP client, threads and rate limiter, so thousands can be open at
 * once; opening or closing one never starts or stops a thread. Safe for concurrent use.
 *
 * <pre>{@code
 * try (Connection kustomer = catalog.require("kustomer").connect(Map.of("api_token", token))) {
 *   Response r = kustomer.invoke("get_customer", Json.MAPPER.readTree("{\"customer_id\":\"abc\"}"));
 * }
 * }</pre>
 *
 * <p>Every call has one deadline (the call's {@link CallOptions#deadline()}, else the
 * connection's, else the runtime's {@link ToolRuntime#defaultDeadline()}) that covers every attempt,
 * every wait and the whole response body. {@link #close()} stops the calls in flight; a call on a
 * closed connection fails at once with kind {@code closed}.
 *
 * <p>Secret values never appear in {@link #toString()}, in exceptions or in dry runs.
 */
public final class Connection implements AutoCloseable {
  private final ToolProvider<Object> provider;
  private final ToolDescriptor descriptor;
  private final Map<String, String> values;
  private final HttpSupport http;
  private final Object client;
  private final SubtoolSelection selection;
  private final long maxArgumentBytes;
  private final ResponseShaping shaping;
  final ToolRuntime runtime;
  final Policies policies;
  final Redactor redactor;
  final String connectionId;
  final Duration deadline;
  final Duration attemptTimeout;
  final long maxResponseBytes;
  private final Set<CallRun> calls = ConcurrentHashMap.newKeySet(2);
  private volatile boolean closed;

  @SuppressWarnings("unchecked")
  private Connection(Builder b, ConnectionValues resolved, ToolRuntime runtime, Policies policies) {
    this.provider = (ToolProvider<Object>) b.provider;
    this.descriptor = provider.descriptor();
    this.values = resolved.values();
    this.selection = b.selection;
    this.maxArgumentBytes = b.maxArgumentBytes;
    this.shaping = b.shaping;
    this.runtime = runtime;
    this.policies = policies;
    this.redactor = new Redactor(resolved.secrets());
    this.connectionId = runtime.connectionId(descriptor.id(), values);
    this.deadline = b.deadline != null ? b.deadline : runtime.defaultDeadline;
    this.attemptTimeout = b.attemptTimeout;
    this.maxResponseBytes = b.maxResponseBytes != null ? b.maxResponseBytes
        : runtime.maxResponseBytes;
    this.http = new HttpSupport(descriptor.id(), values, OAuth2Setup.servers(descriptor, resolved,
        runtime, this.deadline, this.maxResponseBytes, b.rotation, redactor), UserAgent.VALUE,
        this::sendAlone);
    this.client = provider.newClient(http);
  }

  /** The tool this connection is for. */
  public ToolDescriptor tool() {
    return descriptor;
  }

  /** The OAuth2 tokens of a server of this connection, or {@code null} without OAuth2. */
  ai.phinite.tools.runtime.internal.OAuth2Tokens tokens(String server) {
    return http.tokens(server);
  }

  /** The runtime this connection sends with. */
  public ToolRuntime runtime() {
    return runtime;
  }

  /**
   * The connection's identity: a keyed hash of its tool and values (see {@link ToolRuntime}),
   * never a secret; what listeners and rate limiters know it by.
   */
  public String id() {
    return connectionId;
  }

  /** The subtools enabled on this connection, in descriptor order. */
  public List<ToolDescriptor.SubtoolSpec> enabledSubtools() {
    return selection.of(descriptor);
  }

  /**
   * The generated Java client of the tool interface, for typed calls from Java. Each request it
   * makes is a call of its own, with the connection's deadline.
   *
   * @throws IllegalArgumentException when the tool does not implement {@code type}
   */
  public <T> T client(Class<T> type) {
    if (!type.isInstance(client)) {
      throw new IllegalArgumentException(
          "Tool " + descriptor.id() + " does not implement " + type.getName());
    }
    return type.cast(client);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Calls a subtool with JSON arguments and waits for the outcome. The arguments are validated
   * against the subtool's schema first; nothing is sent unless they are valid. An explicit
   * {@code null} for an optional argument means the same as leaving it out, unless the argument
   * accepts {@code null} (its schema type includes {@code "null"}): then the {@code null} is sent,
   * to clear a field. Interrupting the
   * waiting thread cancels the call.
   *
   * @throws UnknownNameException when the tool has no such subtool, or it is not enabled
   * @throws InvalidInputException when the arguments are not valid (every problem listed)
   * @throws HttpStatusException when the server answers with a status of 300 or more
   * @throws RateLimitedException when a rate limit does not let the call finish in time
   * @throws TransportException when no answer could be had within the deadline
   * @throws CallAbortedException when the connection is closed or the call was cancelled
   */
  public Response invoke(String subtool, JsonNode arguments) {
    return invoke(subtool, arguments, CallOptions.NONE);
  }

  /**
   * Calls a subtool like {@link #invoke(String, JsonNode)}, with this call's own deadline,
   * attempt timeout, retries or listener.
   */
  public Response invoke(String subtool, JsonNode arguments, CallOptions options) {
    if (closed) {
      throw CallAbortedException.closed("the connection", subtool, true);
    }
    JsonNode args = validated(subtool, arguments);
    CallRun call = CallRun.start(this, subtool, options, false);
    Response r = run(call, () -> multiStep(subtool)
        ? dispatch(call, subtool, args)
        : call.send(prepare(subtool, args)));
    return shaping(options).apply(descriptor.subtool(subtool), args, r);
  }

  /** How this connection shapes results ({@link ResponseShaping#OFF} unless set). */
  public ResponseShaping shaping() {
    return shaping;
  }

  private ResponseShaping shaping(CallOptions options) {
    return options.shaping() != null ? options.shaping() : shaping;
  }

  /**
   * The call's future, its response shaped when shaping is on; cancelling the shaped future
   * cancels the call.
   */
  private CompletableFuture<Response> shaped(CallRun call, CallOptions options, String subtool,
      JsonNode args) {
    CompletableFuture<Response> raw = call.result();
    ResponseShaping how = shaping(options);
    if (!how.enabled()) {
      return raw;
    }
    CompletableFuture<Response> out = raw.thenApply(r -> how.apply(descriptor.subtool(subtool), args, r));
    out.whenComplete((r, e) -> {
      if (out.isCancelled()) {
        raw.cancel(true);
      }
    });
    return out;
  }

  /** Runs a blocking call on this thread and ends it with its outcome. */
  private static Response run(CallRun call, java.util.function.Supplier<Response> body) {
    try {
      Response r = body.get();
      call.finish(r, null);
      return r;
    } catch (RuntimeException e) {
      RuntimeException thrown = call.aborted() != null ? call.aborted() : e;
      call.finish(null, thrown);
      throw thrown;
    }
  }

  /** Like {@link #invokeAsync(String, JsonNode, CallOptions)} with no per-call options. */
  public CompletableFuture<Response> invokeAsync(String subtool, JsonNode arguments) {
    return invokeAsync(subtool, arguments, CallOptions.NONE);
  }

  /**
   * Calls a subtool without waiting: the future completes with the response, or exceptionally
   * with the {@link ToolException} that {@link #invoke} would throw (invalid arguments fail the
   * future at once). Cancelling the future stops the call: no wait goes on, no request is sent
   * after it, and an exchange in progress is aborted.
   *
   * <p>A single-step subtool holds no thread while it waits or is in flight; a multi-step one runs
   * its steps on the runtime's bounded pool.
   */
  public CompletableFuture<Response> invokeAsync(String subtool, JsonNode arguments,
      CallOptions options) {
    JsonNode args;
    try {
      if (closed) {
        throw CallAbortedException.closed("the connection", subtool, true);
      }
      args = validated(subtool, arguments);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CallRun call = CallRun.start(this, subtool, options, true);
    if (!multiStep(subtool)) {
      PreparedRequest request;
      try {
        request = prepare(subtool, args);
      } catch (RuntimeException e) {
        call.finish(null, e);
        return shaped(call, options, subtool, args);
      }
      call.sendAndFinish(request);
    } else {
      try {
        runtime.blockingExecutor.execute(() -> {
          try {
            run(call, () -> dispatch(call, subtool, args));
          } catch (RuntimeException reported) {
            // the call's future holds it
          }
        });
      } catch (RejectedExecutionException e) {
        call.abort(CallAbortedException.closed("the runtime", subtool, true));
      }
    }
    return shaped(call, options, subtool, args);
  }

  private boolean multiStep(String subtool) {
    SubtoolSpec spec = descriptor.subtool(subtool);
    return spec == null || spec.json().path("multiStep").asBoolean(false);
  }

  /** The request of a single-step subtool, built by its generated code but not sent. */
  private PreparedRequest prepare(String subtool, JsonNode args) {
    CapturedRequest capture = new CapturedRequest();
    try {
      provider.dispatch(provider.newClient(http.with(capture)), subtool, args);
    } catch (CapturedRequest captured) {
      return captured.request();
    }
    throw new IllegalStateException(subtool + " completed without making a request");
  }

  /** One request of the typed client: a call of its own. */
  private Response sendAlone(PreparedRequest request) {
    if (closed) {
      throw CallAbortedException.closed("the connection", request.operation(), true);
    }
    CallRun call = CallRun.start(this, request.operation(), CallOptions.NONE, false);
    return run(call, () -> call.send(request));
  }

  /**
   * Runs the generated dispatch within a call. A value refused after a request was already sent
   * came from a server (a multi-step subtool's lookup), not from the agent: that is said as such.
   */
  private Response dispatch(CallRun call, String subtool, JsonNode args) {
    try {
      return provider.dispatch(provider.newClient(http.with(call)), subtool, args);
    } catch (InvalidInputException e) {
      if (call.sent() == 0) {
        throw e;
      }
      // An earlier step was sent. A refused value the agent did not give came from a server.
      String pointer = e.problems().isEmpty() ? "" : e.problems().get(0).pointer();
      String argument = pointer.isEmpty() ? "" : pointer.substring(1).split("/", 2)[0];
      if (!args.has(argument)) {
        throw new UnusableResponseException(subtool, e);
      }
      throw e.afterSending();
    }
  }

  /**
   * Builds the request a subtool call would send first, without sending anything. For a
   * multi-step subtool that is the first step's request.
   */
  public PreparedRequest dryRun(String subtool, JsonNode arguments) {
    JsonNode args = validated(subtool, arguments);
    return prepare(subtool, args);
  }

  void register(CallRun call) {
    calls.add(call);
  }

  void unregister(CallRun call) {
    calls.remove(call);
  }

  private JsonNode validated(String subtool, JsonNode arguments) {
    SubtoolSpec spec = descriptor.subtool(subtool);
    if (spec == null || !selection.allows(descriptor.id(), subtool)) {
      throw UnknownNameException.subtool(descriptor.id(), subtool, spec != null,
          selection.of(descriptor).stream().map(SubtoolSpec::name).toList());
    }
    JsonNode args = arguments == null || arguments.isNull() || arguments.isMissingNode()
        ? JsonNodeFactory.instance.objectNode()
        : arguments;
    if (!args.isObject()) {
      throw InvalidInputException.arguments(subtool,
          List.of(new Problem("", "must be a JSON object of named arguments, not "
              + args.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
    }
    args = OptionalNulls.strip(spec.inputSchema(), args);
    List<SchemaProblem> problems = provider.validator(spec).validate(args);
    if (!problems.isEmpty()) {
      List<Problem> list = new ArrayList<>(problems.size());
      for (SchemaProblem p : problems) {
        list.add(new Problem(p.pointer(), p.message()));
      }
      throw InvalidInputException.arguments(subtool, list);
    }
    // what the schema cannot see: depth and size inside open objects and unbounded strings
    Problem tooBig = ArgumentLimits.check(args, maxArgumentBytes);
    if (tooBig != null) {
      throw InvalidInputException.arguments(subtool, List.of(tooBig));
    }
    return args;
  }

  /**
   * Runs the tool's connection checks, one per credential set, and reports each; it never throws
   * for a failed check.
   */
  public ConnectionTestReport test() {
    List<ConnectionTestReport.Check> checks = new ArrayList<>();
    for (ConnectionTestSpec spec : descriptor.connectionTests()) {
      List<String> creds = authCredentials(descriptor.servers().get(spec.server()).auth());
      try {
        CallRun call = CallRun.start(this, spec.operation(), CallOptions.NONE, false);
        Response r = run(call,
            () -> dispatch(call, spec.operation(), JsonNodeFactory.instance.objectNode()));
        checks.add(new ConnectionTestReport.Check(
            spec.label(), spec.operation(), spec.server(), creds, true, r.status(), "ok"));
      } catch (HttpStatusException e) {
        checks.add(new ConnectionTestReport.Check(spec.label(), spec.operation(), spec.server(),
            creds, false, e.status(), e.getMessage()));
      } catch (ToolException e) {
        checks.add(new ConnectionTestReport.Check(
            spec.label(), spec.operation(), spec.server(), creds, false, 0, e.getMessage()));
      } catch (RuntimeException e) {
        // a check reports; it never throws
        checks.add(new ConnectionTestReport.Check(spec.label(), spec.operation(), spec.server(),
            creds, false, 0, spec.operation() + " failed unexpectedly ("
                + e.getClass().getSimpleName() + ")"));
      }
    }
    return new ConnectionTestReport(descriptor.id(), checks);
  }

  static List<String> authCredentials(AuthSpec auth) {
    if (auth.oauth2() != null) {
      return auth.oauth2().credentials();
    }
    List<String> names = new ArrayList<>(2);
    for (String key : new String[] {auth.credential(), auth.username(), auth.password()}) {
      if (key != null) {
        names.add(key);
      }
    }
    return names;
  }

  /**
   * Closes the connection: calls in flight stop (they fail with kind {@code closed}; an exchange
   * in progress is aborted) and later calls fail at once. It owns no threads or sockets, so
   * nothing else is released; the runtime's live on.
   */
  @Override
  public void close() {
    closed = true;
    for (CallRun call : calls) {
      call.abort(CallAbortedException.closed("the connection", call.subtool(), call.sent() == 0));
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Connection[").append(descriptor.id());
    for (CredentialSpec c : descriptor.credentials()) {
      String v = values.get(c.key());
      if (v != null) {
        s.append(", ").append(c.key()).append('=').append(c.secret() ? PreparedRequest.MASK : v);
      }
    }
    return s.append(']').toString();
  }


  /** Builds a {@link Connection}; values are checked by {@link #build()}. */
  public static final class Builder {
    private final ToolProvider<?> provider;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final Map<String, String> baseUrls = new LinkedHashMap<>();
    private ToolRuntime runtime;
    private Duration deadline;
    private Duration attemptTimeout;
    private Long maxResponseBytes;
    private long maxArgumentBytes = 8L * 1024 * 1024;
    private ResponseShaping shaping = ResponseShaping.OFF;
    private SubtoolSelection selection = SubtoolSelection.all();
    private Integer maxRetries;
    private Duration maxRetryWait;
    private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
    private boolean declaredRateLimits = true;
    private final Map<String, String> tokenUrls = new LinkedHashMap<>();
    private RefreshTokenRotation rotation;

    Builder(ToolProvider<?> provider) {
      this.provider = provider;
    }

    /** Adds credential values by key. */
    public Builder credentials(Map<String, String> values) {
      credentials.putAll(values);
      return this;
    }

    /** Sets one credential value. */
    public Builder credential(String key, String value) {
      credentials.put(key, value);
      return this;
    }

    /**
     * Sends a server's requests to another base URL (a test server or a proxy); the only way a
     * plain {@code http} URL is accepted.
     */
    public Builder baseUrl(String serverId, String url) {
      baseUrls.put(serverId, url);
      return this;
    }

    /**
     * Sends an OAuth2 server's token requests to another URL (a test server); like
     * {@link #baseUrl}, the only way a plain {@code http} token URL is accepted.
     */
    public Builder tokenUrl(String serverId, String url) {
      tokenUrls.put(serverId, url);
      return this;
    }

    /**
     * Receives refresh tokens that an OAuth2 token endpoint rotates, before they are used, so the
     * application can save them with the connection (see {@link RefreshTokenRotation}).
     */
    public Builder onRefreshTokenRotated(RefreshTokenRotation callback) {
      this.rotation = callback;
      return this;
    }

    /** The runtime to send with (default {@link ToolRuntime#shared()}). */
    public Builder runtime(ToolRuntime shared) {
      this.runtime = shared;
      return this;
    }

    /**
     * The total deadline of each call: every attempt, every wait and the whole response body
     * (default: the runtime's, 45 s unless set otherwise).
     */
    public Builder deadline(Duration total) {
      this.deadline = positive(total, "deadline");
      return this;
    }

    /**
     * The most time one attempt may take, so that a slow attempt leaves time to retry within the
     * deadline (default: what each subtool declares, else the deadline).
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = positive(timeout, "attemptTimeout");
      return this;
    }

    /** The largest response body accepted (default: the runtime's, 8 MiB unless set otherwise). */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxResponseBytes must be 0 or more");
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Retries after a first failed attempt, where retrying is safe, for every subtool of this
     * connection (replaces what the tool declares; 0 turns retries off).
     */
    public Builder maxRetries(int retries) {
      this.maxRetries = retries;
      return this;
    }

    /**
     * The most time one call spends waiting to retry or for a rate limit, for every subtool of
     * this connection (replaces what the tool declares; default 30 s); the deadline bounds it too.
     */
    public Builder maxRetryWait(Duration wait) {
      this.maxRetryWait = wait;
      return this;
    }

    /**
     * Limits how fast this connection sends to a server, replacing the declared limit;
     * {@code null} removes the server's limit.
     */
    public Builder rateLimit(String serverId, RateLimit limit) {
      rateLimits.put(serverId, limit);
      return this;
    }

    /**
     * Turns off every client-side rate limit the tool declares, for its servers and its subtools
     * (behind a gateway that enforces its own, or for a load test); limits set with
     * {@link #rateLimit} still apply.
     */
    public Builder withoutDeclaredRateLimits() {
      this.declaredRateLimits = false;
      return this;
    }

    /** Enables only these subtools (Graph Studio's per-agent choice); all by default. */
    public Builder subtools(SubtoolSelection enabled) {
      this.selection = enabled;
      return this;
    }

    /**
     * The most content the arguments of one call may have (default 8 MiB), wherever the schema
     * sets no bound of its own.
     */
    public Builder maxArgumentBytes(long bytes) {
      this.maxArgumentBytes = bytes;
      return this;
    }

    /**
     * Shapes every result of this connection for an agent (compact, projected, within a token
     * budget; see {@link ResponseShaping}); off by default. {@link CallOptions} may override it
     * per call.
     */
    public Builder shaping(ResponseShaping how) {
      this.shaping = how == null ? ResponseShaping.OFF : how;
      return this;
    }

    /**
     * Checks every value against the tool's declarations and makes the connection. Nothing is
     * started: no thread, no socket.
     *
     * @throws InvalidInputException listing every value that is missing or not acceptable
     */
    public Connection build() {
      ToolDescriptor d = provider.descriptor();
      ConnectionValues resolved = ConnectionValues.resolve(d, credentials, baseUrls, tokenUrls);
      // computed once per tool and set of overrides, shared by every connection using them
      Policies policies = provider.policies(new ToolProvider.PolicyOverrides(maxRetries,
          maxRetryWait, declaredRateLimits, new LinkedHashMap<>(rateLimits)));
      return new Connection(this, resolved, runtime != null ? runtime : ToolRuntime.shared(),
          policies);
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
