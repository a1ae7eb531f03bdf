package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that an optional argument may be given only together with at least one of some others,
 * e.g. a flag that applies only to certain audiences of a broadcast. The runtime refuses a call
 * that gives {@link #arg()} without any of {@link #anyOf()}, before anything is sent, with a
 * problem at {@link #arg()}'s JSON pointer that names the arguments it needs. The input schema
 * carries the rule as {@code "x-requiresAnyOf": {"<arg>": ["<a>", "<b>"]}}; exports for hosts
 * that reject unknown keywords state it in the subtool's description instead.
 *
 * <pre>{@code
 * @Requires(arg = "id_ignore_missing", anyOf = {"ids", "per_user_data"})
 * @Requires(arg = "email_add_duplicates", anyOf = {"emails", "per_user_data"})
 * }</pre>
 *
 * <p>An explicit JSON {@code null} for an optional argument counts as left out, so a {@code null}
 * flag never trips the rule.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Requires.List.class)
public @interface Requires {
  /** The argument the rule is about (the name the agent sees). */
  String arg();

  /** The arguments of which at least one must be given with {@link #arg()}; at least one name. */
  String[] anyOf();

  /** Holds repeated {@link Requires} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.METHOD)
  @interface List {
    /** The rules, in declaration order. */
    Requires[] value();
  }
}
