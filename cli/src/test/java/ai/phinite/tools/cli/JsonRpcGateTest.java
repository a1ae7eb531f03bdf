package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each kind of malformed message and the answer it gets, before the MCP SDK sees anything. */
class JsonRpcGateTest {
  private static final Set<String> TOOLS = Set.of("get_customer");

  private static JsonNode reply(String text) {
    JsonRpcGate.Verdict v = JsonRpcGate.check(text, TOOLS);
    assertThat(v).isInstanceOf(JsonRpcGate.Reply.class);
    return ((JsonRpcGate.Reply) v).response();
  }

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void textThatIsNotJsonIsAParseError() throws Exception {
    assertThat(reply("{not json")).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":"
        + "{\"code\":-32700,\"message\":\"Parse error: the message is not JSON (column 2); send"
        + " one JSON-RPC 2.0 object per message\"}}"));
    assertThat(reply("{\"a\":1} {\"b\":2}").path("error").path("code").asInt())
        .isEqualTo(-32700);
  }

  @Test
  void jsonThatIsNoMessageIsAnInvalidRequest() {
    assertThat(reply("[]").path("error").path("message").asText()).isEqualTo("Invalid Request:"
        + " a batch (JSON array) is not accepted; MCP since 2025-06-18 takes one JSON-RPC object"
        + " per message");
    assertThat(reply("7").path("error").path("message").asText())
        .isEqualTo("Invalid Request: a message must be a JSON-RPC 2.0 object; got a number");
    JsonNode empty = reply("{}");
    assertThat(empty.path("id").isNull()).isTrue();
    assertThat(empty.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}").path("error")
        .path("message").asText())
        .isEqualTo("Invalid Request: \"id\" must be a string or an integer; got a boolean");
    JsonNode version = reply("{\"jsonrpc\":2,\"id\":\"x\",\"method\":\"ping\"}");
    assertThat(version.path("id").asText()).isEqualTo("x");
    assertThat(version.path("error").path("message").asText())
        .isEqualTo("Invalid Request: \"jsonrpc\" must be \"2.0\"");
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}").path("error")
        .path("message").asText())
        .isEqualTo("Invalid Request: \"method\" must be a non-empty string; got a string");
  }

  @Test
  void paramsOfTheWrongShapeAreInvalidParams() {
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":\"x\"}")
        .path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
        + "5}}").path("error").path("message").asText()).isEqualTo("Invalid params: tools/call"
        + " needs \"name\", the tool's name as a string (see tools/list); got a number");
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
        + "\"delete_everything\"}}").path("error").path("message").asText())
        .isEqualTo("Invalid params: this server has no tool named 'delete_everything'; call"
            + " tools/list for the tools it has");
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":{\"_meta\":1}}")
        .path("error").path("message").asText())
        .isEqualTo("Invalid params: \"params._meta\" must be a JSON object; got a number");
  }

  @Test
  void duplicateKeysNameTheirPlace() {
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":"
        + "{\"cursor\":\"a\",\"cursor\":\"b\"}}").path("error").path("message").asText())
        .isEqualTo("Invalid params: the key at /params/cursor is given twice; give each key once");
    JsonNode nested = reply("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"get_customer\",\"arguments\":{\"filter\":{\"a\":1,\"a\":2}}}}");
    assertThat(nested.path("result").path("isError").asBoolean()).isTrue();
    assertThat(nested.path("result").path("content").get(0).path("text").asText())
        .isEqualTo("The arguments of get_customer give the key at /filter/a twice, so it is"
            + " unclear which value is meant. Nothing was sent. Call get_customer again with each"
            + " key once.");
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":3,\"id\":4,\"method\":\"ping\"}").path("error")
        .path("message").asText())
        .isEqualTo("Invalid Request: the key at /id is given twice; give each key once");
  }

  @Test
  void malformedNotificationsAreDroppedAndGoodMessagesPass() {
    assertThat(JsonRpcGate.check("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\","
        + "\"params\":[]}", TOOLS)).isInstanceOf(JsonRpcGate.Drop.class);
    JsonRpcGate.Verdict call = JsonRpcGate.check("{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"method\":"
        + "\"tools/call\",\"params\":{\"name\":\"get_customer\",\"arguments\":{\"customer_id\":"
        + "\"c1\"},\"_meta\":{\"progressToken\":9}}}", TOOLS);
    assertThat(call).isInstanceOf(JsonRpcGate.Forward.class);
    JsonRpcGate.Forward forward = (JsonRpcGate.Forward) call;
    assertThat(forward.isRequest()).isTrue();
    assertThat(forward.id()).isEqualTo("\"r1\"");
    JsonRpcGate.Forward cancel = (JsonRpcGate.Forward) JsonRpcGate.check("{\"jsonrpc\":\"2.0\","
        + "\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"r1\"}}", TOOLS);
    assertThat(cancel.cancelledRequest()).isEqualTo("\"r1\"");
    JsonRpcGate.Forward response = (JsonRpcGate.Forward) JsonRpcGate.check("{\"jsonrpc\":\"2.0\","
        + "\"id\":5,\"result\":{}}", TOOLS);
    assertThat(response.method()).isNull();
  }
}
