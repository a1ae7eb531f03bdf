package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that at most one of these arguments may be given in one call, e.g. the alternative
 * audiences of a broadcast. The runtime refuses a call that gives more than one, before anything
 * is sent; the input schema carries the rule as {@code "x-exclusive": [...]}.
 *
 * <pre>{@code
 * @AtMostOneOf({"recipients", "ids", "emails"})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AtMostOneOf {
  /** The argument names (as the agent sees them), at least two. */
  String[] value();
}
