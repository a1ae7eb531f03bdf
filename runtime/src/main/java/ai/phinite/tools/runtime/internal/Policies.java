package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sending policies of a tool as a connection applies them: each operation's
 * {@link CallPolicy} and the client-side rate limits of its servers and operations. Immutable; the
 * policies of a tool without overrides are computed once and shared by all its connections. The
 * state of the limits lives in the runtime's {@link ai.phinite.tools.runtime.RateLimiter}.
 */
public final class Policies {
  /**
   * A client-side limit and the scope it counts in.
   *
   * @param scope {@code server:<id>} or {@code operation:<name>}
   * @param limit the limit
   */
  public record Limit(String scope, RateLimit limit) {}

  private final Map<String, CallPolicy> operations;
  private final CallPolicy idempotentDefault;
  private final CallPolicy unsafeDefault;
  private final Map<String, Limit> serverLimits;
  private final Map<String, Limit> operationLimits;

  private Policies(Map<String, CallPolicy> operations, int maxRetries, Duration maxWait,
      Map<String, RateLimit> serverLimits) {
    this.operations = Map.copyOf(operations);
    this.idempotentDefault = new CallPolicy(maxRetries, maxWait, true, null, null);
    this.unsafeDefault = new CallPolicy(maxRetries, maxWait, false, null, null);
    Map<String, Limit> servers = new HashMap<>();
    serverLimits.forEach((id, limit) -> servers.put(id, new Limit("server:" + id, limit)));
    this.serverLimits = Map.copyOf(servers);
    Map<String, Limit> ops = new HashMap<>();
    operations.forEach((name, p) -> {
      if (p.rateLimit() != null) {
        ops.put(name, new Limit("operation:" + name, p.rateLimit()));
      }
    });
    this.operationLimits = Map.copyOf(ops);
  }

  /**
   * The policies of a tool from its descriptor, with a connection's overrides.
   *
   * @param d the tool
   * @param maxRetries retries of every operation, or {@code null} for what the tool declares
   * @param maxRetryWait the wait budget of every operation, or {@code null} for the declared
   * @param declaredRateLimits whether the tool's declared limits apply
   * @param overrides limits per server id replacing the declared ones ({@code null}: none)
   */
  public static Policies of(ToolDescriptor d, Integer maxRetries, Duration maxRetryWait,
      boolean declaredRateLimits, Map<String, RateLimit> overrides) {
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
    servers.putAll(overrides);
    servers.values().removeIf(Objects::isNull);
    return new Policies(operations, defaultRetries, defaultWait, servers);
  }

  private static RateLimit rateLimit(JsonNode node) {
    return node.isObject()
        ? new RateLimit(node.path("requests").asInt(), Duration.ofMillis(
            Math.round(node.path("perSeconds").asDouble() * 1000)))
        : null;
  }

  /**
   * The policy of an operation; one the descriptor does not name (a step of a multi-step subtool)
   * retries failures when its HTTP method is idempotent.
   */
  public CallPolicy of(String operation, String method) {
    CallPolicy p = operations.get(operation);
    if (p != null) {
      return p;
    }
    return method.equals("GET") || method.equals("PUT") || method.equals("DELETE")
        ? idempotentDefault : unsafeDefault;
  }

  /**
   * The limit a request of an operation counts against: the operation's own, which replaces its
   * server's (APIs give some endpoints their own budget), else its server's, else {@code null}.
   */
  public Limit limitOf(String operation, String server) {
    Limit own = operationLimits.get(operation);
    return own != null ? own : serverLimits.get(server);
  }
}
