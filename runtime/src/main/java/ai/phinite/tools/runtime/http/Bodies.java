package ai.phinite.tools.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Turns response bytes into a body node: JSON when it parses, text otherwise, null when empty. */
final class Bodies {
  private Bodies() {}

  static JsonNode parse(byte[] bytes, String contentType) {
    if (bytes.length == 0) {
      return JsonNodeFactory.instance.nullNode();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return JsonNodeFactory.instance.nullNode();
    }
    boolean jsonType = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    char first = trimmed.charAt(0);
    if (jsonType || first == '{' || first == '[') {
      try {
        return Json.MAPPER.readTree(bytes);
      } catch (IOException notJson) {
        // A body that claims to be JSON but is not is still the server's answer: keep it as text.
      }
    }
    return JsonNodeFactory.instance.textNode(text);
  }
}
