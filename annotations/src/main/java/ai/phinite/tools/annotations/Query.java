package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the parameter to a query parameter. A value left out is not sent; a list is sent as the
 * parameter repeated once per element.
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
}
