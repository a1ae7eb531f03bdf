package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP server of the real jar over stdio, spoken to with raw JSON-RPC lines: every malformed
 * line gets its JSON-RPC error and serving goes on; wrong-typed arguments get a tool error;
 * standard input closing lets calls in flight answer and the process exit 0; a cancelled call
 * makes no further upstream attempt; retries are reported as progress and logging notifications.
 */
class McpStdioIT {
  private static final String TOKEN = "kus-SECRET-stdio-91c2";

  @TempDir Path dir;
  private HttpServer upstream;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch firstRequest = new CountDownLatch(1);
  /** What the upstream does with request number n (from 1). */
  private volatile Responder responder = (n, exchange) -> reply(exchange, 200, "{\"data\":{}}", 0);

  interface Responder {
    void respond(int n, HttpExchange exchange) throws Exception;
  }

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.setExecutor(Executors.newCachedThreadPool());
    upstream.createContext("/", exchange -> {
      int n = requests.incrementAndGet();
      firstRequest.countDown();
      try {
        responder.respond(n, exchange);
      } catch (Exception e) {
        exchange.close();
      }
    });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  private static void reply(HttpExchange exchange, int status, String body, int retryAfter)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (retryAfter > 0) {
      exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfter));
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private McpProcess start(String... extra) throws Exception {
    Path connection = McpProcess.write(dir, "kustomer.json", "{\"api_token\":\"" + TOKEN + "\"}");
    List<String> args = new ArrayList<>(List.of("--connection", "kustomer=" + connection,
        "--server", "kustomer.api=http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1",
        "--subtools", "kustomer:get_customer"));
    args.addAll(List.of(extra));
    return new McpProcess(args.toArray(String[]::new));
  }

  private static String call(int id, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
        + "\"get_customer\",\"arguments\":" + arguments + "}}";
  }

  private static JsonNode json(String text) throws IOException {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void everyMalformedLineGetsItsErrorAndServingGoesOn() throws Exception {
    try (McpProcess mcp = start()) {
      mcp.initialized();
      mcp.send("{not json");
      assertThat(mcp.next()).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":"
          + "-32700,\"message\":\"Parse error: the message is not JSON (column 2); send one"
          + " JSON-RPC 2.0 object per message\"}}"));
      mcp.send("[]");
      assertThat(mcp.next().path("error").path("code").asInt()).isEqualTo(-32600);
      mcp.send("{}");
      JsonNode empty = mcp.next();
      assertThat(empty.path("error").path("code").asInt()).isEqualTo(-32600);
      assertThat(empty.path("id").isNull()).isTrue();
      mcp.send("{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"ping\"}");
      assertThat(mcp.next()).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":"
          + "-32600,\"message\":\"Invalid Request: \\\"jsonrpc\\\" must be \\\"2.0\\\"\"}}"));
      mcp.send("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}");
      assertThat(mcp.next().path("error").path("message").asText())
          .isEqualTo("Invalid Request: \"id\" must be a string or an integer; got an object");
      mcp.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\",\"params\":[1]}");
      assertThat(mcp.next()).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":"
          + "-32602,\"message\":\"Invalid params: \\\"params\\\" of tools/list must be a JSON"
          + " object; got an array\"}}"));
      mcp.send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{}}");
      assertThat(mcp.next().path("error").path("code").asInt()).isEqualTo(-32602);
      mcp.sendBytes(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}', '\n'});
      assertThat(mcp.next().path("error").path("message").asText())
          .isEqualTo("Parse error: the message is not UTF-8 text");
      mcp.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\",\"params\":{\"pad\":\""
          + "x".repeat(5 * 1024 * 1024) + "\"}}");
      assertThat(mcp.next()).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":"
          + "-32600,\"message\":\"Invalid Request: the message is longer than 4194304 bytes; it"
          + " was skipped\"}}"));
      mcp.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/unknown\",\"params\":7}");
      mcp.send("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"tools/list\"}");
      JsonNode list = mcp.next();
      assertWithMessage("%s", list).that(list.path("id").asText()).isEqualTo("after");
      assertThat(list.path("result").path("tools").get(0).path("name").asText())
          .isEqualTo("get_customer");
      mcp.closeInput();
      assertThat(mcp.exitCode()).isEqualTo(0);
    }
  }

  @Test
  void wrongTypedArgumentsGetAToolErrorAndNothingIsSent() throws Exception {
    try (McpProcess mcp = start()) {
      mcp.initialized();
      mcp.send(call(1, "\"customer_id=1\""));
      JsonNode text = mcp.next();
      assertThat(text.path("id").asInt()).isEqualTo(1);
      assertThat(text.path("result").path("isError").asBoolean()).isTrue();
      assertThat(text.path("result").path("content").get(0).path("text").asText()).isEqualTo(
          "The arguments of get_customer must be one JSON object of named arguments, e.g."
              + " {\"customer_id\": \"123\"}; got a string. Nothing was sent. Call get_customer"
              + " again with \"arguments\" as an object.");
      mcp.send(call(2, "[\"c1\"]"));
      assertThat(mcp.next().path("result").path("content").get(0).path("text").asText())
          .contains("got an array. Nothing was sent.");
      mcp.send(call(3, "{\"customer_id\":\"a\",\"customer_id\":\"b\"}"));
      assertThat(mcp.next().path("result").path("content").get(0).path("text").asText())
          .isEqualTo("The arguments of get_customer give the key at /customer_id twice, so it is"
              + " unclear which value is meant. Nothing was sent. Call get_customer again with"
              + " each key once.");
      mcp.send(call(4, "{\"customer_id\":7}"));
      assertThat(mcp.next().path("result").path("content").get(0).path("text").asText())
          .startsWith("The arguments are not valid; nothing was sent.");
      assertThat(requests.get()).isEqualTo(0);
    }
  }

  @Test
  void endOfInputLetsTheCallInFlightAnswerAndExitsZero() throws Exception {
    responder = (n, exchange) -> {
      Thread.sleep(1500);
      reply(exchange, 200, "{\"data\":{\"id\":\"slow\"}}", 0);
    };
    try (McpProcess mcp = start()) {
      mcp.initialized();
      mcp.send(call(9, "{\"customer_id\":\"slow\"}"));
      assertThat(firstRequest.await(30, TimeUnit.SECONDS)).isTrue();
      mcp.closeInput();
      JsonNode response = mcp.next();
      assertWithMessage("%s", response).that(response.path("id").asInt()).isEqualTo(9);
      assertThat(response.path("result").path("isError").asBoolean()).isFalse();
      assertThat(response.path("result").path("content").get(0).path("text").asText())
          .contains("\"slow\"");
      assertThat(mcp.exitCode()).isEqualTo(0);
      assertThat(mcp.stderr()).doesNotContain(TOKEN);
    }
  }

  @Test
  void aCancelledCallMakesNoFurtherAttemptAndGetsNoResponse() throws Exception {
    // Every attempt is refused with a 5 s Retry-After: without cancellation a second attempt comes.
    responder = (n, exchange) -> reply(exchange, 503, "{\"errors\":[]}", 5);
    try (McpProcess mcp = start()) {
      mcp.initialized();
      mcp.send(call(21, "{\"customer_id\":\"c1\"}"));
      assertThat(firstRequest.await(30, TimeUnit.SECONDS)).isTrue();
      mcp.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
          + "{\"requestId\":21,\"reason\":\"user stopped\"}}");
      mcp.send("{\"jsonrpc\":\"2.0\",\"id\":22,\"method\":\"ping\"}");
      List<JsonNode> notifications = new ArrayList<>();
      assertThat(mcp.nextResponse(notifications).path("id").asInt()).isEqualTo(22);
      mcp.closeInput();
      assertThat(mcp.exitCode()).isEqualTo(0);
      // The process has ended: no attempt can follow. Only the first one was made.
      assertThat(requests.get()).isEqualTo(1);
      for (String line : mcp.rest()) {
        assertThat(json(line).path("id").asInt(-1)).isNotEqualTo(21);
      }
    }
  }

  @Test
  void retriesAreReportedAsProgressAndLogging() throws Exception {
    responder = (n, exchange) -> {
      if (n == 1) {
        reply(exchange, 503, "{\"errors\":[]}", 1);
      } else {
        reply(exchange, 200, "{\"data\":{\"id\":\"c2\"}}", 0);
      }
    };
    try (McpProcess mcp = start()) {
      mcp.initialized();
      mcp.send("{\"jsonrpc\":\"2.0\",\"id\":30,\"method\":\"logging/setLevel\",\"params\":"
          + "{\"level\":\"info\"}}");
      assertThat(mcp.next().path("id").asInt()).isEqualTo(30);
      mcp.send("{\"jsonrpc\":\"2.0\",\"id\":31,\"method\":\"tools/call\",\"params\":{\"name\":"
          + "\"get_customer\",\"arguments\":{\"customer_id\":\"c2\"},\"_meta\":{\"progressToken\":"
          + "\"tok-1\"}}}");
      List<JsonNode> notifications = new ArrayList<>();
      JsonNode result = mcp.nextResponse(notifications);
      assertThat(result.path("result").path("isError").asBoolean()).isFalse();
      List<String> progress = new ArrayList<>();
      List<String> logs = new ArrayList<>();
      for (JsonNode n : notifications) {
        if (n.path("method").asText().equals("notifications/progress")) {
          assertThat(n.path("params").path("progressToken").asText()).isEqualTo("tok-1");
          progress.add(n.path("params").path("message").asText());
        } else if (n.path("method").asText().equals("notifications/message")) {
          logs.add(n.path("params").path("level").asText() + " "
              + n.path("params").path("data").asText());
        }
      }
      assertThat(progress).containsExactly("Attempt 1: GET get_customer to 127.0.0.1",
          "Waiting 1.0 s as the server asked (Retry-After)",
          "Attempt 2: GET get_customer to 127.0.0.1").inOrder();
      assertThat(logs).containsExactly("warning get_customer: attempt 1 failed (HTTP 503)",
          "warning get_customer: Waiting 1.0 s as the server asked (Retry-After)").inOrder();
      for (JsonNode n : notifications) {
        assertThat(n.toString()).doesNotContain(TOKEN);
      }
    }
  }

  @Test
  void theDeadlineEndsACallThatNeverAnswers() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    responder = (n, exchange) -> never.await(60, TimeUnit.SECONDS);
    try (McpProcess mcp = start("--timeout", "2")) {
      mcp.initialized();
      mcp.send(call(41, "{\"customer_id\":\"c3\"}"));
      JsonNode response = mcp.nextResponse(new ArrayList<>());
      assertThat(response.path("id").asInt()).isEqualTo(41);
      assertThat(response.path("result").path("isError").asBoolean()).isTrue();
      String text = response.path("result").path("content").get(0).path("text").asText();
      assertWithMessage(text).that(text).contains("deadline of 2 s");
    } finally {
      never.countDown();
    }
  }
}
