package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the method an HTTP {@code POST} request.
 *
 * <p>The path is appended to the server's base URL. Placeholders in braces are filled from
 * {@link Path} parameters (or, failing that, from a credential of the same name), each
 * percent-encoded as one path segment; a placeholder may sit inside a segment, as in
 * {@code /customers/email={email}}. A fixed query may follow the path, as in
 * {@code /campaigns/{campaign_id}/metrics?version=1}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface POST {
  /** The path template, starting with {@code /}. */
  String value();

  /** The {@link Server#id() server} to send to; may be left out when the tool has one server. */
  String server() default "";
}
