package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Merges a JSON object parameter into the request body beside its {@link BodyField} properties
 * (e.g. {@code additional_fields}). An entry that has the name of a body field is refused as
 * invalid input, so nothing is silently dropped or overridden; explicit {@code null}s are sent.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface BodyMerge {

}
