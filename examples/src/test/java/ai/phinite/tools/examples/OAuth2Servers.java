package ai.phinite.tools.examples;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The two real servers of the OAuth2 wire tests, both on loopback ports: the authorization server
 * ({@code mock-oauth2-server}: token endpoint, signing keys) and a resource server (the JDK's HTTP
 * server) that accepts a request only with a bearer token the authorization server signed, that
 * has not expired and that the test has not revoked, and records every request it gets.
 */
final class OAuth2Servers implements AutoCloseable {
  /** One request as the resource server received it. */
  record Received(String method, String uri, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String token() {
      String auth = header("Authorization");
      return auth == null ? null : auth.substring("Bearer ".length());
    }
  }

  final MockOAuth2Server auth;
  final String issuer;
  private final HttpServer resource;
  private final List<Received> received = new ArrayList<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private volatile boolean refuseAll;
  private volatile RSAKey key;

  OAuth2Servers(String issuer, boolean rotateRefreshTokens) throws IOException {
    this.issuer = issuer;
    this.auth = new MockOAuth2Server(new OAuth2Config(false, null, null, rotateRefreshTokens,
        new no.nav.security.mock.oauth2.token.OAuth2TokenProvider(), Set.of(),
        new no.nav.security.mock.oauth2.http.MockWebServerWrapper()));
    auth.start(InetAddress.getLoopbackAddress(), 0);
    resource = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    resource.setExecutor(Executors.newFixedThreadPool(8));
    resource.createContext("/", this::handle);
    resource.start();
  }

  /** The token endpoint, to pass to {@code Connection.Builder.tokenUrl}. */
  String tokenUrl() {
    return auth.tokenEndpointUrl(issuer).toString();
  }

  /** The resource server's base URL, to pass to {@code Connection.Builder.baseUrl}. */
  String baseUrl() {
    return "http://127.0.0.1:" + resource.getAddress().getPort();
  }

  /** From now on the resource server refuses this token with a 401. */
  void revoke(String token) {
    revoked.add(token);
  }

  /** From now on every token is refused (a client whose access was withdrawn). */
  void refuseAll() {
    refuseAll = true;
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * The token requests the authorization server got since the last call, as their form bodies
   * (each request is taken from its queue; waits at most 1 s for one that is not there).
   */
  List<RecordedRequest> takeTokenRequests() {
    List<RecordedRequest> out = new ArrayList<>();
    while (true) {
      RecordedRequest r;
      try {
        r = auth.takeRequest(1, TimeUnit.SECONDS);
      } catch (RuntimeException none) {
        return out;
      }
      if (r.getPath() != null && r.getPath().endsWith("/token")) {
        out.add(r);
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
        headers, body);
    synchronized (this) {
      received.add(r);
    }
    int status;
    String answer;
    String token = r.header("Authorization") == null || !r.header("Authorization").startsWith("Bearer ")
        ? null : r.token();
    if (token == null || refuseAll || revoked.contains(token) || !valid(token)) {
      status = 401;
      answer = "{\"error\":\"invalid_token\"}";
    } else if (r.uri().startsWith("/echo")) {
      status = 403; // a careless server quoting the credential back
      answer = "{\"message\":\"token " + token + " may not do this\"}";
    } else {
      status = 200;
      answer = "{\"ok\":true}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** Signed by the authorization server's key, issued by our issuer, not expired. */
  private boolean valid(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!jwt.verify(new RSASSAVerifier(key()))) {
        return false;
      }
      return auth.issuerUrl(issuer).toString().equals(jwt.getJWTClaimsSet().getIssuer())
          && jwt.getJWTClaimsSet().getExpirationTime().after(new Date());
    } catch (Exception e) {
      return false;
    }
  }

  private RSAKey key() throws Exception {
    if (key == null) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String jwks = client.send(HttpRequest.newBuilder(URI.create(auth.jwksUrl(issuer).toString()))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
      key = (RSAKey) JWKSet.parse(jwks).getKeys().get(0);
    }
    return key;
  }

  @Override
  public void close() {
    resource.stop(0);
    ((java.util.concurrent.ExecutorService) resource.getExecutor()).shutdownNow();
    auth.shutdown();
  }
}
