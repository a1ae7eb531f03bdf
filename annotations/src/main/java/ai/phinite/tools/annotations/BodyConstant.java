package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fixed property of the request body, sent on every call. Set exactly one of {@link #value()}
 * (a string) and {@link #json()} (any JSON value).
 *
 * <pre>{@code
 * @BodyConstant(field = "type", value = "page")     // {"type":"page", ...}
 * @BodyConstant(field = "deleted", json = "true")   // {"deleted":true}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(BodyConstant.List.class)
public @interface BodyConstant {
  /** The property path in the body; a dotted name nests like {@link BodyField}. */
  String field();

  /** The string value. */
  String value() default "";

  /** The value as JSON text, e.g. {@code "true"}, {@code "1"} or {@code "{\"a\":1}"}. */
  String json() default "";

  /** Holds repeated {@link BodyConstant} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.METHOD)
  @interface List {
    /** The constants, in declaration order. */
    BodyConstant[] value();
  }
}
