package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Java interface as a predefined tool.
 *
 * <p>The interface also declares the tool's {@link Credential credentials} and
 * {@link Server servers}; its methods are the tool's operations. Methods may be inherited from
 * super-interfaces, so a large tool can be split into one interface per resource and joined by a
 * {@code @Tool} interface that extends them all.
 *
 * <pre>{@code
 * @Tool(id = "kustomer", name = "Kustomer", toolClass = "KustomerTool",
 *       description = "Manage a Kustomer account ...", docsUrl = "https://developer.kustomer.com/")
 * @Credential(key = "api_token", label = "API Token", description = "...", secret = true)
 * @Server(id = "api", url = "https://api.kustomerapp.com/v1", auth = @Auth(bearer = "api_token"))
 * public interface KustomerTool { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Tool {
  /** The tool's id, unique in a catalog: lowercase letters, digits, {@code _} and {@code -}. */
  String id();

  /** The name people see, e.g. {@code "Customer.io"}. */
  String name();

  /** What the tool does, for people and for language models. Must not be blank. */
  String description();

  /** The name Graph Studio's tool picker shows, e.g. {@code "KustomerTool"}. */
  String toolClass();

  /** The public documentation of the API the tool calls (absolute {@code https} URL). */
  String docsUrl() default "";
}
