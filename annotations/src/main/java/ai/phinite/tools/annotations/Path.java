package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the parameter to the path placeholder of the same name.
 *
 * <p>The value is percent-encoded as exactly one path segment (RFC 3986): {@code /}, {@code ?},
 * {@code #}, space, {@code +}, {@code @} and {@code %} never reach the URL raw, and the values
 * {@code .} and {@code ..} are refused before anything is sent.
 *
 * <pre>{@code
 * @GET("/customers/{customer_id}")
 * Response getCustomer(@Path @Arg("The customer's id.") String customerId);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Path {
  /** The placeholder name; defaults to the argument name (see {@link Arg#name()}). */
  String value() default "";
}
