package ai.phinite.tools.testkit;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.ToolRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * A JUnit 5 extension that runs a tool against local recording servers: one JDK HTTP server on
 * loopback per server the tool declares, each at the same base path as the real one, and a
 * {@link Connection} pointed at them. Every request is recorded exactly as received and answered
 * with a canned response ({@code 200 {}} unless a test says otherwise).
 *
 * <pre>
 * class GitHubToolTest {
 *   &#64;RegisterExtension
 *   static final ToolServer github = ToolServer.forTool("github").credential("token", "t-1");
 *
 *   &#64;Test
 *   void getIssue() {
 *     github.call("get_issue", "{'owner': 'acme', 'repo': 'web', 'number': 7}");
 *     github.assertOneRequest().method("GET").url("/repos/acme/web/issues/7")
 *         .header("Authorization", "Bearer t-1").noBody();
 *   }
 * }
 * </pre>
 *
 * <p>Registered on a {@code static} field, the servers run once per test class; on an instance
 * field, once per test. Before each test the recordings and stubs are cleared, a fresh
 * {@link ToolRuntime} is made (its retry and rate-limit waits are skipped: the attempts still
 * happen, so tests of retry behaviour stay fast) and a connection is made on first use; after
 * each test both are closed.
 */
public final class ToolServer
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final String toolId;
  private ToolProvider<?> provider;
  private final Map<String, String> credentials = new LinkedHashMap<>();
  private final List<Consumer<Connection.Builder>> options = new ArrayList<>();
  private final List<Consumer<ToolRuntime.Builder>> runtimeOptions = new ArrayList<>();
  private ToolRuntime runtime;
  private CannedResponse defaultResponse = CannedResponse.json("{}");
  private RecordingServer recording;
  private String startedBy;
  private Connection connection;

  private ToolServer(String toolId, ToolProvider<?> provider) {
    this.toolId = toolId;
    this.provider = provider;
  }

  /** For the tool with this id, found with {@link ToolCatalog#load()} when the servers start. */
  public static ToolServer forTool(String toolId) {
    return new ToolServer(toolId, null);
  }

  /** For this tool. */
  public static ToolServer forTool(ToolProvider<?> provider) {
    return new ToolServer(provider.id(), provider);
  }

  /** A credential value every connection of this extension gets. */
  public ToolServer credential(String key, String value) {
    credentials.put(key, value);
    return this;
  }

  /** Credential values every connection of this extension gets. */
  public ToolServer credentials(Map<String, String> values) {
    credentials.putAll(values);
    return this;
  }

  /**
   * Further connection settings (subtool selection, limits, ...), applied to every connection
   * this extension builds, after the base URLs.
   */
  public ToolServer configure(Consumer<Connection.Builder> option) {
    options.add(option);
    return this;
  }

  /**
   * Further settings of each test's {@link ToolRuntime} (a listener, a rate limiter, a default
   * deadline, ...); every test gets a fresh runtime whose waits are skipped.
   */
  public ToolServer configureRuntime(Consumer<ToolRuntime.Builder> option) {
    runtimeOptions.add(option);
    return this;
  }

  /**
   * What every request is answered with when no stub matches; {@code 200 {}} by default. Set
   * during a test, it holds until the test ends.
   */
  public ToolServer respondByDefault(CannedResponse response) {
    if (recording != null) {
      recording.fallback(response);
    } else {
      this.defaultResponse = response;
    }
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (recording == null) {
      start();
      startedBy = context.getUniqueId();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(startedBy)) {
      stop();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (recording == null) {
      start();
      startedBy = context.getUniqueId();
    }
    recording.reset(defaultResponse);
    // a fresh runtime per test: rate limits (kept by the runtime) start afresh; retry, rate-limit
    // and Retry-After waits are counted but not waited, so tests stay fast
    ToolRuntime.Builder builder = ToolRuntime.builder().skipWaits();
    runtimeOptions.forEach(o -> o.accept(builder));
    runtime = builder.build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (connection != null) {
      connection.close();
      connection = null;
    }
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
    if (context.getUniqueId().equals(startedBy)) {
      stop();
    }
  }

  private void start() {
    if (provider == null) {
      provider = ToolCatalog.load().require(toolId);
    }
    try {
      recording = new RecordingServer(new ArrayList<>(provider.descriptor().servers().keySet()),
          defaultResponse);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start a recording server on loopback", e);
    }
  }

  private void stop() {
    if (recording != null) {
      recording.stop();
      recording = null;
      startedBy = null;
    }
  }

  private RecordingServer running() {
    if (recording == null) {
      throw new IllegalStateException("The recording servers of '" + toolId + "' run only during a"
          + " test: register the ToolServer with @RegisterExtension");
    }
    return recording;
  }

  /**
   * The test's runtime: made before each test (waits skipped, plus {@link #configureRuntime}
   * settings) and closed after it.
   */
  public ToolRuntime runtime() {
    running();
    if (runtime == null) {
      throw new IllegalStateException("The runtime of '" + toolId + "' exists only during a test");
    }
    return runtime;
  }

  /** The tool under test. */
  public ToolProvider<?> provider() {
    running();
    return provider;
  }

  /**
   * The base URL that stands in for a server of the tool: {@code http://127.0.0.1:port} and the
   * real URL's path, e.g. {@code http://127.0.0.1:50123/v1} for {@code https://api.example.com/v1}.
   */
  public String baseUrl(String serverId) {
    ToolDescriptor.ServerSpec spec = provider().descriptor().servers().get(serverId);
    if (spec == null) {
      throw new IllegalArgumentException("Tool '" + toolId + "' has no server '" + serverId
          + "'; its servers: " + provider.descriptor().servers().keySet());
    }
    return running().origin(serverId) + basePath(spec.url());
  }

  /** The path of a server URL without a trailing slash: {@code /v1}, or empty. */
  static String basePath(String url) {
    int scheme = url.indexOf("://");
    int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    String path = slash < 0 ? "" : url.substring(slash);
    int cut = path.indexOf('?');
    path = cut < 0 ? path : path.substring(0, cut);
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * A connection builder pointed at the recording servers, with this extension's credentials and
   * settings; for a test that needs other credentials or settings. The caller closes what it
   * builds.
   */
  public Connection.Builder connectionBuilder() {
    Connection.Builder builder = provider().connection().credentials(credentials)
        .runtime(runtime());
    for (String server : provider.descriptor().servers().keySet()) {
      builder.baseUrl(server, baseUrl(server));
    }
    options.forEach(o -> o.accept(builder));
    return builder;
  }

  /** The connection of the current test, made on first use and closed after the test. */
  public Connection connection() {
    if (connection == null) {
      connection = connectionBuilder().build();
    }
    return connection;
  }

  /** Calls a subtool on the test's connection with arguments written as JSON (single quotes allowed). */
  public Response call(String subtool, String arguments) {
    return connection().invoke(subtool, TestJson.parse(arguments));
  }

  /** Calls a subtool on the test's connection. */
  public Response call(String subtool, JsonNode arguments) {
    return connection().invoke(subtool, arguments);
  }

  /**
   * The request a call would send to the tool's real servers, built without sending anything
   * (this extension's credentials and settings; real base URLs).
   */
  public PreparedRequest dryRun(String subtool, String arguments) {
    Connection.Builder builder = provider().connection().credentials(credentials)
        .runtime(runtime());
    options.forEach(o -> o.accept(builder));
    try (Connection real = builder.build()) {
      return real.dryRun(subtool, TestJson.parse(arguments));
    }
  }

  /**
   * Starts a stub: requests with this method (any, when {@code null}) and this URL as received
   * (path, or path and query; any, when {@code null}) get the responses given to
   * {@link Stubbing#respond}. Stubs are tried in the order they were made; they last for one test.
   */
  public Stubbing onRequest(String method, String url) {
    return new Stubbing(null, method, url);
  }

  /** Every request received during this test, oldest first. */
  public List<RecordedRequest> requests() {
    return running().received();
  }

  /** Forgets the requests received so far in this test; stubs stay. */
  public void clearRequests() {
    running().clearReceived();
  }

  /** Asserts that exactly one request was received and returns assertions on it. */
  public RequestAssert assertOneRequest() {
    return assertRequests(1).get(0);
  }

  /** Asserts how many requests were received and returns assertions on each, oldest first. */
  public List<RequestAssert> assertRequests(int count) {
    List<RecordedRequest> all = requests();
    if (all.size() != count) {
      throw new AssertionFailedError("Expected " + count + " request(s) to '" + toolId
          + "', received " + all.size() + ": " + all, count, all.size());
    }
    return all.stream().map(RequestAssert::of).toList();
  }

  /** Asserts that nothing was sent to any server of the tool. */
  public void assertNothingSent() {
    assertRequests(0);
  }

  /** A stub being made: which requests it answers, then {@link #respond}. */
  public final class Stubbing {
    private final String server;
    private final String method;
    private final String url;

    private Stubbing(String server, String method, String url) {
      this.server = server;
      this.method = method;
      this.url = url;
    }

    /** Only requests to this server of the tool. */
    public Stubbing server(String serverId) {
      if (!provider().descriptor().servers().containsKey(serverId)) {
        throw new IllegalArgumentException("Tool '" + toolId + "' has no server '" + serverId + "'");
      }
      return new Stubbing(serverId, method, url);
    }

    /**
     * Answers matching requests with these responses in turn; the last one answers every
     * further match.
     */
    public void respond(CannedResponse first, CannedResponse... then) {
      List<CannedResponse> all = new ArrayList<>();
      all.add(first);
      all.addAll(List.of(then));
      running().add(new RecordingServer.Stub(server, method, url, all));
    }
  }
}
