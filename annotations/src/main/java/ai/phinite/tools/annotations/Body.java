package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the parameter to the whole JSON request body. Explicit JSON {@code null}s inside it are
 * sent as {@code null}. A method has at most one {@code @Body}, and none on {@code GET} or
 * {@code DELETE}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {

}
