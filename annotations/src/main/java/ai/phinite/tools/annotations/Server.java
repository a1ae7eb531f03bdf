package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A server the tool's operations are sent to, with its authentication.
 *
 * <p>The URL is an absolute {@code https} URL and may name credentials in braces, e.g.
 * {@code https://{org_name}.api.kustomerapp.com/v1}. A credential placed in a host name must be a
 * DNS label at run time, so a connection value can never redirect a request to another host.
 * {@link #variants()} pick another URL from a credential value, e.g. a region.
 *
 * <pre>{@code
 * @Server(id = "track", url = "https://track.customer.io/api/v1",
 *         variants = @ServerVariant(credential = "region", equals = "eu",
 *                                   url = "https://track-eu.customer.io/api/v1"),
 *         auth = @Auth(basicUsername = "site_id", basicPassword = "track_api_key"))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Server.List.class)
public @interface Server {
  /** The server's id, named by {@link GET#server()} and the other HTTP method annotations. */
  String id();

  /** The base URL used when no variant applies. */
  String url();

  /** Alternative base URLs, tried in order; the first whose condition holds is used. */
  ServerVariant[] variants() default {};

  /** How requests to this server authenticate; no authentication by default. */
  Auth auth() default @Auth;

  /**
   * A client-side limit on all requests to this server from one connection, e.g. an API's
   * documented 10 requests per second; none by default.
   */
  RateLimit rateLimit() default @RateLimit;

  /**
   * Fixed headers sent with every request to this server (e.g. an API version); they replace
   * tool-level {@link ConstantHeader}s of the same name and are replaced by a method's.
   */
  ConstantHeader[] headers() default {};

  /** Holds repeated {@link Server} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The servers, in declaration order. */
    Server[] value();
  }
}
