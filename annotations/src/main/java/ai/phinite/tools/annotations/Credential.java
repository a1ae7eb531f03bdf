package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One value of a tool's saved connection, asked from the admin in Graph Studio.
 *
 * <p>The runtime checks every connection against these declarations before any call: required
 * values are present, values are among {@link #allowed()} and match {@link #pattern()}. Secret
 * values never appear in descriptors, logs, {@code toString}, error messages or dry runs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Credential.List.class)
public @interface Credential {
  /** The key the value is stored under, e.g. {@code "api_token"}. */
  String key();

  /** The label Graph Studio shows, e.g. {@code "API Token"}. */
  String label();

  /** What the value is and where to find it. Must not be blank. */
  String description();

  /** Whether a connection must have a value. */
  boolean required() default true;

  /** Whether the value is a secret (an API key, a token, a password). */
  boolean secret() default false;

  /** The only values accepted; empty means any. */
  String[] allowed() default {};

  /** A regular expression the whole value must match; empty means any. */
  String pattern() default "";

  /** The value used when the connection has none; empty means no default. */
  String defaultValue() default "";

  /** Holds repeated {@link Credential} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The credentials, in declaration order. */
    Credential[] value();
  }
}
