package ai.phinite.tools.cli;

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
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Serves subtools over the Model Context Protocol on a stream pair (stdio), with the official MCP
 * Java SDK. {@code tools/list} entries are the same as {@code export --format mcp} (one source:
 * the generated descriptors); {@code tools/call} goes through {@link Connection#invoke}, so
 * arguments are validated by the runtime, not the SDK. Every failure is a tool error
 * ({@code isError: true}) whose text tells the model what to change; secrets never appear.
 */
final class McpToolServer {
  private McpToolServer() {}

  /** The tool specifications of the subtools enabled on these connections. */
  static List<SyncToolSpecification> tools(List<Connection> connections, McpJsonMapper mapper) {
    boolean prefix = connections.size() > 1;
    List<SyncToolSpecification> specs = new ArrayList<>();
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
        specs.add(SyncToolSpecification.builder().tool(tool)
            .callHandler((exchange, request) -> call(c, s.name(), request.arguments()))
            .build());
      }
    }
    return specs;
  }

  /** Serves until the client closes the input stream. */
  static void serve(List<Connection> connections, InputStream in,
      OutputStream out) throws InterruptedException {
    McpJsonMapper mapper = new JacksonMcpJsonMapper(Json.MAPPER);
    CountDownLatch closed = new CountDownLatch(1);
    InputStream watched = new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        return ended(super.read());
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return ended(super.read(b, off, len));
      }

      private int ended(int n) {
        if (n < 0) {
          closed.countDown();
        }
        return n;
      }
    };
    StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, watched, out);
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo("phinite-tools", VersionProvider.version())
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .validateToolInputs(false) // the runtime validates, with messages made for models
        .tools(tools(connections, mapper))
        .build();
    closed.await();
    server.closeGracefully();
  }

  /** One {@code tools/call}: the runtime's result, or a tool error the model can act on. */
  static CallToolResult call(Connection connection, String subtool, Map<String, Object> arguments) {
    JsonNode args = Json.MAPPER.valueToTree(arguments == null ? Map.of() : arguments);
    try {
      Response response = connection.invoke(subtool, args);
      return McpResults.success(response, connection.tool().subtool(subtool));
    } catch (InvalidInputException e) {
      StringBuilder text = new StringBuilder(e.kind().equals("invalid_arguments")
          ? "The arguments are not valid; nothing was sent. Fix these and call " + subtool
              + " again:"
          : "The saved connection is not valid; nothing was sent:");
      for (Problem p : e.problems()) {
        text.append("\n- ").append(p.pointer().isEmpty() ? "(arguments)" : p.pointer())
            .append(": ").append(p.message());
      }
      return CallToolResult.builder().addTextContent(text.toString()).isError(true).build();
    } catch (ToolException e) {
      return CallToolResult.builder()
          .addTextContent(e.getMessage() + "\n" + JsonOutput.compact(e.toJson()))
          .isError(true).build();
    } catch (RuntimeException e) {
      return CallToolResult.builder()
          .addTextContent(subtool + " failed unexpectedly (" + e.getClass().getSimpleName() + ")")
          .isError(true).build();
    }
  }
}
