package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an argument for the agent and states its schema facts. Every parameter of a subtool,
 * and every component of a record used as an argument, has one.
 *
 * <p>The argument's JSON type comes from the Java type: {@code String}; {@code int}, {@code long}
 * and their boxes ({@code integer}); {@code double} and {@code BigDecimal} ({@code number});
 * {@code boolean}; enums (their constant names); {@code List}, {@code Set} and arrays;
 * {@code Map<String, V>} and Jackson {@code JsonNode}/{@code ObjectNode} (open objects); records
 * (nested objects whose components carry their own {@code @Arg}).
 *
 * <p>Bounds that are not set are absent from the schema. Every fact here is enforced by the runtime
 * before anything is sent.
 *
 * <pre>{@code
 * @Query("pageSize") @Arg(value = "Items per page.", required = false, min = 1, max = 100) Integer pageSize
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Arg {
  /** The description the agent reads. Must not be blank. */
  String value();

  /**
   * The argument's name as the agent sees it, matching {@code ^[a-zA-Z0-9_-]{1,64}$}; defaults to
   * the Java name in snake_case ({@code pageSize} becomes {@code page_size}).
   */
  String name() default "";

  /** Whether the agent must give the argument. Primitive types are always required. */
  boolean required() default true;

  /**
   * Whether the agent may give an explicit {@code null}, which is sent as {@code null} (a JSON
   * body field or record component) or as an empty value (a form field): how PATCH-style APIs
   * clear a field. The schema's type then includes {@code "null"}. A {@code null} stays distinct
   * from leaving the argument out, so the Java type is {@code Optional<T>}: a {@code null}
   * reference means left out, {@code Optional.empty()} means send {@code null}. Only for body
   * fields, record components and arguments of multi-step subtools; not with
   * {@link #defaultValue()}. (Without it, a {@code null} for an optional argument means left out.)
   */
  boolean nullable() default false;

  /**
   * The value used when the argument is left out, written as it would be in JSON without quotes
   * for strings ({@code "id"}, {@code "10"}, {@code "true"}); checked at compile time against the
   * type and the bounds.
   */
  String defaultValue() default "";

  /** The only values accepted (for strings); empty means any. */
  String[] allowed() default {};

  /** The smallest number accepted. */
  long min() default Long.MIN_VALUE;

  /** The largest number accepted. */
  long max() default Long.MAX_VALUE;

  /** The fewest characters (Unicode code points) a string may have. */
  int minLength() default -1;

  /** The most characters (Unicode code points) a string may have. */
  int maxLength() default -1;

  /** The most bytes a string may have in UTF-8 (for APIs that limit bytes, not characters). */
  int maxBytes() default -1;

  /** A regular expression (ECMA-262 subset shared with Java) a string must contain a match of. */
  String pattern() default "";

  /** The fewest elements a list may have. */
  int minItems() default -1;

  /** The most elements a list may have. */
  int maxItems() default -1;

  /** The fewest properties an object may have. */
  int minProperties() default -1;

  /** The most properties an object may have. */
  int maxProperties() default -1;

  /**
   * A format of the string or integer: the JSON Schema formats {@code email}, {@code uri},
   * {@code date-time}, or {@code unix-seconds} (an integer Unix time in seconds, 10 digits).
   */
  String format() default "";

  /**
   * The JSON types a {@code JsonNode} argument accepts, when it is not an object: e.g.
   * {@code {"string", "integer"}} for an id that may be either. Among {@code string},
   * {@code integer}, {@code number}, {@code boolean}, {@code object}, {@code array}.
   */
  String[] jsonTypes() default {};

  /**
   * Keys an object argument may not contain because named arguments carry them — for a
   * multi-step subtool's {@code additional_fields}, the fields its steps name (a
   * {@link BodyMerge} parameter gets this from its method's body fields by itself). The schema
   * says it as {@code propertyNames: {not: {enum: [...]}}}, so a clash is refused before anything
   * is sent.
   */
  String[] reservedKeys() default {};

  /** Example values, written like {@link #defaultValue()}. */
  String[] examples() default {};
}
