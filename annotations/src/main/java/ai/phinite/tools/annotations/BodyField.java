package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the parameter to one property of the JSON request body. A dotted name nests:
 * {@code @BodyField("device.id")} puts the value at {@code {"device":{"id":...}}}. A value left
 * out is not sent.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface BodyField {
  /** The property path in the body; defaults to the argument name. */
  String value() default "";
}
