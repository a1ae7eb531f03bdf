package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Problem;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.ToolException;
import ai.phinite.tools.runtime.export.ToolExport;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * Serves subtools over the Model Context Protocol with the official MCP Java SDK, on any of its
 * transports (stdio: {@link McpStdioTransport}; Streamable HTTP: {@link McpHttpServer}).
 * {@code tools/list} entries are the same as {@code export --format mcp} (one source: the generated
 * descriptors); {@code tools/call} goes through the runtime, so arguments are validated by the
 * runtime, not the SDK. Every failure is a tool error ({@code isError: true}) whose text tells the
 * model what to change; secrets never appear.
 *
 * <p>Each call has one deadline ({@code deadline}), is cancelled by the client's
 * {@code notifications/cancelled} ({@link McpCallRegistry}), and reports retries and waits as
 * progress and logging notifications ({@link McpCallReporter}).
 */
final class McpToolServer {
  /** The title the server gives in {@code initialize}. */
  static final String TITLE = "Phinite predefined tools";

  private McpToolServer() {}

  /**
   * Starts an MCP server on this single-session transport (stdio) that serves the subtools
   * enabled on these connections.
   *
   * @param deadline the most time one {@code tools/call} may take, retries and waits included
   * @param calls where running calls are noted, so that a client can cancel them
   */
  static McpAsyncServer start(McpServerTransportProvider transport, List<Connection> connections,
      Duration deadline, McpCallRegistry calls) {
    return configure(McpServer.async(transport), connections, deadline, calls);
  }

  /** Starts an MCP server on a Streamable HTTP transport; see the other {@code start}. */
  static McpAsyncServer start(McpStreamableServerTransportProvider transport,
      List<Connection> connections, Duration deadline, McpCallRegistry calls) {
    return configure(McpServer.async(transport), connections, deadline, calls);
  }

  private static McpAsyncServer configure(McpServer.AsyncSpecification<?> spec,
      List<Connection> connections, Duration deadline, McpCallRegistry calls) {
    McpJsonMapper mapper = new JacksonMcpJsonMapper(Json.MAPPER);
    return spec
        .jsonMapper(mapper)
        .serverInfo(new McpSchema.Implementation("phinite-tools", TITLE, VersionProvider.version()))
        .instructions(instructions(connections))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
        .validateToolInputs(false) // the runtime validates, with messages made for models
        .tools(tools(connections, mapper, deadline, calls))
        .build();
  }

  /** Serves over stdio until the client closes the input and the calls in flight have ended. */
  static void serveStdio(List<Connection> connections, InputStream in, OutputStream out,
      Duration deadline) throws InterruptedException {
    McpCallRegistry calls = new McpCallRegistry();
    McpStdioTransport transport = new McpStdioTransport(new JacksonMcpJsonMapper(Json.MAPPER),
        in, out, MAX_MESSAGE_BYTES, deadline.plusSeconds(5), calls, toolNames(connections));
    McpAsyncServer server = start(transport, connections, deadline, calls);
    try {
      transport.serve();
    } finally {
      server.closeGracefully().block(Duration.ofSeconds(5));
    }
  }

  /** The largest message a client may send (4 MiB: far above any subtool's argument limit). */
  static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** What the server tells the client about itself: which tools, and how calls behave. */
  static String instructions(List<Connection> connections) {
    StringJoiner tools = new StringJoiner(", ");
    int count = 0;
    for (Connection c : connections) {
      tools.add(c.tool().name());
      count += c.enabledSubtools().size();
    }
    return "Calls the " + tools + " API" + (connections.size() == 1 ? "" : "s") + " through "
        + count + (count == 1 ? " tool" : " tools") + ", one API operation each"
        + (connections.size() > 1 ? ", named <tool>_<operation>" : "") + ". Arguments are"
        + " checked before anything is sent; an error result lists each argument to fix and"
        + " whether anything was sent. Tools marked destructive change or delete data in the"
        + " connected account. Retries and rate-limit waits are reported as progress when a"
        + " progressToken is given.";
  }

  /** The MCP names of the subtools enabled on these connections. */
  static Set<String> toolNames(List<Connection> connections) {
    boolean prefix = connections.size() > 1;
    Set<String> names = new HashSet<>();
    for (Connection c : connections) {
      for (SubtoolSpec s : c.enabledSubtools()) {
        names.add(ToolExport.mcp(c.tool(), s, prefix).path("name").asText());
      }
    }
    return Set.copyOf(names);
  }

  /** The tool specifications of the subtools enabled on these connections. */
  static List<AsyncToolSpecification> tools(List<Connection> connections, McpJsonMapper mapper,
      Duration deadline, McpCallRegistry calls) {
    boolean prefix = connections.size() > 1;
    List<AsyncToolSpecification> specs = new ArrayList<>();
    for (Connection c : connections) {
      for (SubtoolSpec s : c.enabledSubtools()) {
        ObjectNode entry = ToolExport.mcp(c.tool(), s, prefix);
        McpSchema.Tool tool = McpSchema.Tool.builder()
            .name(entry.path("name").asText())
            .title(entry.path("title").asText())
            .description(entry.path("description").asText())
            .inputSchema(mapper, entry.path("inputSchema").toString())
            .outputSchema(McpResults.outputSchema(entry))
            .annotations(new McpSchema.ToolAnnotations(s.title(), s.hints().readOnly(),
                s.hints().destructive(), s.hints().idempotent(), s.hints().openWorld(), null))
            .build();
        specs.add(AsyncToolSpecification.builder().tool(tool)
            .callHandler((exchange, request) -> call(exchange, request, c, s.name(), deadline,
                calls))
            .build());
      }
    }
    return specs;
  }

  /**
   * One {@code tools/call} as the client sent it: runs the runtime call within the deadline,
   * notes it for cancellation and reports its retries and waits.
   */
  private static Mono<CallToolResult> call(McpAsyncServerExchange exchange,
      CallToolRequest request, Connection connection, String subtool, Duration deadline,
      McpCallRegistry calls) {
    JsonNode args = Json.MAPPER.valueToTree(
        request.arguments() == null ? Map.of() : request.arguments());
    CallOptions options = CallOptions.builder()
        .deadline(deadline)
        .listener(new McpCallReporter(exchange, request.name(), request.progressToken()))
        .build();
    CompletableFuture<Response> running = McpRuntimeCall.start(connection, subtool, args, options);
    Object requestId = exchange.transportContext().get(McpCallRegistry.REQUEST_ID);
    calls.register(exchange.sessionId(), requestId == null ? null : requestId.toString(), running);
    CompletableFuture<CallToolResult> result = running
        .orTimeout(deadline.toMillis() + DEADLINE_GRACE_MILLIS, TimeUnit.MILLISECONDS)
        .handle((response, failure) -> failure == null
            ? McpResults.success(response, connection.tool().subtool(subtool))
            : failure(subtool, unwrap(failure), deadline));
    return Mono.fromFuture(result);
  }

  /** The runtime ends a call at its deadline; this much later the server answers regardless. */
  private static final long DEADLINE_GRACE_MILLIS = 2_000;

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** One {@code tools/call}, run on the calling thread: the runtime's result or a tool error. */
  static CallToolResult call(Connection connection, String subtool, Map<String, Object> arguments) {
    JsonNode args = Json.MAPPER.valueToTree(arguments == null ? Map.of() : arguments);
    try {
      return McpResults.success(connection.invoke(subtool, args), connection.tool().subtool(subtool));
    } catch (RuntimeException e) {
      return failure(subtool, e, null);
    }
  }

  /**
   * A failed call's tool error, in words the model can act on.
   *
   * @param deadline the call's deadline, to say so when it was reached; may be {@code null}
   */
  static CallToolResult failure(String subtool, Throwable e, Duration deadline) {
    String text;
    if (e instanceof InvalidInputException invalid) {
      StringBuilder b = new StringBuilder(invalid.kind().equals("invalid_arguments")
          ? "The arguments are not valid; nothing was sent. Fix these and call " + subtool
              + " again:"
          : "The saved connection is not valid; nothing was sent:");
      for (Problem p : invalid.problems()) {
        b.append("\n- ").append(p.pointer().isEmpty() ? "(arguments)" : p.pointer())
            .append(": ").append(p.message());
      }
      text = b.toString();
    } else if (e instanceof ToolException tool) {
      text = tool.getMessage() + "\n" + JsonOutput.compact(tool.toJson());
    } else if (e instanceof TimeoutException && deadline != null) {
      text = subtool + " did not finish within its deadline of " + deadline.toSeconds()
          + " s; it may or may not have taken effect. Check before calling it again.";
    } else if (e instanceof CancellationException) {
      text = subtool + " was cancelled";
    } else {
      text = subtool + " failed unexpectedly (" + e.getClass().getSimpleName() + ")";
    }
    return CallToolResult.builder().addTextContent(text).isError(true).build();
  }
}
