package ai.phinite.tools.runtime.hosted;

import static ai.phinite.tools.runtime.hosted.Hosted.args;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.runtime.CallAbortedException;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolException;
import ai.phinite.tools.runtime.ToolRuntime;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Stopping calls: closing a connection during a call, a call after close, cancelling an async
 * call's future (no retry follows: the server counts its requests), interrupting a thread blocked
 * in {@code invoke}, and closing the runtime. Each ends at once with a typed error and aborts the
 * exchange in progress; every wait is bounded, so a hang fails the test.
 */
class CancellationTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final ToolRuntime RUNTIME = ToolRuntime.builder().build();

  @AfterAll
  static void closeRuntime() {
    RUNTIME.close();
  }

  private static Connection connect(RawServer server) {
    return Hosted.sample(server.baseUrl()).runtime(RUNTIME).build();
  }


  /** A server that reads the request and never answers; the latch opens at the first request. */
  private static RawServer silent(CountDownLatch received) throws Exception {
    return new RawServer((head, out) -> received.countDown());
  }

  @Test
  void closingTheConnectionStopsACallInFlight() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    try (RawServer server = silent(received)) {
      Connection c = connect(server);
      CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> {
        try {
          return c.invoke("get_item", args());
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      assertThat(received.await(20, TimeUnit.SECONDS)).isTrue();
      c.close();
      ExecutionException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(ExecutionException.class, call::get));
      ToolException closed = (ToolException) e.getCause();
      assertThat(closed.kind()).isEqualTo("closed");
      assertThat(closed.nothingSent()).isFalse();
      assertThat(closed).hasMessageThat().isEqualTo("get_item stopped: the connection is closed;"
          + " its earlier requests were sent, nothing further was");
      assertThat(server.awaitClientClosed(20)).isTrue();
    }
  }

  @Test
  void aCallAfterCloseFailsAtOnceAndSendsNothing() throws Exception {
    try (RawServer server = silent(new CountDownLatch(1))) {
      Connection c = connect(server);
      c.close();
      CallAbortedException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(CallAbortedException.class, () -> c.invoke("get_item", args())));
      assertThat(e.kind()).isEqualTo("closed");
      assertThat(e.nothingSent()).isTrue();
      assertThat(e).hasMessageThat().isEqualTo("get_item was not sent: the connection is closed");
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> c.invokeAsync("get_item", args()).get(20, TimeUnit.SECONDS));
      assertThat(((ToolException) async.getCause()).kind()).isEqualTo("closed");
      assertThat(server.requests()).isEqualTo(0);
    }
  }

  @Test
  void cancellingTheFutureStopsRetries() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    // 503 asks to come back in 1 s; the call is cancelled while it waits
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
          + "Content-Length: 0\r\n\r\n"));
      out.flush();
      received.countDown();
    }); Connection c = connect(server)) {
      CompletableFuture<Response> call = c.invokeAsync("get_item", args());
      assertThat(received.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(call.cancel(true)).isTrue();
      assertThrows(CancellationException.class, call::join);
      Thread.sleep(2_500); // past the Retry-After: a retry would have arrived by now
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void cancellingTheFutureAbortsTheExchange() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    try (RawServer server = silent(received); Connection c = connect(server)) {
      CompletableFuture<Response> call = c.invokeAsync("get_item", args());
      assertThat(received.await(20, TimeUnit.SECONDS)).isTrue();
      call.cancel(true);
      assertThat(server.awaitClientClosed(20)).isTrue();
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void interruptingABlockedInvokeCancelsTheCall() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    try (RawServer server = silent(received); Connection c = connect(server)) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> interruptKept = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          c.invoke("get_item", args());
        } catch (Throwable t) {
          thrown.set(t);
          interruptKept.set(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      assertThat(received.await(20, TimeUnit.SECONDS)).isTrue();
      caller.interrupt();
      caller.join(20_000);
      assertThat(caller.isAlive()).isFalse();
      assertThat(thrown.get()).isInstanceOf(CallAbortedException.class);
      CallAbortedException e = (CallAbortedException) thrown.get();
      assertThat(e.kind()).isEqualTo("cancelled");
      assertThat(e).hasMessageThat().isEqualTo(
          "get_item was cancelled (its thread was interrupted); nothing further was sent");
      assertThat(interruptKept.get()).isTrue();
      assertThat(server.awaitClientClosed(20)).isTrue();
    }
  }

  @Test
  void anInterruptedThreadSendsNothing() throws Exception {
    try (RawServer server = silent(new CountDownLatch(1)); Connection c = connect(server)) {
      Thread.currentThread().interrupt();
      CallAbortedException e;
      try {
        e = assertThrows(CallAbortedException.class, () -> c.invoke("get_item", args()));
      } finally {
        Thread.interrupted();
      }
      assertThat(e.kind()).isEqualTo("cancelled");
      assertThat(e.nothingSent()).isTrue();
      assertThat(server.requests()).isEqualTo(0);
    }
  }

  @Test
  void closingTheRuntimeStopsItsCalls() throws Exception {
    ToolRuntime own = ToolRuntime.builder().build();
    try (RawServer server = silent(new CountDownLatch(1))) {
      Connection c = Hosted.sample(server.baseUrl()).runtime(own).deadline(Duration.ofSeconds(2)).build();
      own.close();
      CallAbortedException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(CallAbortedException.class, () -> c.invoke("get_item", args())));
      assertThat(e.kind()).isEqualTo("closed");
      assertThat(e).hasMessageThat().isEqualTo("get_item was not sent: the runtime is closed");
      assertThat(server.requests()).isEqualTo(0);
    }
  }
}
