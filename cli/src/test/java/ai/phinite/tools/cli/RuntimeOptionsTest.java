package ai.phinite.tools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code --redis} and {@code --otel} on {@code call} and {@code test-connection}. The Redis
 * limiter itself is tested on a real redis-server in runtime-redis; here the CLI's wiring: a bad
 * URL is refused before anything is sent, and an unreachable Redis does not stop a call.
 */
class RuntimeOptionsTest extends HelpdeskServerTest {
  private static final String ARG = "T-ARGVALUE-5521";

  @Test
  void aCallGoesOnWhenRedisCannotBeReached() throws IOException {
    SERVER.stubFor(get("/v2/tickets/" + ARG).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"T-1\"}")));

    Cli.Result r = call("get_ticket", "--args", "{\"ticket_id\":\"" + ARG + "\"}",
        "--redis", "redis://127.0.0.1:" + closedPort());

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.outJson().toString()).isEqualTo("{\"id\":\"T-1\"}");
    SERVER.verify(1, getRequestedFor(urlEqualTo("/v2/tickets/" + ARG)));
  }

  @Test
  void aBadRedisUrlIsInvalidInputAndItsPasswordIsNotShown() {
    Cli.Result r = call("get_ticket", "--args", "{\"ticket_id\":\"T-1\"}",
        "--redis", "http://admin:hunter2pass@cache:6379");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("The Redis URL must look like"
        + " redis://[[user]:password@]host[:port][/database] (or rediss:// for TLS), not"
        + " http://cache:6379");
    assertThat(r.err()).doesNotContain("hunter2pass");
    assertNothingReceived();
    Cli.Result t = helpdesk("test-connection", null, "--redis", "nonsense");
    assertWithMessage("%s", t).that(t.exit()).isEqualTo(2);
    assertNothingReceived();
  }

  @Test
  void otelExportsTheCallsSpanOverOtlpWithoutSecretsOrArguments() throws IOException {
    SERVER.stubFor(get("/v2/tickets/" + ARG).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"T-1\"}")));
    Map<String, byte[]> received = new ConcurrentHashMap<>();
    HttpServer collector =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    collector.createContext("/", exchange -> {
      received.merge(exchange.getRequestURI().getPath(),
          exchange.getRequestBody().readAllBytes(), RuntimeOptionsTest::concat);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    Map<String, String> settings = Map.of(
        "otel.exporter.otlp.protocol", "http/protobuf",
        "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort(),
        "otel.traces.exporter", "otlp",
        "otel.metrics.exporter", "otlp",
        "otel.logs.exporter", "none",
        "otel.service.name", "phinite-cli-test");
    settings.forEach(System::setProperty);
    try {
      Cli.Result r = call("get_ticket", "--args", "{\"ticket_id\":\"" + ARG + "\"}", "--otel");
      assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    } finally {
      settings.keySet().forEach(System::clearProperty);
      collector.stop(0);
    }

    // closing the command's runtime flushed the SDK: the span and the metrics were sent
    assertThat(received.keySet()).containsAtLeast("/v1/traces", "/v1/metrics");
    String traces = new String(received.get("/v1/traces"), StandardCharsets.ISO_8859_1);
    for (String expected : List.of("execute_tool get_ticket", "gen_ai.tool.name", "get_ticket",
        "phinite.tool.attempt", "http.response.status_code", "phinite-cli-test")) {
      assertThat(traces).contains(expected);
    }
    String metrics = new String(received.get("/v1/metrics"), StandardCharsets.ISO_8859_1);
    assertThat(metrics).contains("phinite.tool.call.duration");
    for (byte[] sent : received.values()) {
      String text = new String(sent, StandardCharsets.ISO_8859_1);
      for (String secret : List.of(Cli.API_KEY, Cli.FILES_KEY, ARG, "ARGVALUE", "SECRET")) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
