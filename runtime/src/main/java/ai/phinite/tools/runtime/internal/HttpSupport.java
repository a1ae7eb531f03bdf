package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.Transport;
import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.RateLimitedException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.TransportException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP side of one connection, as generated clients see it: resolved base URLs, authentication
 * headers and the transport. Generated code creates a {@link RequestBuilder} per call with
 * {@link #request} and sends it with {@link #send}.
 */
public final class HttpSupport {
  /**
   * A server as resolved for this connection.
   *
   * @param baseUrl the base URL, without a trailing slash
   * @param auth the authentication header, or {@code null}
   * @param tokens the OAuth2 tokens of an OAuth2 server (then {@code auth} is {@code null})
   */
  public record ResolvedServer(String baseUrl, PreparedRequest.Header auth, OAuth2Tokens tokens) {
    /** A server with a fixed authentication header (or none). */
    public ResolvedServer(String baseUrl, PreparedRequest.Header auth) {
      this(baseUrl, auth, null);
    }
  }

  private final String toolId;
  private final Map<String, String> credentials;
  private final Map<String, ResolvedServer> servers;
  private final Transport transport;
  private final String userAgent;
  private final Policies policies;
  private final CallOptions options;
  private final Redactor redactor;

  /** Requests sent by this thread, so a caller can tell whether a failed call sent anything. */
  private static final ThreadLocal<int[]> SENT = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * @param toolId the tool's id
   * @param credentials the connection's values, defaults applied
   * @param servers the servers by id
   * @param transport what sends requests
   * @param userAgent the User-Agent header value
   * @param policies retries, timeouts and rate limits
   * @param redactor removes the connection's secrets from what servers send back
   */
  public HttpSupport(String toolId, Map<String, String> credentials,
      Map<String, ResolvedServer> servers, Transport transport, String userAgent,
      Policies policies, Redactor redactor) {
    this(toolId, credentials, servers, transport, userAgent, policies, CallOptions.NONE, redactor);
  }

  private HttpSupport(String toolId, Map<String, String> credentials,
      Map<String, ResolvedServer> servers, Transport transport, String userAgent,
      Policies policies, CallOptions options, Redactor redactor) {
    this.toolId = toolId;
    this.credentials = credentials;
    this.servers = servers;
    this.transport = transport;
    this.userAgent = userAgent;
    this.policies = policies;
    this.options = options;
    this.redactor = redactor;
  }

  /** How many requests this thread has handed to a transport so far. */
  public static int sentOnThisThread() {
    return SENT.get()[0];
  }

  /** The same connection with another transport (used for dry runs). */
  public HttpSupport withTransport(Transport other) {
    return new HttpSupport(toolId, credentials, servers, other, userAgent, policies, options,
        redactor);
  }

  /** The same connection with per-call overrides (one call's timeout or retries). */
  public HttpSupport withOptions(CallOptions callOptions) {
    return new HttpSupport(toolId, credentials, servers, transport, userAgent, policies,
        callOptions, redactor);
  }

  String toolId() {
    return toolId;
  }

  String credential(String key) {
    return credentials.get(key);
  }

  /** Starts a request of an operation. */
  public RequestBuilder request(String operation, String method, String server) {
    return new RequestBuilder(this, operation, method, server);
  }

  PreparedRequest prepare(String operation, String method, String server, CharSequence path,
      CharSequence query, List<PreparedRequest.Header> argumentHeaders, JsonNode body) {
    ResolvedServer s = servers.get(server);
    if (s == null) {
      throw new IllegalStateException("No server '" + server + "' in tool " + toolId);
    }
    String url = s.baseUrl() + path + query;
    List<PreparedRequest.Header> headers = new ArrayList<>(argumentHeaders.size() + 4);
    // a constant header (Accept: application/vnd.github+json) or a form body replaces a default
    if (!named(argumentHeaders, "Accept")) {
      headers.add(new PreparedRequest.Header("Accept", "application/json", false));
    }
    if (!named(argumentHeaders, "User-Agent")) {
      headers.add(new PreparedRequest.Header("User-Agent", userAgent, false));
    }
    if (body != null && !named(argumentHeaders, "Content-Type")) {
      headers.add(new PreparedRequest.Header("Content-Type", "application/json", false));
    }
    if (s.auth() != null) {
      headers.add(s.auth());
    } else if (s.tokens() != null) {
      headers.add(OAuth2Tokens.placeholder()); // the token itself is added per attempt by send
    }
    headers.addAll(argumentHeaders);
    return new PreparedRequest(operation, server, method, url, headers, body);
  }

  private static boolean named(List<PreparedRequest.Header> headers, String name) {
    for (PreparedRequest.Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends the request under its operation's policy: waits for the connection's rate limits,
   * retries what may be retried (429 and 503 always, honouring {@code Retry-After}; other 5xx,
   * timeouts and connection failures only for idempotent operations) with jittered exponential
   * backoff within the retry budget. A final status of 400 or more becomes an
   * {@link HttpStatusException} carrying the server's message and the number of attempts.
   */
  public Response send(RequestBuilder request) {
    PreparedRequest prepared = request.build();
    CallPolicy policy = apply(options, policies.of(prepared.operation(), prepared.method()));
    long budgetNanos = policy.maxWait().toNanos();
    // an operation's own limit replaces its server's: APIs give some endpoints their own budget
    TokenBucket limiter = policies.operationLimiter(prepared.operation());
    String limited = prepared.operation();
    if (limiter == null) {
      limiter = policies.serverLimiter(prepared.server());
      limited = "server " + prepared.server();
    }
    // OAuth2: the token is added per attempt (none in a dry run: nothing may be fetched there)
    ResolvedServer target = servers.get(prepared.server());
    OAuth2Tokens tokens = target == null || transport instanceof CapturedRequest ? null
        : target.tokens();
    boolean renewed = false;
    for (int attempt = 1; ; attempt++) {
      budgetNanos -= throttle(limiter, prepared, budgetNanos, limited); // retries wait their turn too
      Response response = null;
      TransportException failure = null;
      PreparedRequest sending = tokens == null ? prepared : tokens.authorize(prepared, policy.timeout());
      try {
        SENT.get()[0]++;
        response = transport.send(sending, policy.timeout());
      } catch (TransportException e) {
        failure = e;
      }
      if (tokens != null && !renewed && response != null && response.status() == 401) {
        renewed = true; // the token may have been revoked or expired early: renew it once
        tokens.refused(sending);
        attempt--; // not a retry of the call
        continue;
      }
      if (response != null && response.status() < 400) {
        return response;
      }
      int status = response == null ? 0 : response.status();
      boolean retryable = status == 429 || status == 503
          || (policy.retryFailures() && (failure != null || status >= 500));
      Duration wait = response == null ? null : RetryAfter.of(response, policies.clock().instant());
      if (wait == null || wait.isZero()) {
        wait = backoff(attempt); // no usable hint, or a reset time already past
      }
      if (!retryable || attempt > policy.maxRetries() || wait.toNanos() > budgetNanos) {
        if (failure != null) {
          throw failure.afterAttempts(attempt, policy.retryFailures());
        }
        Response clean = redactor.response(response);
        throw new HttpStatusException(
            prepared.operation(), clean, ErrorBodies.message(clean.body()), attempt);
      }
      sleep(wait);
      budgetNanos -= wait.toNanos();
    }
  }

  private static CallPolicy apply(CallOptions o, CallPolicy p) {
    CallPolicy out = p;
    if (o.attemptTimeout() != null) {
      out = out.withTimeout(o.attemptTimeout());
    }
    if (o.maxRetries() != null) {
      out = out.withMaxRetries(o.maxRetries());
    }
    return out;
  }

  private long throttle(TokenBucket limiter, PreparedRequest prepared, long budgetNanos,
      String what) {
    if (limiter == null) {
      return 0;
    }
    Duration wait = limiter.reserve(System.nanoTime(), Duration.ofNanos(Math.max(0, budgetNanos)));
    if (wait == null) {
      Duration free = limiter.untilFree(System.nanoTime());
      throw new RateLimitedException(prepared.operation() + " was not sent: this connection's rate"
          + " limit for " + what + " allows the next request in " + seconds(free)
          + "; try again then", free);
    }
    if (!wait.isZero()) {
      sleep(wait);
    }
    return wait.toNanos();
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** Full-jitter exponential backoff: a random wait up to 250 ms × 2^(attempt-1), at most 8 s. */
  static Duration backoff(int attempt) {
    long cap = Math.min(8_000, 250L << Math.min(attempt - 1, 10));
    return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
  }

  private void sleep(Duration wait) {
    try {
      policies.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("The call was interrupted while waiting to retry", e);
    }
  }

  /** Sends the request and returns only the response body. */
  public JsonNode sendForBody(RequestBuilder request) {
    return send(request).body();
  }
}
