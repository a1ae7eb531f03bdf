package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.PreparedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds one request from bound arguments. Generated code calls it in the order the annotations
 * dictate: path pieces, then query, headers, body constants, body fields and merges. Every value is
 * checked as it is added, so a bad value fails here, before anything is sent.
 */
public final class RequestBuilder {
  private final HttpSupport http;
  private final String operation;
  private final String method;
  private final String server;
  private final StringBuilder path = new StringBuilder(64);
  private final StringBuilder query = new StringBuilder();
  private final List<PreparedRequest.Header> headers = new ArrayList<>(4);
  private ObjectNode body;
  private JsonNode wholeBody;
  private List<Map.Entry<String, JsonNode>> merges;
  private List<String> namedFields;
  private FormEncoding.Arrays form;

  RequestBuilder(HttpSupport http, String operation, String method, String server) {
    this.http = http;
    this.operation = operation;
    this.method = method;
    this.server = server;
  }

  /** Appends a literal part of the path template (already valid). */
  public RequestBuilder path(String literal) {
    path.append(literal);
    return this;
  }

  /**
   * Appends an argument as (part of) one path segment, percent-encoded. Empty values and the dot
   * segments {@code .} and {@code ..} are refused.
   */
  public RequestBuilder pathParam(String argument, Object value) {
    if (value == null) {
      throw InvalidInputException.argument("/" + argument, "is required but missing");
    }
    String text = Json.text(value);
    if (text.isEmpty()) {
      throw InvalidInputException.argument("/" + argument, "must not be empty");
    }
    if (text.equals(".") || text.equals("..")) {
      throw InvalidInputException.argument(
          "/" + argument, "must not be \"" + text + "\" (a dot segment would change the path)");
    }
    path.append(Encoding.encode(text));
    return this;
  }

  /** Appends a connection value (e.g. a klass name) as one path segment, percent-encoded. */
  public RequestBuilder pathCredential(String key) {
    String text = http.credential(key);
    if (text == null || text.isEmpty() || text.equals(".") || text.equals("..")) {
      throw InvalidInputException.connection(http.toolId(), List.of(new ai.phinite.tools.runtime.Problem(
          "/" + key, "must be a non-empty path segment other than . and ..")));
    }
    path.append(Encoding.encode(text));
    return this;
  }

  /**
   * Adds a query parameter; {@code null} is left out and a collection or array repeats the
   * parameter once per element.
   */
  public RequestBuilder query(String name, Object value) {
    if (value == null) {
      return this;
    }
    if (value instanceof Collection<?>) {
      for (Object element : (Collection<?>) value) {
        query(name, element);
      }
      return this;
    }
    if (value instanceof Object[] array) {
      for (Object element : array) {
        query(name, element);
      }
      return this;
    }
    query.append(query.length() == 0 ? '?' : '&')
        .append(Encoding.encode(name)).append('=').append(Encoding.encode(Json.text(value)));
    return this;
  }

  /**
   * Adds a list-valued query parameter once, its elements joined by commas ({@code ids=1,2});
   * each element is percent-encoded, so a comma inside one is sent as {@code %2C}. {@code null}
   * elements are skipped; {@code null} or an empty list sends nothing.
   */
  public RequestBuilder queryJoined(String name, Object value) {
    if (value == null) {
      return this;
    }
    Iterable<?> elements = value instanceof Object[] array ? java.util.Arrays.asList(array)
        : value instanceof Iterable<?> it ? it : List.of(value);
    StringBuilder joined = new StringBuilder();
    boolean any = false;
    for (Object element : elements) {
      if (element == null) {
        continue;
      }
      if (any) {
        joined.append(',');
      }
      joined.append(Encoding.encode(Json.text(element)));
      any = true;
    }
    if (any) {
      query.append(query.length() == 0 ? '?' : '&').append(Encoding.encode(name)).append('=')
          .append(joined);
    }
    return this;
  }

  /** Adds a fixed query string from the path template, e.g. {@code version=1} (already encoded). */
  public RequestBuilder rawQuery(String encoded) {
    query.append(query.length() == 0 ? '?' : '&').append(encoded);
    return this;
  }

  /** Adds a header bound to an argument; {@code null} is left out, CR/LF refused. */
  public RequestBuilder header(String argument, String name, Object value) {
    if (value == null) {
      return this;
    }
    String text = Json.text(value);
    if (!Encoding.isSafeHeaderValue(text)) {
      throw InvalidInputException.argument("/" + argument, "is sent as an HTTP header, so it"
          + " must be printable ASCII (no line breaks, control or non-ASCII characters)");
    }
    headers.add(new PreparedRequest.Header(name, text, false));
    return this;
  }

  /** Adds a constant header ({@code @ConstantHeader}, checked at compile time). */
  public RequestBuilder constantHeader(String name, String value) {
    headers.add(new PreparedRequest.Header(name, value, false));
    return this;
  }

  /**
   * Sends the body as {@code application/x-www-form-urlencoded} with this array style
   * ({@code indexed}, {@code brackets} or {@code repeated}) instead of JSON.
   */
  public RequestBuilder form(String arrays) {
    this.form = FormEncoding.Arrays.valueOf(arrays.toUpperCase(java.util.Locale.ROOT));
    return this;
  }

  /**
   * Sets a nullable property of the body: a {@code null} reference is left out,
   * {@code Optional.empty()} is sent as an explicit {@code null} (clearing the field).
   */
  public RequestBuilder nullableField(String field, java.util.Optional<?> value) {
    name(field);
    if (value != null) {
      put(field, Json.nullable(value));
    }
    return this;
  }

  /** Sets the whole body; {@code null} leaves the body empty ({@code {}}). */
  public RequestBuilder body(Object value) {
    if (value != null) {
      wholeBody = Json.node(value);
    }
    return this;
  }

  /** Sets a constant property of the body (dotted names nest). */
  public RequestBuilder constant(String field, JsonNode value) {
    name(field);
    put(field, value);
    return this;
  }

  /** Sets one property of the body (dotted names nest); {@code null} is left out. */
  public RequestBuilder field(String field, Object value) {
    name(field);
    if (value != null) {
      put(field, Json.node(value));
    }
    return this;
  }

  /**
   * Merges an object argument into the body after every field is set; an entry named like a body
   * field or constant of the operation (given or not) is refused. Explicit {@code null} entries are kept.
   */
  public RequestBuilder merge(String argument, Object value) {
    if (value == null) {
      return this;
    }
    JsonNode node = Json.node(value);
    if (merges == null) {
      merges = new ArrayList<>(2);
    }
    merges.add(Map.entry(argument, node));
    return this;
  }

  private void name(String field) {
    if (namedFields == null) {
      namedFields = new ArrayList<>(4);
    }
    int dot = field.indexOf('.');
    namedFields.add(dot < 0 ? field : field.substring(0, dot));
  }

  private void put(String field, JsonNode value) {
    if (body == null) {
      body = JsonNodeFactory.instance.objectNode();
    }
    ObjectNode target = body;
    int start = 0;
    int dot;
    while ((dot = field.indexOf('.', start)) >= 0) {
      String key = field.substring(start, dot);
      JsonNode child = target.get(key);
      if (!(child instanceof ObjectNode)) {
        child = target.putObject(key);
      }
      target = (ObjectNode) child;
      start = dot + 1;
    }
    target.set(field.substring(start), value);
  }

  /** The request as it would go on the wire (secret headers kept apart). */
  public PreparedRequest build() {
    JsonNode json = null;
    if (!method.equals("GET") && !method.equals("DELETE")) {
      json = wholeBody != null ? wholeBody : body != null ? body : JsonNodeFactory.instance.objectNode();
      if (merges != null) {
        ObjectNode target = body != null ? body : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> merge : merges) {
          Iterator<Map.Entry<String, JsonNode>> it = merge.getValue().fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (namedFields != null && namedFields.contains(e.getKey())) {
              throw InvalidInputException.argument(
                  "/" + merge.getKey() + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                  "repeats the named argument '" + e.getKey()
                      + "'; give it once, as the named argument");
            }
            target.set(e.getKey(), e.getValue());
          }
        }
        json = target;
      }
    }
    if (form != null && json != null) {
      json = JsonNodeFactory.instance.textNode(FormEncoding.encode(json, form));
      headers.add(new PreparedRequest.Header("Content-Type", FormEncoding.CONTENT_TYPE, false));
    }
    return http.prepare(operation, method, server, path, query, headers, json);
  }
}
