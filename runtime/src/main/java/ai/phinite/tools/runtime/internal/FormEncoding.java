package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON object as an {@code application/x-www-form-urlencoded} body (the WHATWG URL
 * standard's serializer): names and values in UTF-8, every byte outside {@code A-Z a-z 0-9 * - . _}
 * percent-encoded and space written as {@code +}. Nested objects use brackets
 * ({@code metadata[key]=v}); arrays are written in one of three styles; an explicit {@code null}
 * is an empty value ({@code name=}); empty objects and arrays send nothing.
 */
public final class FormEncoding {
  /** The media type; it defines no {@code charset} parameter, UTF-8 is implied. */
  public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FormEncoding() {}

  /** How array elements are named. */
  public enum Arrays {
    /** {@code a[0]=x&a[1]=y}. */
    INDEXED,
    /** {@code a[]=x&a[]=y}. */
    BRACKETS,
    /** {@code a=x&a=y}. */
    REPEATED
  }

  /**
   * The form text of an object.
   *
   * @throws InvalidInputException when the body is not an object, or (repeated style) an array
   *     holds objects or arrays, which that style cannot name
   */
  public static String encode(JsonNode body, Arrays arrays) {
    if (!body.isObject()) {
      throw InvalidInputException.argument("", "must be an object of form fields, not "
          + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    StringBuilder out = new StringBuilder(64);
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      write(out, e.getKey(), "/" + pointer(e.getKey()), e.getValue(), arrays);
    }
    return out.toString();
  }

  private static void write(StringBuilder out, String name, String at, JsonNode value,
      Arrays arrays) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        write(out, name + "[" + e.getKey() + "]", at + "/" + pointer(e.getKey()), e.getValue(),
            arrays);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        JsonNode element = value.get(i);
        switch (arrays) {
          case INDEXED -> write(out, name + "[" + i + "]", at + "/" + i, element, arrays);
          case BRACKETS -> write(out, name + "[]", at + "/" + i, element, arrays);
          case REPEATED -> {
            if (element.isContainerNode()) {
              throw InvalidInputException.argument(at + "/" + i, "is an object or"
                  + " array inside a list, which this API's form encoding cannot send; give plain"
                  + " values");
            }
            write(out, name, at + "/" + i, element, arrays);
          }
        }
      }
    } else {
      if (out.length() > 0) {
        out.append('&');
      }
      encode(out, name);
      out.append('=');
      if (!value.isNull()) {
        encode(out, value.asText());
      }
    }
  }

  private static String pointer(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** Appends {@code text} form-encoded. */
  static void encode(StringBuilder out, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '*' || c == '-' || c == '.' || c == '_') {
        out.append(c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
  }

  /** One name=value pair, form-encoded, for callers that build a form by hand (token requests). */
  public static String pair(String name, String value) {
    StringBuilder out = new StringBuilder();
    encode(out, name);
    out.append('=');
    encode(out, value);
    return out.toString();
  }
}
