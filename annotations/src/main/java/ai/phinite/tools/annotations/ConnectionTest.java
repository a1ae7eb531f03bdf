package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method without required arguments as a check of a connection's credentials (Graph
 * Studio's "Save Configuration"). A tool with several credential sets, e.g. one per server, has
 * one check per set; each is run and reported on its own, so the verdict says which set failed.
 *
 * <p>The method may be a subtool or an operation not offered to agents (no {@link Subtool}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ConnectionTest {
  /**
   * What the check proves, e.g. {@code "Track API credentials"}; defaults to the names of the
   * credentials its server authenticates with.
   */
  String value() default "";
}
