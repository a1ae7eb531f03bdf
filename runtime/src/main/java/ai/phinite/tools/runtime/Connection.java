package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.ToolDescriptor.AuthSpec;
import ai.phinite.tools.runtime.ToolDescriptor.ConnectionTestSpec;
import ai.phinite.tools.runtime.ToolDescriptor.CredentialSpec;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.internal.CallPolicy;
import ai.phinite.tools.runtime.internal.CapturedRequest;
import ai.phinite.tools.runtime.internal.HttpSupport;
import ai.phinite.tools.runtime.internal.JdkTransport;
import ai.phinite.tools.runtime.internal.Policies;
import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.Transport;
import ai.phinite.tools.runtime.internal.schema.SchemaProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool with a saved connection's values, ready to call subtools. One connection holds one HTTP
 * client and is safe for concurrent use; close it when done to release its threads.
 *
 * <pre>{@code
 * try (Connection kustomer = catalog.require("kustomer").connect(Map.of("api_token", token))) {
 *   Response r = kustomer.invoke("get_customer", Json.MAPPER.readTree("{\"customer_id\":\"abc\"}"));
 * }
 * }</pre>
 *
 * Secret values never appear in {@link #toString()}, in exceptions or in dry runs.
 */
public final class Connection implements AutoCloseable {
  private final ToolProvider<Object> provider;
  private final ToolDescriptor descriptor;
  private final Map<String, String> values;
  private final HttpSupport http;
  private final Transport transport;
  private final Object client;
  private final SubtoolSelection selection;
  private final long maxArgumentBytes;
  private final ResponseShaping shaping;

  @SuppressWarnings("unchecked")
  private Connection(ToolProvider<?> provider, Map<String, String> values, HttpSupport http,
      Transport transport, SubtoolSelection selection, long maxArgumentBytes,
      ResponseShaping shaping) {
    this.shaping = shaping;
    this.provider = (ToolProvider<Object>) provider;
    this.selection = selection;
    this.maxArgumentBytes = maxArgumentBytes;
    this.descriptor = provider.descriptor();
    this.values = values;
    this.http = http;
    this.transport = transport;
    this.client = this.provider.newClient(http);
  }

  /** The tool this connection is for. */
  public ToolDescriptor tool() {
    return descriptor;
  }

  /** The subtools enabled on this connection, in descriptor order. */
  public java.util.List<ToolDescriptor.SubtoolSpec> enabledSubtools() {
    return selection.of(descriptor);
  }

  /**
   * The generated Java client of the tool interface, for typed calls from Java.
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

  /**
   * Calls a subtool with JSON arguments. The arguments are validated against the subtool's schema
   * first; nothing is sent unless they are valid. An explicit {@code null} for an optional
   * argument means the same as leaving it out.
   *
   * @throws UnknownNameException when the tool has no such subtool, or it is not enabled
   * @throws InvalidInputException when the arguments are not valid (every problem listed)
   * @throws HttpStatusException when the server answers with a status of 400 or more
   * @throws TransportException when no answer could be had
   */
  public Response invoke(String subtool, JsonNode arguments) {
    JsonNode args = validated(subtool, arguments);
    return shaping.apply(descriptor.subtool(subtool), args, dispatch(client, subtool, args));
  }

  /** How this connection shapes results ({@link ResponseShaping#OFF} unless set). */
  public ResponseShaping shaping() {
    return shaping;
  }

  /**
   * Runs the generated dispatch. A value refused after a request was already sent came from a
   * server (a multi-step subtool's lookup), not from the agent: that is said as such.
   */
  private Response dispatch(Object target, String subtool, JsonNode args) {
    int sentBefore = HttpSupport.sentOnThisThread();
    try {
      return provider.dispatch(target, subtool, args);
    } catch (InvalidInputException e) {
      if (HttpSupport.sentOnThisThread() == sentBefore) {
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
   * Calls a subtool like {@link #invoke(String, JsonNode)}, with this call's own timeout or
   * number of retries.
   */
  public Response invoke(String subtool, JsonNode arguments, CallOptions options) {
    JsonNode args = validated(subtool, arguments);
    Object callClient = provider.newClient(http.withOptions(options));
    ResponseShaping how = options.shaping() != null ? options.shaping() : shaping;
    return how.apply(descriptor.subtool(subtool), args, dispatch(callClient, subtool, args));
  }

  /**
   * Builds the request a subtool call would send first, without sending anything. For a
   * multi-step subtool that is the first step's request.
   */
  public PreparedRequest dryRun(String subtool, JsonNode arguments) {
    JsonNode args = validated(subtool, arguments);
    CapturedRequest capture = new CapturedRequest();
    Object dryClient = provider.newClient(http.withTransport(capture));
    try {
      provider.dispatch(dryClient, subtool, args);
    } catch (CapturedRequest captured) {
      return captured.request();
    }
    throw new IllegalStateException(subtool + " completed without making a request");
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
        Response r = provider.dispatch(client, spec.operation(), JsonNodeFactory.instance.objectNode());
        checks.add(new ConnectionTestReport.Check(
            spec.label(), spec.operation(), spec.server(), creds, true, r.status(), "ok"));
      } catch (HttpStatusException e) {
        checks.add(new ConnectionTestReport.Check(spec.label(), spec.operation(), spec.server(),
            creds, false, e.status(), e.getMessage()));
      } catch (ToolException e) {
        checks.add(new ConnectionTestReport.Check(
            spec.label(), spec.operation(), spec.server(), creds, false, 0, e.getMessage()));
      }
    }
    return new ConnectionTestReport(descriptor.id(), checks);
  }

  static List<String> authCredentials(AuthSpec auth) {
    List<String> names = new ArrayList<>(2);
    for (String key : new String[] {auth.credential(), auth.username(), auth.password()}) {
      if (key != null) {
        names.add(key);
      }
    }
    return names;
  }

  /** Releases the connection's threads and pooled connections. */
  @Override
  public void close() {
    transport.close();
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
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxResponseBytes = 8L * 1024 * 1024;
    private long maxArgumentBytes = 8L * 1024 * 1024;
    private Transport transport;
    private SubtoolSelection selection = SubtoolSelection.all();
    private Integer maxRetries;
    private Duration maxRetryWait;
    private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
    private boolean declaredRateLimits = true;
    private Policies.Sleeper sleeper = Policies.THREAD_SLEEP;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private ResponseShaping shaping = ResponseShaping.OFF;

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

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** How long to wait for a whole response (default 30 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** The largest response body accepted (default 8 MiB). */
    public Builder maxResponseBytes(long bytes) {
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
     * this connection (replaces what the tool declares; default 30 s).
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

    /** How to wait between attempts; tests pass one that records instead of sleeping. */
    public Builder sleeper(Policies.Sleeper how, java.time.Clock wallClock) {
      this.sleeper = how;
      this.clock = wallClock;
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

    /** Sends requests through another transport instead of the JDK HTTP client. */
    public Builder transport(Transport custom) {
      this.transport = custom;
      return this;
    }

    /**
     * Checks every value against the tool's declarations and opens the connection.
     *
     * @throws InvalidInputException listing every value that is missing or not acceptable
     */
    public Connection build() {
      ToolDescriptor d = provider.descriptor();
      ConnectionValues resolved = ConnectionValues.resolve(d, credentials, baseUrls);
      Transport t = transport != null
          ? transport
          : new JdkTransport(connectTimeout, requestTimeout, maxResponseBytes);
      HttpSupport http = new HttpSupport(d.id(), resolved.values(), resolved.servers(), t,
          UserAgent.VALUE, policies(d), new ai.phinite.tools.runtime.internal.Redactor(resolved.secrets()));
      return new Connection(provider, resolved.values(), http, t, selection, maxArgumentBytes,
          shaping);
    }

    /** Each subtool's policy from its descriptor entry; servers' declared rate limits. */
    private Policies policies(ToolDescriptor d) {
      Map<String, CallPolicy> operations = new LinkedHashMap<>();
      int defaultRetries = maxRetries != null ? maxRetries : CallPolicy.DEFAULT_RETRIES;
      Duration defaultWait = maxRetryWait != null ? maxRetryWait : CallPolicy.DEFAULT_MAX_WAIT;
      for (SubtoolSpec s : d.subtools().values()) {
        JsonNode p = s.json().path("policy");
        operations.put(s.name(), new CallPolicy(
            maxRetries != null ? maxRetries : p.path("maxRetries").asInt(defaultRetries),
            maxRetryWait != null || !p.has("maxWaitSeconds") ? defaultWait
                : Duration.ofSeconds(p.path("maxWaitSeconds").asLong()),
            p.path("retryFailures").asBoolean(s.hints().idempotent()),
            p.has("timeoutSeconds") ? Duration.ofSeconds(p.path("timeoutSeconds").asLong()) : null,
            declaredRateLimits ? rateLimit(p.path("rateLimit")) : null));
      }
      Map<String, RateLimit> servers = new LinkedHashMap<>();
      for (JsonNode s : d.json().path("servers")) {
        RateLimit declared = rateLimit(s.path("rateLimit"));
        if (declared != null && declaredRateLimits) {
          servers.put(s.path("id").asText(), declared);
        }
      }
      servers.putAll(rateLimits);
      servers.values().removeIf(java.util.Objects::isNull);
      return new Policies(operations, defaultRetries, defaultWait, servers, sleeper, clock);
    }

    private static RateLimit rateLimit(JsonNode node) {
      return node.isObject()
          ? new RateLimit(node.path("requests").asInt(), Duration.ofMillis(
              Math.round(node.path("perSeconds").asDouble() * 1000)))
          : null;
    }
  }
}
