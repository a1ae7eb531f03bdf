package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes a connection's secrets from what a server sends back. Some APIs quote the credential
 * in an error ("invalid key sk-..."); the runtime must not repeat it in its errors, their JSON, or
 * an MCP result. Used on error paths only.
 */
public final class Redactor {
  private final List<String> secrets;
  /** Secrets learnt after the connection opened (OAuth2 tokens), the newest last; at most 16. */
  private volatile List<String> learnt = List.of();

  /** @param secrets the values to remove: secret credentials and the header values made of them */
  public Redactor(List<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= 4) { // shorter values would mask ordinary words
        kept.add(s);
      }
    }
    kept.sort(Comparator.comparingInt(String::length).reversed()); // longest first
    this.secrets = List.copyOf(kept);
  }

  /** Adds a secret obtained while the connection is open (an OAuth2 access or refresh token). */
  public synchronized void add(String secret) {
    if (secret == null || secret.length() < 4 || learnt.contains(secret)) {
      return;
    }
    List<String> next = new ArrayList<>(learnt);
    next.add(secret);
    if (next.size() > 16) {
      next.remove(0);
    }
    learnt = List.copyOf(next);
  }

  /** The text with every secret replaced by {@code ***}. */
  public String text(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : learnt) {
      if (out.contains(s)) {
        out = out.replace(s, PreparedRequest.MASK);
      }
    }
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, PreparedRequest.MASK);
      }
    }
    return out;
  }

  /** The response with secrets removed from its headers and body (the same one when clean). */
  public Response response(Response response) {
    if (secrets.isEmpty() && learnt.isEmpty()) {
      return response;
    }
    String body = response.body().toString();
    String cleanBody = text(body);
    boolean headersClean = true;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
      List<String> values = new ArrayList<>();
      for (String v : e.getValue()) {
        String clean = text(v);
        headersClean &= clean.equals(v);
        values.add(clean);
      }
      headers.put(e.getKey(), values);
    }
    if (headersClean && cleanBody.equals(body)) {
      return response;
    }
    JsonNode redacted;
    if (response.body().isTextual()) {
      redacted = JsonNodeFactory.instance.textNode(text(response.body().asText()));
    } else {
      try {
        redacted = Json.MAPPER.readTree(cleanBody);
      } catch (java.io.IOException e) {
        redacted = JsonNodeFactory.instance.textNode(cleanBody);
      }
    }
    return new Response(response.status(), headers, redacted);
  }
}
