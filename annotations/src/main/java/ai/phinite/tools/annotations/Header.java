package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the parameter to a request header. Values containing CR or LF are refused. The name must
 * be a valid header name and not one that the server's authentication, a {@link ConstantHeader} or
 * the runtime sets ({@code Authorization}, {@code Content-Type}, {@code Host}, ...), compared
 * case-insensitively: an argument can never replace the declared authentication.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Header {
  /** The header name on the wire. */
  String value();
}
