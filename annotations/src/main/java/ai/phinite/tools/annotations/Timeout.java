package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long one attempt of a subtool's request may take, when it differs from the connection's
 * request timeout (30 s by default): e.g. a slow search or a large upload. A caller can still set
 * a timeout per call.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Timeout {
  /** Seconds, 1 to 600. */
  int seconds();
}
