package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Offers a method to agents as a subtool.
 *
 * <p>On an abstract method with an HTTP method annotation, the subtool is that one request. On a
 * {@code default} method, the subtool is whatever the method does with the interface's other
 * methods (e.g. look something up, then create).
 *
 * <p>Behaviour hints (as in the Model Context Protocol) are inferred from the HTTP method unless
 * set: {@code GET} is read-only and idempotent; {@code PUT} and {@code DELETE} are idempotent;
 * {@code DELETE} is destructive; {@code POST} and {@code PATCH} are neither. A {@code default}
 * method has no HTTP method, so it gets the protocol's defaults (not read-only, destructive, not
 * idempotent) unless set. {@code openWorld} is true unless set.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Subtool {
  /**
   * The name agents call, matching {@code ^[a-zA-Z0-9_-]{1,64}$}; defaults to the method name in
   * snake_case ({@code getCustomerByEmail} becomes {@code get_customer_by_email}).
   */
  String name() default "";

  /** The title people see, e.g. {@code "Get Customer By Email"}. */
  String title();

  /** What the subtool does, for the language model. Must not be blank. */
  String description();

  /** Whether the subtool only reads. */
  Hint readOnly() default Hint.INFER;

  /** Whether the subtool may destroy or irreversibly change data. */
  Hint destructive() default Hint.INFER;

  /** Whether calling it twice with the same arguments has the effect of calling it once. */
  Hint idempotent() default Hint.INFER;

  /** Whether it reaches an external system. */
  Hint openWorld() default Hint.INFER;
}
