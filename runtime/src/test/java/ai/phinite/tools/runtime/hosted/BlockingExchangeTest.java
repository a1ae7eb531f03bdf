package ai.phinite.tools.runtime.hosted;

import static ai.phinite.tools.runtime.hosted.Hosted.args;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.runtime.CallAbortedException;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolRuntime;
import ai.phinite.tools.runtime.Transport;
import ai.phinite.tools.runtime.TransportException;
import ai.phinite.tools.runtime.internal.JdkTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A blocking {@code invoke} makes its attempt on its own thread ({@link Transport#sendAndWait}),
 * so that no thread hands the answer over; an async call uses {@link Transport#send}. The runtime
 * ends such an exchange by interrupting the caller's thread, only while it is in the exchange:
 * after a deadline or a close the thread's interrupt status is as it was, and an interrupt from
 * the application itself is kept. A transport that only implements {@code send} gets the same
 * bounds from the default {@code sendAndWait}: its future is cancelled at the deadline.
 */
class BlockingExchangeTest {
  private static final Duration HANG = Duration.ofSeconds(30);


  private static Connection connect(ToolRuntime runtime, String baseUrl, Duration deadline) {
    return Hosted.sample(baseUrl).runtime(runtime).deadline(deadline).build();
  }

  /** The default JDK transport, noting which of its two methods each attempt used. */
  private static final class Recording implements Transport {
    final JdkTransport jdk = new JdkTransport(Duration.ofSeconds(5), Executors.newFixedThreadPool(
        2, r -> {
          Thread t = new Thread(r, "recording-transport");
          t.setDaemon(true);
          return t;
        }));
    final List<String> used = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Response> send(PreparedRequest request, Duration timeout,
        long maxResponseBytes) {
      used.add("send");
      return jdk.send(request, timeout, maxResponseBytes);
    }

    @Override
    public Response sendAndWait(PreparedRequest request, Duration timeout, long maxResponseBytes)
        throws InterruptedException {
      used.add("sendAndWait");
      return jdk.sendAndWait(request, timeout, maxResponseBytes);
    }

    @Override
    public void close() {
      jdk.close();
    }
  }

  private static RawServer ok() throws Exception {
    return new RawServer((head, out) -> {
      out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: 11\r\n\r\n{\"id\":\"a\"}\n"));
      out.flush();
    });
  }

  @Test
  void aBlockingCallWaitsOnItsOwnThreadAndAnAsyncCallDoesNot() throws Exception {
    Recording transport = new Recording();
    try (ToolRuntime runtime = ToolRuntime.builder().transport(transport).build();
        RawServer server = ok();
        Connection c = connect(runtime, server.baseUrl(), Duration.ofSeconds(10))) {
      assertThat(c.invoke("get_item", args()).body().get("id").asText()).isEqualTo("a");
      assertThat(transport.used).containsExactly("sendAndWait");
      assertThat(c.invokeAsync("get_item", args()).get(20, TimeUnit.SECONDS).status())
          .isEqualTo(200);
      assertThat(transport.used).containsExactly("sendAndWait", "send").inOrder();
    } finally {
      transport.close();
    }
  }

  @Test
  void theDeadlineEndsTheExchangeAndLeavesNoInterruptBehind() throws Exception {
    try (ToolRuntime runtime = ToolRuntime.builder().build();
        RawServer server = new RawServer((head, out) -> {
          out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100\r\n\r\n{\"partial\":"));
          out.flush(); // and nothing more
        });
        Connection c = connect(runtime, server.baseUrl(), Duration.ofMillis(700))) {
      AtomicBoolean interruptedAfter = new AtomicBoolean(true);
      TransportException e = assertTimeoutPreemptively(HANG, () -> {
        TransportException thrown =
            assertThrows(TransportException.class, () -> c.invoke("get_item", args()));
        interruptedAfter.set(Thread.currentThread().isInterrupted());
        return thrown;
      });
      assertThat(e).hasMessageThat().contains("within the call's deadline of 700 ms");
      assertThat(interruptedAfter.get()).isFalse();
      assertThat(server.awaitClientClosed(20)).isTrue(); // the body is no longer read
    }
  }

  @Test
  void closingTheConnectionEndsTheExchangeAndLeavesNoInterruptBehind() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    try (ToolRuntime runtime = ToolRuntime.builder().build();
        RawServer server = new RawServer((head, out) -> received.countDown())) {
      Connection c = connect(runtime, server.baseUrl(), Duration.ofSeconds(40));
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicBoolean interruptedAfter = new AtomicBoolean(true);
      Thread caller = new Thread(() -> {
        try {
          c.invoke("get_item", args());
        } catch (Throwable t) {
          thrown.set(t);
        }
        interruptedAfter.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      assertThat(received.await(20, TimeUnit.SECONDS)).isTrue();
      c.close();
      caller.join(HANG.toMillis());
      assertThat(caller.isAlive()).isFalse();
      assertThat(thrown.get()).isInstanceOf(CallAbortedException.class);
      assertThat(((CallAbortedException) thrown.get()).kind()).isEqualTo("closed");
      assertThat(interruptedAfter.get()).isFalse();
      assertThat(server.awaitClientClosed(20)).isTrue();
    }
  }

  @Test
  void aTransportWithOnlySendIsCancelledAtTheDeadline() throws Exception {
    CompletableFuture<Response> pending = new CompletableFuture<>();
    Transport never = new Transport() {
      @Override
      public CompletableFuture<Response> send(PreparedRequest request, Duration timeout,
          long maxResponseBytes) {
        return pending; // no answer, ever
      }

      @Override
      public void close() {
      }
    };
    try (ToolRuntime runtime = ToolRuntime.builder().transport(never).build();
        Connection c = connect(runtime, "https://api.example.test", Duration.ofMillis(500))) {
      AtomicBoolean interruptedAfter = new AtomicBoolean(true);
      TransportException e = assertTimeoutPreemptively(HANG, () -> {
        TransportException thrown =
            assertThrows(TransportException.class, () -> c.invoke("get_item", args()));
        interruptedAfter.set(Thread.currentThread().isInterrupted());
        return thrown;
      });
      assertThat(e).hasMessageThat().isEqualTo("get_item failed: no complete response came from"
          + " https://api.example.test within the call's deadline of 500 ms (the server may have"
          + " stalled, or be sending its answer too slowly); nothing further is sent");
      assertThat(pending.isCancelled()).isTrue();
      assertThat(interruptedAfter.get()).isFalse();
    }
  }
}
