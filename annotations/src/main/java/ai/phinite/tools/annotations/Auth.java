package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How requests to a {@link Server} authenticate. Set the attributes of exactly one scheme:
 *
 * <ul>
 *   <li>{@code @Auth(bearer = "api_token")}: {@code Authorization: Bearer <api_token>};
 *   <li>{@code @Auth(basicUsername = "site_id", basicPassword = "track_api_key")}:
 *       {@code Authorization: Basic base64(site_id:track_api_key)} with standard Base64;
 *   <li>{@code @Auth(apiKeyHeader = "X-Api-Key", apiKey = "api_key")}: the credential sent as
 *       the value of that header;
 *   <li>{@code @Auth(oauth2 = @OAuth2(...))}: an OAuth2 access token obtained and renewed by the
 *       runtime, sent as {@code Authorization: Bearer <token>} (see {@link OAuth2}).
 * </ul>
 *
 * Every attribute names a declared {@link Credential}; {@code @Auth} with nothing set means no
 * authentication.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Auth {
  /** The credential sent as a bearer token. */
  String bearer() default "";

  /** The credential sent as the Basic user name. */
  String basicUsername() default "";

  /** The credential sent as the Basic password. */
  String basicPassword() default "";

  /** The name of the header that carries {@link #apiKey()}. */
  String apiKeyHeader() default "";

  /** The credential sent in {@link #apiKeyHeader()}. */
  String apiKey() default "";

  /** OAuth2: access tokens obtained from a token endpoint; none by default. */
  OAuth2 oauth2() default @OAuth2;
}
