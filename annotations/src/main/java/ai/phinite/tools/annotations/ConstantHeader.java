package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fixed request header, sent on every call and never seen by the language model (it is not an
 * argument). Declared on the tool interface (every request), in {@link Server#headers()} (that
 * server's requests) or on a method (that request); a more specific declaration of the same name
 * (case-insensitive) replaces a more general one. A constant {@code Accept} replaces the runtime's
 * {@code application/json}.
 *
 * <pre>{@code
 * @ConstantHeader(name = "X-GitHub-Api-Version", value = "2022-11-28")
 * @ConstantHeader(name = "Accept", value = "application/vnd.github+json")
 * }</pre>
 *
 * The name must be a valid header name (RFC 9110 token) and not one the runtime or the server's
 * authentication sets ({@code Authorization}, an API-key header, {@code Content-Type},
 * {@code Content-Length}, {@code Host}, ...); the value is printable ASCII. Values are not secret:
 * they appear in the descriptor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(ConstantHeader.List.class)
public @interface ConstantHeader {
  /** The header name. */
  String name();

  /** The header value. */
  String value();

  /** Holds repeated {@link ConstantHeader} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /** The headers, in declaration order. */
    ConstantHeader[] value();
  }
}
