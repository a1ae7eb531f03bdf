package ai.phinite.tools.runtime.hosted;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolRuntime;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Numbers end to end: a decimal keeps every digit from the agent's arguments to the wire and from
 * the server's answer back, and a number no JSON API can read (non-finite, or beyond the range of
 * a 64-bit float) is refused before anything is sent, with its pointer.
 */
class NumbersTest {
  private static final ToolRuntime RUNTIME = ToolRuntime.builder().build();

  @AfterAll
  static void closeRuntime() {
    RUNTIME.close();
  }

  private static Connection connect(RawServer server) {
    return Hosted.sample(server.baseUrl()).runtime(RUNTIME).build();
  }

  @Test
  void decimalsKeepTheirPrecisionBothWays() throws Exception {
    String answer = "{\"total\":12345678901234567.89,\"rate\":2.50}";
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + answer.length() + "\r\n\r\n" + answer));
      out.flush();
    }); Connection c = connect(server)) {
      Response r = c.invoke("create_item", Json.MAPPER.readTree(
          "{\"name\":\"n\",\"additional_fields\":{\"amount\":12345678901234567.89,\"rate\":2.50}}"));
      assertThat(server.heads().get(0)).endsWith(
          "{\"name\":\"n\",\"amount\":12345678901234567.89,\"rate\":2.50}");
      assertThat(r.body().get("total").decimalValue())
          .isEqualTo(new BigDecimal("12345678901234567.89"));
      assertThat(r.body().toString()).isEqualTo(answer);
    }
  }

  @Test
  void numbersNoApiCanReadAreRefusedBeforeSending() throws Exception {
    try (RawServer server = new RawServer((head, out) -> { }); Connection c = connect(server)) {
      InvalidInputException parsed = assertThrows(InvalidInputException.class, () -> c.invoke(
          "create_item", Json.MAPPER.readTree(
              "{\"name\":\"n\",\"additional_fields\":{\"deep\":{\"x\":1e400}}}")));
      assertThat(parsed.nothingSent()).isTrue();
      assertThat(parsed.problems()).hasSize(1);
      assertThat(parsed.problems().get(0).pointer()).isEqualTo("/additional_fields/deep/x");
      assertThat(parsed.problems().get(0).message()).isEqualTo("is not a finite number that JSON"
          + " APIs can read (1E+400; the most is about 1.8e308); send a smaller number, or the"
          + " value as a string");

      // a tree built elsewhere, with a double that is already infinite
      ObjectNode args = JsonNodeFactory.instance.objectNode().put("name", "n");
      args.putObject("additional_fields").put("x", Double.POSITIVE_INFINITY);
      InvalidInputException infinite = assertThrows(InvalidInputException.class,
          () -> c.invoke("create_item", args));
      assertThat(infinite.problems().get(0).pointer()).isEqualTo("/additional_fields/x");
      assertThat(infinite.problems().get(0).message()).startsWith(
          "is not a finite number that JSON APIs can read (Infinity;");
      assertThat(server.requests()).isEqualTo(0);
    }
  }
}
