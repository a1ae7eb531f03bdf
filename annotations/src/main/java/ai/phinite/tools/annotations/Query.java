package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the parameter to a query parameter. A value left out is not sent. A {@code List},
 * {@code Set} or array of strings, numbers, booleans or enums is sent as {@link #style()} says:
 * the parameter repeated once per element ({@code tag=a&tag=b}, the default) or once with the
 * elements joined by commas ({@code tag=a,b}; each element is percent-encoded, so a comma inside an
 * element is sent as {@code %2C}). An empty list sends nothing.
 *
 * <pre>{@code
 * Response listCustomers(@Query("pageSize") @Arg(value = "Items per page.", required = false) Integer pageSize);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Query {
  /** The query parameter name on the wire; defaults to the argument name. */
  String value() default "";

  /** How a list or array is sent; only for list and array parameters. */
  Style style() default Style.REPEATED;

  /** How a list-valued query parameter is written. */
  enum Style {
    /** {@code tag=a&tag=b}. */
    REPEATED,
    /** {@code tag=a,b}. */
    COMMA
  }
}
