package ai.phinite.tools.testkit;

import ai.phinite.tools.runtime.PreparedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Fluent assertions on one request: a {@link RecordedRequest} as the recording server received it,
 * or a {@link PreparedRequest} from a dry run. Every method checks one thing exactly and fails with
 * what was expected and what was there.
 *
 * <pre>{@code
 * server.assertOneRequest()
 *     .method("POST").url("/v1/customers?page=2")
 *     .header("Content-Type", "application/json")
 *     .jsonBody("{'name': 'Ada', 'locale': null}");
 * }</pre>
 */
public final class RequestAssert {
  private final String server;
  private final String method;
  private final String url;
  private final String path;
  private final String query;
  private final Function<String, String> headers;
  private final JsonNode body;
  private final String bodyText;
  private final PreparedRequest prepared;
  private final RecordedRequest recorded;

  private RequestAssert(String server, String method, String url, String path, String query,
      Function<String, String> headers, JsonNode body, String bodyText, PreparedRequest prepared,
      RecordedRequest recorded) {
    this.server = server;
    this.method = method;
    this.url = url;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.bodyText = bodyText;
    this.prepared = prepared;
    this.recorded = recorded;
  }

  /** Assertions on a request the recording server received; URLs are path and query as received. */
  public static RequestAssert of(RecordedRequest request) {
    String text = request.bodyText();
    JsonNode json = null;
    if (!text.isEmpty()) {
      try {
        json = TestJson.strict(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
        json = null;
      }
    }
    return new RequestAssert(request.server(), request.method(), request.url(), request.path(),
        request.query(), request::header, json, text, null, request);
  }

  /** Assertions on a dry run; URLs are the full URL that would be requested. */
  public static RequestAssert of(PreparedRequest request) {
    URI uri = URI.create(request.url());
    return new RequestAssert(request.server(), request.method(), request.url(), uri.getRawPath(),
        uri.getRawQuery(), name -> {
          PreparedRequest.Header h = request.header(name);
          return h == null ? null : h.value();
        }, request.body(), request.body() == null ? "" : request.body().toString(), request, null);
  }

  /** The request received, or {@code null} for a dry run. */
  public RecordedRequest recorded() {
    return recorded;
  }

  /** The request of a dry run, or {@code null} for a request received. */
  public PreparedRequest prepared() {
    return prepared;
  }

  /** The id of the tool's server it went (or would go) to. */
  public RequestAssert server(String expected) {
    return check("server", expected, server);
  }

  /** The HTTP method. */
  public RequestAssert method(String expected) {
    return check("method", expected, method);
  }

  /**
   * The URL, percent-encoded as sent: path and query for a request received (e.g.
   * {@code /v1/customers?page=2}), the full URL for a dry run.
   */
  public RequestAssert url(String expected) {
    return check("URL", expected, url);
  }

  /** The path, percent-encoded as sent, without the query. */
  public RequestAssert path(String expected) {
    return check("path", expected, path);
  }

  /** The query string, percent-encoded as sent; {@code null} for none. */
  public RequestAssert query(String expected) {
    return check("query", expected, query);
  }

  /** A header's (first) value; the name is matched case-insensitively. */
  public RequestAssert header(String name, String expected) {
    return check("header " + name, expected, headers.apply(name));
  }

  /** That a header is present, whatever its value. */
  public RequestAssert hasHeader(String name) {
    if (headers.apply(name) == null) {
      throw new AssertionFailedError("Expected a " + name + " header on " + this + "; there is none");
    }
    return this;
  }

  /** That a header is absent. */
  public RequestAssert noHeader(String name) {
    String value = headers.apply(name);
    if (value != null) {
      throw new AssertionFailedError("Expected no " + name + " header on " + this + "; it is '"
          + value + "'", null, value);
    }
    return this;
  }

  /**
   * That a dry run marks a header secret: it is shown as {@code ***} wherever the request is
   * printed.
   */
  public RequestAssert secretHeader(String name) {
    if (prepared == null) {
      throw new IllegalStateException("secretHeader is about dry runs; a request received has no"
          + " secret marks");
    }
    PreparedRequest.Header h = prepared.header(name);
    if (h == null || !h.secret()) {
      throw new AssertionFailedError("Expected the " + name + " header of " + this
          + " to be marked secret; " + (h == null ? "there is none" : "it is not"));
    }
    return this;
  }

  /**
   * A JSON body equal to this one (single quotes allowed): no property more or less, explicit
   * {@code null}s included; a request received must also say {@code Content-Type: application/json}.
   */
  public RequestAssert jsonBody(String expected) {
    JsonNode want = TestJson.parse(expected);
    if (recorded != null) {
      String type = recorded.header("Content-Type");
      if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
        throw new AssertionFailedError("Expected Content-Type application/json on " + this
            + "; it is " + (type == null ? "absent" : "'" + type + "'"), "application/json", type);
      }
    }
    if (body == null || !body.equals(want)) {
      throw new AssertionFailedError("The JSON body of " + this + " differs", want.toString(),
          body == null ? bodyText : body.toString());
    }
    return this;
  }

  /** No body at all (and, for a request received, no {@code Content-Type}). */
  public RequestAssert noBody() {
    if (!bodyText.isEmpty() || (prepared != null && prepared.body() != null)) {
      throw new AssertionFailedError("Expected no body on " + this, "", bodyText);
    }
    if (recorded != null) {
      noHeader("Content-Type");
    }
    return this;
  }

  private RequestAssert check(String what, String expected, String actual) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionFailedError("The " + what + " of " + this + " differs", expected, actual);
    }
    return this;
  }

  @Override
  public String toString() {
    return method + " " + url + " (" + server + ")";
  }
}
