package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.RefreshTokenRotation;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.TokenException;
import ai.phinite.tools.runtime.ToolException;
import ai.phinite.tools.runtime.Transport;
import ai.phinite.tools.runtime.TransportException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OAuth2 access tokens of one server of one connection (RFC 6749: client-credentials grant,
 * section 4.4; refresh-token grant, section 6). The token is cached and renewed shortly before it
 * expires ({@code expires_in}), and after the server refuses it with a 401. Concurrent callers
 * share one token request (single flight): the first sends it through the runtime's
 * {@link Transport}, bounded by its call's attempt timeout and deadline, and every caller waits on
 * its own future depending on it, so that cancelling one call (its deadline, a close) never stops
 * the request the others wait for. Nothing blocks a thread.
 *
 * <p>A refresh token the endpoint rotates is handed to the application's
 * {@link RefreshTokenRotation} before the new access token is used; until that succeeds the new
 * refresh token is kept here and offered again on the next call. Tokens never leave this class
 * except in the {@code Authorization} header (marked secret) and to the callback; every token
 * obtained is added to the connection's {@link Redactor}, so a server echoing one cannot leak it.
 */
public final class OAuth2Tokens {
  /** Renew this long before expiry at most (or at half the lifetime of a short-lived token). */
  static final Duration EARLY = Duration.ofSeconds(60);

  /**
   * What the server's {@code @OAuth2} declares, with the connection's values.
   *
   * @param serverId the server
   * @param grant {@code client_credentials} or {@code refresh_token}
   * @param tokenUrl the resolved token endpoint
   * @param clientId the client id, or {@code null}
   * @param clientSecret the client secret, or {@code null}
   * @param scopes the scopes requested
   * @param clientAuthentication {@code basic} or {@code post}
   * @param refreshTokenKey the credential key of the refresh token, or {@code null}
   */
  public record Grant(String serverId, String grant, String tokenUrl, String clientId,
      String clientSecret, List<String> scopes, String clientAuthentication,
      String refreshTokenKey) {
    @Override
    public String toString() {
      return "OAuth2Tokens.Grant[" + serverId + ", " + grant + ", " + tokenUrl + "]";
    }
  }

  /** An access token and the instant to renew it ({@code null}: only when refused). */
  private record Token(String value, Instant renewAt) {
    @Override
    public String toString() {
      return "Token[" + PreparedRequest.MASK + "]";
    }
  }

  private final Grant grant;
  private final Transport transport;
  private final long maxResponseBytes;
  private final String userAgent;
  private final Clock clock;
  private final Duration defaultTimeout;
  private final RefreshTokenRotation rotation;
  private final Redactor redactor;

  private final Object lock = new Object();
  private Token current;
  private String refreshToken;
  /** A rotated refresh token the application has not accepted yet, and the token that came with it. */
  private String unsaved;
  private Token pending;
  private CompletableFuture<Token> inFlight;

  /**
   * @param grant the declaration with the connection's values
   * @param refreshToken the connection's refresh token (refresh-token grant), or {@code null}
   * @param accessToken a current access token from the connection, or {@code null}
   * @param transport the runtime's transport: token requests go where the other requests go
   * @param maxResponseBytes the largest token response accepted
   * @param userAgent the User-Agent header value
   * @param clock the clock expiry is measured with
   * @param defaultTimeout the bound of a token request when the caller gives none
   * @param rotation the application's callback, or {@code null}
   * @param redactor the connection's redactor, told every token obtained
   */
  public OAuth2Tokens(Grant grant, String refreshToken, String accessToken, Transport transport,
      long maxResponseBytes, String userAgent, Clock clock, Duration defaultTimeout,
      RefreshTokenRotation rotation, Redactor redactor) {
    this.grant = grant;
    this.refreshToken = refreshToken;
    this.transport = transport;
    this.maxResponseBytes = maxResponseBytes;
    this.userAgent = userAgent;
    this.clock = clock;
    this.defaultTimeout = defaultTimeout;
    this.rotation = rotation;
    this.redactor = redactor;
    if (accessToken != null) {
      this.current = new Token(accessToken, null);
    }
  }

  /**
   * {@code prepared} with the current access token as its authorization, once there is one.
   * Cancelling the returned future stops only this caller's wait.
   *
   * @param timeout the most time a token request started for this caller may take
   */
  public CompletableFuture<PreparedRequest> authorize(PreparedRequest prepared, Duration timeout) {
    return token(timeout != null ? timeout : defaultTimeout).thenApply(token -> {
      List<PreparedRequest.Header> headers = new ArrayList<>(prepared.headers().size());
      for (PreparedRequest.Header h : prepared.headers()) {
        if (!h.name().equalsIgnoreCase("Authorization")) {
          headers.add(h);
        }
      }
      headers.add(new PreparedRequest.Header("Authorization", "Bearer " + token.value(), true));
      return new PreparedRequest(prepared.operation(), prepared.server(), prepared.method(),
          prepared.url(), headers, prepared.body());
    });
  }

  /** The placeholder a dry run shows: the header is there, its value masked, nothing fetched. */
  static PreparedRequest.Header placeholder() {
    return new PreparedRequest.Header("Authorization", "Bearer " + PreparedRequest.MASK, true);
  }

  /**
   * The server refused the token sent in {@code request} (a 401): it is dropped, unless another
   * caller already replaced it, so the next call obtains a new one.
   */
  public void refused(PreparedRequest request) {
    PreparedRequest.Header sent = request.header("Authorization");
    synchronized (lock) {
      if (current != null && sent != null && sent.value().equals("Bearer " + current.value())) {
        current = null;
      }
    }
  }

  private CompletableFuture<Token> token(Duration timeout) {
    CompletableFuture<Token> flight;
    boolean leader = false;
    synchronized (lock) {
      if (unsaved == null && current != null
          && (current.renewAt() == null || clock.instant().isBefore(current.renewAt()))) {
        return CompletableFuture.completedFuture(current);
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      }
      flight = inFlight;
    }
    if (leader) {
      CompletableFuture<Token> obtained;
      try {
        obtained = obtain(timeout);
      } catch (RuntimeException e) {
        obtained = CompletableFuture.failedFuture(e);
      }
      obtained.whenComplete((t, e) -> {
        synchronized (lock) {
          if (e == null) {
            current = t;
          }
          inFlight = null;
        }
        if (e == null) {
          flight.complete(t);
        } else {
          flight.completeExceptionally(unwrap(e));
        }
      });
    }
    return flight.thenApply(t -> t); // this caller's own future: cancelling it leaves the flight
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof java.util.concurrent.CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** Run by the single caller that obtains a token for everyone waiting. */
  private CompletableFuture<Token> obtain(Duration timeout) {
    String toStore;
    synchronized (lock) {
      toStore = unsaved;
    }
    if (toStore != null) {
      store(toStore); // a rotation the application has not taken yet comes first
      synchronized (lock) {
        unsaved = null;
        if (pending != null && (pending.renewAt() == null
            || clock.instant().isBefore(pending.renewAt()))) {
          Token t = pending;
          pending = null;
          return CompletableFuture.completedFuture(t);
        }
        pending = null;
      }
    }
    return send(timeout).thenApply(this::accept);
  }

  /** Reads the token endpoint's answer; a rotated refresh token is stored before it is used. */
  private Token accept(Response response) {
    JsonNode body = response.body();
    if (response.status() >= 400) {
      String error = body.path("error").isTextual() ? body.path("error").asText() : null;
      String description = body.path("error_description").isTextual()
          ? redactor.text(body.path("error_description").asText()) : null;
      throw new TokenException("The OAuth2 token endpoint of server " + grant.serverId()
          + " refused the " + grant.grant().replace('_', ' ') + " grant: HTTP "
          + response.status() + (error != null ? " " + error : "")
          + (description != null ? " (" + description + ")" : "") + advice(error),
          response.status(), error, null);
    }
    JsonNode access = body.path("access_token");
    if (!access.isTextual() || access.asText().isEmpty()
        || !Encoding.isSafeHeaderValue(access.asText())) {
      throw new TokenException("The OAuth2 token endpoint of server " + grant.serverId()
          + " answered HTTP " + response.status() + " without a usable access_token",
          response.status(), null, null);
    }
    String tokenType = body.path("token_type").asText("Bearer");
    if (!tokenType.equalsIgnoreCase("bearer")) {
      throw new TokenException("The OAuth2 token endpoint of server " + grant.serverId()
          + " issued a token of type '" + tokenType + "'; only Bearer tokens are supported",
          response.status(), null, null);
    }
    redactor.add(access.asText());
    Token token = new Token(access.asText(), renewAt(body.path("expires_in")));
    JsonNode rotated = body.path("refresh_token");
    if (rotated.isTextual() && !rotated.asText().isEmpty()
        && !rotated.asText().equals(currentRefreshToken()) && grant.refreshTokenKey() != null) {
      String next = rotated.asText();
      redactor.add(next);
      synchronized (lock) {
        refreshToken = next; // the old one is usually invalid now: keep the new one whatever happens
        unsaved = next;
        pending = token;
      }
      store(next);
      synchronized (lock) {
        unsaved = null;
        pending = null;
      }
    }
    return token;
  }

  private String currentRefreshToken() {
    synchronized (lock) {
      return refreshToken;
    }
  }

  private static String advice(String error) {
    if ("invalid_grant".equals(error)) {
      return "; the refresh token was revoked, expired or already used: authorize the connection"
          + " again and save its new refresh token";
    }
    if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
      return "; check the connection's client id and secret";
    }
    if ("invalid_scope".equals(error)) {
      return "; the client may not request the tool's scopes";
    }
    return "";
  }

  private void store(String next) {
    if (rotation == null) {
      return; // nobody to tell: the new token lives as long as the connection
    }
    try {
      rotation.rotated(grant.serverId(), grant.refreshTokenKey(), next);
    } catch (Exception e) {
      throw new TokenException("The OAuth2 refresh token of server " + grant.serverId()
          + " was rotated, but the application could not store the new one ("
          + e.getClass().getSimpleName() + "); nothing was sent, and it will be offered again on"
          + " the next call", 0, null, e);
    }
  }

  private Instant renewAt(JsonNode expiresIn) {
    if (!expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
      return null; // no lifetime given: used until the server refuses it
    }
    Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
    Duration early = lifetime.dividedBy(2).compareTo(EARLY) < 0 ? lifetime.dividedBy(2) : EARLY;
    return clock.instant().plus(lifetime).minus(early);
  }

  private CompletableFuture<Response> send(Duration timeout) {
    StringBuilder form = new StringBuilder();
    form.append(FormEncoding.pair("grant_type", grant.grant()));
    if (grant.grant().equals("refresh_token")) {
      form.append('&').append(FormEncoding.pair("refresh_token", currentRefreshToken()));
    }
    if (!grant.scopes().isEmpty()) {
      form.append('&').append(FormEncoding.pair("scope", String.join(" ", grant.scopes())));
    }
    List<PreparedRequest.Header> headers = new ArrayList<>(4);
    headers.add(new PreparedRequest.Header("Accept", "application/json", false));
    headers.add(new PreparedRequest.Header("User-Agent", userAgent, false));
    headers.add(new PreparedRequest.Header("Content-Type", FormEncoding.CONTENT_TYPE, false));
    if (grant.clientId() != null) {
      if (grant.clientAuthentication().equals("post")) {
        form.append('&').append(FormEncoding.pair("client_id", grant.clientId()));
        form.append('&').append(FormEncoding.pair("client_secret", grant.clientSecret()));
      } else {
        // RFC 6749 section 2.3.1: both form-encoded, then Base64 of id:secret
        StringBuilder pair = new StringBuilder();
        FormEncoding.encode(pair, grant.clientId());
        pair.append(':');
        FormEncoding.encode(pair, grant.clientSecret());
        headers.add(new PreparedRequest.Header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(pair.toString().getBytes(StandardCharsets.UTF_8)), true));
      }
    }
    PreparedRequest request = new PreparedRequest("OAuth2 token request of server "
        + grant.serverId(), grant.serverId(), "POST", grant.tokenUrl(), headers,
        JsonNodeFactory.instance.textNode(form.toString()));
    CompletableFuture<Response> answer;
    try {
      answer = transport.send(request, timeout, maxResponseBytes);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    // bounded whatever the transport does with its timeout
    long bound = timeout.toMillis() + 5_000;
    return answer.orTimeout(bound, TimeUnit.MILLISECONDS).handle((r, e) -> {
      if (e == null) {
        return r;
      }
      Throwable cause = unwrap(e);
      if (cause instanceof ToolException t) {
        throw t;
      }
      if (cause instanceof TimeoutException) {
        throw new TransportException("The OAuth2 token request of server " + grant.serverId()
            + " got no answer within " + bound + " ms", null);
      }
      throw new TransportException("The OAuth2 token request of server " + grant.serverId()
          + " failed (" + cause.getClass().getSimpleName() + ")", cause);
    });
  }

  @Override
  public String toString() {
    return "OAuth2Tokens[" + grant.serverId() + ", " + grant.grant() + "]";
  }
}
