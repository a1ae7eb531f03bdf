package ai.phinite.tools.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the server's message in an error body. Understands the shapes the supported APIs use:
 * {@code {"errors":[{"code","message"}]}} and {@code {"errors":[{"status","title","detail"}]}}
 * (JSON:API), {@code {"meta":{"error":"..."}}}, {@code {"meta":{"errors":["..."]}}}, and the plain
 * {@code {"message"}} / {@code {"error"}} forms; a text body is its own message.
 */
public final class ErrorBodies {
  private static final int MAX_TEXT = 300;

  private ErrorBodies() {}

  /** The server's message, or {@code null} when the body has none. */
  public static String message(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    if (body.isTextual()) {
      String text = body.asText().strip();
      if (text.isEmpty()) {
        return null;
      }
      return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode e : body.path("errors")) {
      addEntry(parts, e);
    }
    JsonNode meta = body.path("meta");
    addText(parts, meta.get("error"));
    for (JsonNode e : meta.path("errors")) {
      addEntry(parts, e);
    }
    if (parts.isEmpty()) {
      JsonNode error = body.get("error");
      if (error != null && error.isObject()) {
        addEntry(parts, error);
      } else {
        addText(parts, error);
      }
      addText(parts, body.get("message"));
      addText(parts, body.get("error_description"));
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static void addEntry(List<String> parts, JsonNode e) {
    if (e.isTextual()) {
      addText(parts, e);
      return;
    }
    String text = first(e, "detail", "message", "title", "code");
    if (text == null) {
      return;
    }
    JsonNode source = e.path("source");
    String where = first(source, "pointer", "parameter");
    parts.add(where == null ? text : text + " (at " + where + ")");
  }

  private static String first(JsonNode node, String... fields) {
    for (String f : fields) {
      JsonNode v = node.get(f);
      if (v != null && v.isValueNode() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }

  private static void addText(List<String> parts, JsonNode v) {
    if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
      parts.add(v.asText());
    }
  }
}
