package ai.phinite.tools.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** The immutable model of a tool interface, built only from a definition that validated cleanly. */
final class Model {
  private Model() {}

  record Tool(TypeElement element, String id, String name, String description, String toolClass,
      String docsUrl, List<Credential> credentials, List<Server> servers,
      List<Operation> operations, List<HeaderConstant> headers) {}

  record Credential(String key, String label, String description, boolean required,
      boolean secret, List<String> allowed, String pattern, String defaultValue) {}

  record Server(String id, String url, List<Variant> variants, Auth auth, Limit rateLimit,
      List<HeaderConstant> headers) {}

  /** A fixed request header ({@code @ConstantHeader}). */
  record HeaderConstant(String name, String value) {}

  /** At most {@code requests} per {@code perSeconds}. */
  record Limit(int requests, double perSeconds) {}

  /** How an operation is sent: retries, timeout, rate limit ({@code null}s when not declared). */
  record Policy(int maxRetries, int maxWaitSeconds, boolean retryFailures, Integer timeoutSeconds,
      Limit rateLimit) {}

  record Variant(String credential, String equals, String url) {}

  /** type: none, bearer, basic, header or oauth2 (then {@code oauth2} is set). */
  record Auth(String type, String credential, String username, String password, String header,
      OAuth2 oauth2) {
    Auth(String type, String credential, String username, String password, String header) {
      this(type, credential, username, password, header, null);
    }

    List<String> credentials() {
      if (oauth2 != null) {
        return oauth2.credentials();
      }
      return java.util.stream.Stream.of(credential, username, password)
          .filter(java.util.Objects::nonNull).toList();
    }

    /** The header this auth sets, or {@code null}. */
    String headerName() {
      return switch (type) {
        case "bearer", "basic", "oauth2" -> "Authorization";
        case "header" -> header;
        default -> null;
      };
    }
  }

  /**
   * OAuth2 ({@code grant}: client_credentials or refresh_token; credential keys are {@code null}
   * when not set; {@code clientAuthentication}: basic or post).
   */
  record OAuth2(String grant, String tokenUrl, String clientId, String clientSecret,
      List<String> scopes, String refreshToken, String accessToken, String clientAuthentication) {
    List<String> credentials() {
      return java.util.stream.Stream.of(clientId, clientSecret, refreshToken, accessToken)
          .filter(java.util.Objects::nonNull).toList();
    }
  }

  record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {}

  enum Returns { RESPONSE, JSON, VOID }

  /**
   * One method of the interface: an HTTP request ({@link #http} set) or a multi-step default
   * method; offered to agents when {@link #subtool}, run by connection tests when
   * {@link #connectionTest} is set.
   */
  record Operation(ExecutableElement method, String name, boolean subtool, String title,
      String description, Hints hints, Http http, List<Param> params, Returns returns,
      String connectionTest, List<String> atMostOneOf, List<Requirement> requires,
      Policy policy) {}

  /** {@code @Requires}: {@code arg} may be given only with at least one of {@code anyOf}. */
  record Requirement(String arg, List<String> anyOf) {}

  /**
   * {@code headers}: the effective constant headers (tool, then server, then method, a later one
   * replacing an earlier of the same name); {@code form}: the array style of a form body
   * (indexed, brackets, repeated), or {@code null} for JSON.
   */
  record Http(String method, String server, PathTemplate path, List<Constant> constants,
      List<HeaderConstant> headers, String form) {}

  /** A fixed body property; {@code json} is JSON text. */
  record Constant(String field, String json) {}

  enum Binding { PATH, QUERY, HEADER, BODY, BODY_FIELD, BODY_MERGE, NONE }

  /**
   * One parameter: how it binds to the request ({@code wireName}) and what the agent sees
   * ({@code arg}).
   */
  record Param(VariableElement element, Binding binding, String wireName, Arg arg,
      String queryStyle) {
    Param(VariableElement element, Binding binding, String wireName, Arg arg) {
      this(element, binding, wireName, arg, null);
    }
  }

  /** An argument as the agent sees it: name, type and schema facts. */
  record Arg(String name, String javaName, ValueType type, Facts facts) {}

  record Facts(String description, boolean required, String defaultJson, List<String> allowed,
      Long min, Long max, Integer minLength, Integer maxLength, Integer maxBytes, String pattern,
      Integer minItems, Integer maxItems, Integer minProperties, Integer maxProperties,
      String format, List<String> examplesJson, List<String> jsonTypes,
      List<String> reservedKeys, boolean nullable) {}

  enum Kind { STRING, INT, LONG, DOUBLE, DECIMAL, BOOLEAN, ENUM, LIST, SET, ARRAY, MAP, JSON_OBJECT,
    JSON_ARRAY, JSON_ANY, RECORD }

  /**
   * A supported Java type. {@code element} is the element type of collections and the value type
   * of maps; {@code components} are set for records; {@code constants} for enums;
   * {@code primitive} for primitive types.
   */
  record ValueType(Kind kind, TypeMirror mirror, boolean primitive, ValueType element,
      List<String> constants, List<Arg> components, TypeElement typeElement) {
    boolean isScalar() {
      return switch (kind) {
        case STRING, INT, LONG, DOUBLE, DECIMAL, BOOLEAN, ENUM -> true;
        default -> false;
      };
    }
  }
}
