package ai.phinite.tools.examples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.runtime.CallAbortedException;
import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolRuntime;
import ai.phinite.tools.runtime.TransportException;
import ai.phinite.tools.runtime.internal.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token endpoint that accepts connections and never answers: the token request is bounded by
 * the call's deadline, and cancelling a call stops its wait for the token.
 */
class OAuth2DeadlineTest {
  private ServerSocket silent;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private Thread acceptor;
  private ToolRuntime runtime;
  private Connection connection;

  @BeforeEach
  void start() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      while (!silent.isClosed()) {
        try {
          accepted.add(silent.accept()); // read nothing, answer nothing
        } catch (IOException closed) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    runtime = ToolRuntime.builder().build();
    connection = ToolCatalog.load().require("crm").connection().runtime(runtime)
        .credential("tenant", "acme").credential("client_id", "app")
        .credential("client_secret", "cs-DEADLINE-SECRET-1")
        .baseUrl("api", "http://127.0.0.1:1")
        .tokenUrl("api", "http://127.0.0.1:" + silent.getLocalPort() + "/token").build();
  }

  @AfterEach
  void stop() throws IOException {
    connection.close();
    runtime.close();
    silent.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  @Test
  void theTokenRequestEndsWithTheCallsDeadline() {
    TransportException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> assertThrows(TransportException.class, () -> connection.invoke("who_am_i",
            Json.parse("{}"), CallOptions.builder().deadline(Duration.ofMillis(800)).build())));

    assertThat(e.getMessage()).startsWith("who_am_i failed: the call did not get an OAuth2 access"
        + " token within the call's deadline of");
    assertThat(e.getMessage()).doesNotContain("cs-DEADLINE-SECRET-1");
  }

  @Test
  void cancellingACallStopsItsWaitForTheToken() throws Exception {
    CompletableFuture<Response> call = connection.invokeAsync("who_am_i", Json.parse("{}"));
    long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (accepted.isEmpty()) { // until the token request reached the endpoint (bounded)
      assertThat(call.isDone()).isFalse();
      assertThat(System.nanoTime() < giveUp).isTrue();
      Thread.sleep(10);
    }

    call.cancel(true);

    assertThat(call.isCancelled()).isTrue();
    ExecutionException failed = assertThrows(ExecutionException.class, () -> connection
        .invokeAsync("who_am_i", Json.parse("{}"),
            CallOptions.builder().deadline(Duration.ofMillis(300)).build()).get());
    assertThat(failed.getCause()).isInstanceOf(TransportException.class);
    assertThrows(CancellationException.class, call::get);
  }

  @Test
  void aClosedConnectionStopsTheWait() {
    CompletableFuture<Response> call = connection.invokeAsync("who_am_i", Json.parse("{}"));

    connection.close();

    ExecutionException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> assertThrows(ExecutionException.class, call::get));
    assertThat(e.getCause()).isInstanceOf(CallAbortedException.class);
    assertThat(((CallAbortedException) e.getCause()).kind()).isEqualTo("closed");
  }
}
