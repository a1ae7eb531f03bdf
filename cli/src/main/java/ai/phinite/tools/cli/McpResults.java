package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * What the MCP server says about results: each tool's {@code outputSchema} in {@code tools/list},
 * and a successful {@code tools/call} as compact JSON text, with {@code structuredContent} (the
 * same JSON) where the subtool declares an output schema. The result is shaped by the connection
 * ({@link ai.phinite.tools.runtime.ResponseShaping}), so it fits the server's token budget.
 */
final class McpResults {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private McpResults() {}

  /** The output schema of an exported MCP tool entry, or {@code null} when it has none. */
  static Map<String, Object> outputSchema(JsonNode exportedEntry) {
    JsonNode schema = exportedEntry.get("outputSchema");
    return schema == null || !schema.isObject() ? null : Json.MAPPER.convertValue(schema, MAP);
  }

  /** A successful call: compact JSON (or the text the API sent), structured where declared. */
  static CallToolResult success(Response response, SubtoolSpec subtool) {
    JsonNode body = response.body();
    if (body == null || body.isNull() || body.isMissingNode()) {
      return CallToolResult.builder().addTextContent("HTTP " + response.status() + " (no content)")
          .isError(false).build();
    }
    if (body.isTextual()) {
      return CallToolResult.builder().addTextContent(body.asText()).isError(false).build();
    }
    CallToolResult.Builder result = CallToolResult.builder()
        .addTextContent(JsonOutput.compact(body)).isError(false);
    if (subtool != null && subtool.outputSchema() != null && body.isObject()) {
      result.structuredContent(Json.MAPPER.convertValue(body, MAP));
    }
    return result.build();
  }
}
