package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.internal.HttpSupport;
import ai.phinite.tools.runtime.internal.JsonTrees;
import ai.phinite.tools.runtime.internal.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tool on the classpath. The annotation processor generates a subclass per {@code @Tool}
 * interface and registers it for {@link java.util.ServiceLoader}; {@link ToolCatalog} finds them.
 *
 * <p>Users call {@link #descriptor()} and {@link #connect}; generated code implements the protected
 * methods, which create the HTTP client of the interface and dispatch a subtool call to it without
 * reflection.
 *
 * @param <T> the tool interface
 */
public abstract class ToolProvider<T> {
  private volatile ToolDescriptor descriptor;
  private final Map<String, SchemaValidator> validators = new ConcurrentHashMap<>();
  private volatile ai.phinite.tools.runtime.internal.Policies defaultPolicies;
  /** Policies with a connection's overrides, shared by the connections that ask for the same. */
  private final Map<PolicyOverrides, ai.phinite.tools.runtime.internal.Policies> overridden =
      new ConcurrentHashMap<>();

  /** A connection's overrides of the declared policies. */
  record PolicyOverrides(Integer maxRetries, java.time.Duration maxRetryWait,
      boolean declaredRateLimits, Map<String, RateLimit> rateLimits) {}

  /** How many sets of overrides are kept; past that, each connection computes its own. */
  private static final int MAX_OVERRIDES = 64;

  /** For generated subclasses. */
  protected ToolProvider() {}

  /** The tool's id. */
  public abstract String id();

  /** The classpath resource of the descriptor, {@code META-INF/phinite/tools/<id>.json}. */
  protected abstract String descriptorResource();

  /** Creates the generated HTTP implementation of the tool interface on a connection. */
  protected abstract T newClient(HttpSupport http);

  /**
   * Calls the operation (a subtool, or a connection check) on the client with arguments that have
   * been validated against its schema.
   */
  protected abstract Response dispatch(T client, String operation, JsonNode arguments);

  /** The tool's descriptor, read from the classpath on first use. */
  public final ToolDescriptor descriptor() {
    ToolDescriptor d = descriptor;
    if (d == null) {
      synchronized (this) {
        d = descriptor;
        if (d == null) {
          d = descriptor = ToolDescriptor.of(readDescriptor());
        }
      }
    }
    return d;
  }

  private ObjectNode readDescriptor() {
    ClassLoader loader = getClass().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(descriptorResource())) {
      if (in == null) {
        throw new IllegalStateException(
            "Descriptor " + descriptorResource() + " of " + getClass().getName() + " is missing");
      }
      return (ObjectNode) JsonTrees.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Descriptor " + descriptorResource() + " cannot be read", e);
    }
  }

  /** The compiled validator of a subtool's input schema (compiled once, then shared). */
  final SchemaValidator validator(ToolDescriptor.SubtoolSpec subtool) {
    return validators.computeIfAbsent(
        subtool.name(), name -> SchemaValidator.compile(subtool.inputSchema()));
  }

  /** The tool's sending policies as declared, computed once and shared by its connections. */
  final ai.phinite.tools.runtime.internal.Policies defaultPolicies() {
    ai.phinite.tools.runtime.internal.Policies p = defaultPolicies;
    if (p == null) {
      p = defaultPolicies = ai.phinite.tools.runtime.internal.Policies.of(
          descriptor(), null, null, true, Map.of());
    }
    return p;
  }

  /** The tool's policies with these overrides, shared by the connections that use the same. */
  final ai.phinite.tools.runtime.internal.Policies policies(PolicyOverrides o) {
    if (o.maxRetries() == null && o.maxRetryWait() == null && o.declaredRateLimits()
        && o.rateLimits().isEmpty()) {
      return defaultPolicies();
    }
    ai.phinite.tools.runtime.internal.Policies p = overridden.get(o);
    if (p == null) {
      p = ai.phinite.tools.runtime.internal.Policies.of(descriptor(), o.maxRetries(),
          o.maxRetryWait(), o.declaredRateLimits(), o.rateLimits());
      if (overridden.size() < MAX_OVERRIDES) {
        overridden.putIfAbsent(o, p);
      }
    }
    return p;
  }

  /** Starts a connection: credentials, runtime, server overrides, deadlines, policies. */
  public final Connection.Builder connection() {
    return new Connection.Builder(this);
  }

  /**
   * Opens a connection with these credential values and defaults for everything else, on
   * {@link ToolRuntime#shared()}.
   *
   * @throws InvalidInputException when a value is missing or not acceptable
   */
  public final Connection connect(Map<String, String> credentials) {
    return connection().credentials(credentials).build();
  }

  @Override
  public String toString() {
    return "ToolProvider[" + id() + "]";
  }
}
