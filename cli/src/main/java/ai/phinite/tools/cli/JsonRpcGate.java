package ai.phinite.tools.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Checks one inbound JSON-RPC message before the MCP SDK sees it, so that nothing a client sends
 * can stop the server or come back as a parser's internals. A message is either passed on
 * ({@link Forward}) or answered here ({@link Reply}) with the error it deserves:
 * {@code -32700} for text that is not JSON, {@code -32600} for JSON that is not a JSON-RPC 2.0
 * message (an array, {@code {}}, a wrong {@code jsonrpc}, a bad {@code id}), {@code -32602} for
 * params of the wrong shape. {@code tools/call} arguments that are not one JSON object (a string,
 * an array, duplicate keys) are answered with a tool error ({@code isError: true}) that tells the
 * model how to call again, as MCP 2025-11-25 asks of input errors. Notifications never get an
 * answer; a malformed one is dropped.
 *
 * <p>No message quotes what the client sent: argument values may hold personal data.
 */
final class JsonRpcGate {
  /** JSON-RPC: the text is not JSON. */
  static final int PARSE_ERROR = -32700;
  /** JSON-RPC: the JSON is not a valid request. */
  static final int INVALID_REQUEST = -32600;
  /** JSON-RPC: the method's params are not valid. */
  static final int INVALID_PARAMS = -32602;

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonRpcGate() {}

  /** What to do with one inbound message. */
  sealed interface Verdict permits Forward, Reply, Drop {}

  /**
   * Pass the message on.
   *
   * @param message the message, a JSON object with {@code "jsonrpc": "2.0"}
   * @param method its method, {@code null} for a response
   * @param id its id as JSON text (e.g. {@code 7} or {@code "a"}), {@code null} for a notification
   */
  record Forward(ObjectNode message, String method, String id) implements Verdict {
    /** Whether the message is a request (it has a method and an id). */
    boolean isRequest() {
      return method != null && id != null;
    }

    /**
     * The request a {@code notifications/cancelled} names, as JSON text; {@code null} for any
     * other message.
     */
    String cancelledRequest() {
      if (!"notifications/cancelled".equals(method)) {
        return null;
      }
      JsonNode requestId = message.path("params").path("requestId");
      return validId(requestId) ? requestId.toString() : null;
    }
  }

  /**
   * Answer the message here, with this response; nothing is passed on.
   *
   * @param response the JSON-RPC response (an error, or a tool error result)
   */
  record Reply(ObjectNode response) implements Verdict {}

  /** A malformed notification or response: nothing to pass on, nothing to answer. */
  record Drop(String why) implements Verdict {}

  /**
   * Checks one message, as received (one line of stdio, one HTTP request body).
   *
   * @param tools the names of the tools the server has, for {@code tools/call}
   */
  static Verdict check(String text, Set<String> tools) {
    JsonNode json;
    try {
      json = LENIENT.readTree(text);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? ""
          : " (column " + e.getLocation().getColumnNr() + ")";
      return new Reply(error(null, PARSE_ERROR, "Parse error: the message is not JSON" + at
          + "; send one JSON-RPC 2.0 object per message"));
    }
    if (json == null || json.isMissingNode()) {
      return new Reply(error(null, PARSE_ERROR, "Parse error: the message is empty; send one"
          + " JSON-RPC 2.0 object per message"));
    }
    if (!json.isObject()) {
      String why = json.isArray()
          ? "a batch (JSON array) is not accepted; MCP since 2025-06-18 takes one JSON-RPC"
              + " object per message"
          : "a message must be a JSON-RPC 2.0 object; got " + kind(json);
      return new Reply(error(null, INVALID_REQUEST, "Invalid Request: " + why));
    }
    ObjectNode message = (ObjectNode) json;
    JsonNode idNode = message.get("id");
    boolean hasId = idNode != null;
    if (hasId && !validId(idNode)) {
      return new Reply(error(null, INVALID_REQUEST, "Invalid Request: \"id\" must be a string"
          + " or an integer; got " + kind(idNode)));
    }
    String id = hasId ? idNode.toString() : null;
    JsonNode version = message.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.asText().equals("2.0")) {
      return new Reply(error(id, INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\""));
    }
    JsonNode methodNode = message.get("method");
    if (methodNode == null) {
      if (hasId && (message.has("result") || message.has("error"))) {
        return new Forward(message, null, id); // a response to one of the server's requests
      }
      return new Reply(error(id, INVALID_REQUEST, "Invalid Request: a message needs a \"method\""
          + " (a request or notification) or a \"result\"/\"error\" (a response)"));
    }
    if (!methodNode.isTextual() || methodNode.asText().isEmpty()) {
      return new Reply(error(id, INVALID_REQUEST, "Invalid Request: \"method\" must be a"
          + " non-empty string; got " + kind(methodNode)));
    }
    String method = methodNode.asText();
    JsonNode params = message.get("params");
    if (params != null && !params.isObject() && !params.isNull()) {
      return answerOrDrop(id, INVALID_PARAMS, "Invalid params: \"params\" of " + method
          + " must be a JSON object; got " + kind(params));
    }
    if (params != null && params.isNull()) {
      message.remove("params");
      params = null;
    }
    JsonNode meta = params == null ? null : params.get("_meta");
    if (meta != null && !meta.isObject() && !meta.isNull()) {
      return answerOrDrop(id, INVALID_PARAMS, "Invalid params: \"params._meta\" must be a JSON"
          + " object; got " + kind(meta));
    }
    String duplicate = duplicateKey(text);
    if ("tools/call".equals(method) && hasId) {
      Verdict call = checkToolCall(id, params, duplicate, tools);
      if (call != null) {
        return call;
      }
    }
    if (duplicate != null) {
      return answerOrDrop(id, duplicate.startsWith("/params") ? INVALID_PARAMS : INVALID_REQUEST,
          (duplicate.startsWith("/params") ? "Invalid params" : "Invalid Request")
              + ": the key at " + duplicate + " is given twice; give each key once");
    }
    return new Forward(message, method, id);
  }

  /** A {@code tools/call} needs a tool name and, if any, arguments as one JSON object. */
  private static Verdict checkToolCall(String id, JsonNode params, String duplicate,
      Set<String> tools) {
    JsonNode name = params == null ? null : params.get("name");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      return new Reply(error(id, INVALID_PARAMS, "Invalid params: tools/call needs \"name\", the"
          + " tool's name as a string (see tools/list)" + (name == null ? "" : "; got "
          + kind(name))));
    }
    if (!tools.contains(name.asText())) {
      String shown = name.asText().length() > 64 ? name.asText().substring(0, 64) + "..."
          : name.asText();
      return new Reply(error(id, INVALID_PARAMS, "Invalid params: this server has no tool named '"
          + shown + "'; call tools/list for the tools it has"));
    }
    JsonNode arguments = params.get("arguments");
    if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
      return new Reply(toolError(id, "The arguments of " + name.asText() + " must be one JSON"
          + " object of named arguments, e.g. {\"customer_id\": \"123\"}; got " + kind(arguments)
          + ". Nothing was sent. Call " + name.asText() + " again with \"arguments\" as an"
          + " object."));
    }
    if (duplicate != null && duplicate.startsWith("/params/arguments")) {
      return new Reply(toolError(id, "The arguments of " + name.asText() + " give the key at "
          + duplicate.substring("/params/arguments".length()) + " twice, so it is unclear which"
          + " value is meant. Nothing was sent. Call " + name.asText() + " again with each key"
          + " once."));
    }
    return null;
  }

  /** The JSON pointer of the first key given twice, or {@code null} when every key is unique. */
  private static String duplicateKey(String text) {
    try {
      STRICT.readTree(text);
      return null;
    } catch (StreamReadException e) {
      JsonParser parser = e.getProcessor();
      if (parser == null) {
        return "/";
      }
      JsonStreamContext context = parser.getParsingContext();
      String pointer = context.pathAsPointer().toString();
      return pointer.isEmpty() ? "/" : pointer;
    } catch (JsonProcessingException e) {
      return null; // the lenient parse succeeded; nothing else can differ
    }
  }

  /** An error for a request; a notification (a message without id) is never answered. */
  private static Verdict answerOrDrop(String id, int code, String message) {
    return id == null ? new Drop(message) : new Reply(error(id, code, message));
  }

  static boolean validId(JsonNode id) {
    return id != null && (id.isTextual() || id.isIntegralNumber());
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * A JSON-RPC error response.
   *
   * @param id the request's id as JSON text, {@code null} when it is not known
   */
  static ObjectNode error(String id, int code, String message) {
    ObjectNode response = envelope(id);
    ObjectNode error = response.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return response;
  }

  /** A JSON-RPC success response with an empty result (the answer to {@code ping}). */
  static ObjectNode emptyResult(String id) {
    ObjectNode response = envelope(id);
    response.putObject("result");
    return response;
  }

  /** A {@code tools/call} result that is a tool error the model reads. */
  static ObjectNode toolError(String id, String text) {
    ObjectNode response = envelope(id);
    ObjectNode result = response.putObject("result");
    result.putArray("content").addObject().put("type", "text").put("text", text);
    result.put("isError", true);
    return response;
  }

  private static ObjectNode envelope(String id) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    if (id == null) {
      response.putNull("id");
    } else {
      try {
        response.set("id", LENIENT.readTree(id));
      } catch (JsonProcessingException e) {
        response.putNull("id");
      }
    }
    return response;
  }
}
