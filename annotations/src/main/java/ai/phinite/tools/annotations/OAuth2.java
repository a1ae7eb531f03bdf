package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OAuth 2.0 authentication of a {@link Server}, set as {@code @Auth(oauth2 = @OAuth2(...))}. The
 * runtime obtains an access token from {@link #tokenUrl()}, sends it as
 * {@code Authorization: Bearer <token>}, caches it per connection, renews it shortly before it
 * expires and once after a {@code 401}. Concurrent calls share one token request.
 *
 * <p>Two grants (RFC 6749):
 *
 * <ul>
 *   <li>{@link Grant#CLIENT_CREDENTIALS} (section 4.4): the connection holds a client id and secret;
 *       {@link #scopes()} are requested.
 *   <li>{@link Grant#REFRESH_TOKEN} (section 6): the connection holds a refresh token (obtained by
 *       the application's own authorization-code flow) and optionally a current access token and
 *       the client's id and secret. When the server returns a new refresh token (rotation), the
 *       runtime hands it to the application's callback ({@code Connection.Builder.onRefreshTokenRotated})
 *       before using the new access token, so it can be stored.
 * </ul>
 *
 * Every attribute that names a value names a declared {@link Credential}; secrets (client secret,
 * refresh and access tokens) must be declared {@code secret = true}. The token URL is an absolute
 * {@code https} URL and may name non-secret credentials in braces like a server URL (e.g. a
 * tenant: {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}).
 *
 * <pre>{@code
 * @Server(id = "api", url = "https://api.crm.example/v3",
 *     auth = @Auth(oauth2 = @OAuth2(grant = OAuth2.Grant.CLIENT_CREDENTIALS,
 *         tokenUrl = "https://auth.crm.example/oauth/token",
 *         clientId = "client_id", clientSecret = "client_secret", scopes = {"contacts.read"})))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface OAuth2 {
  /** The grant used to obtain access tokens; {@link Grant#NONE} means no OAuth2. */
  Grant grant() default Grant.NONE;

  /** The token endpoint: an absolute {@code https} URL. */
  String tokenUrl() default "";

  /** The credential holding the client id (required for client credentials). */
  String clientId() default "";

  /** The credential holding the client secret (required for client credentials; secret). */
  String clientSecret() default "";

  /** The scopes requested, sent space-separated as {@code scope}; none by default. */
  String[] scopes() default {};

  /** The credential holding the refresh token (refresh-token grant only; secret). */
  String refreshToken() default "";

  /**
   * The credential holding a current access token, used until it is refused or a refresh is due
   * (refresh-token grant only, optional; secret).
   */
  String accessToken() default "";

  /** How the client id and secret reach the token endpoint; Basic authentication by default. */
  ClientAuthentication clientAuthentication() default ClientAuthentication.BASIC;

  /** An OAuth2 grant type. */
  enum Grant {
    /** No OAuth2 (the default of an unset {@code @OAuth2}). */
    NONE,
    /** {@code grant_type=client_credentials}. */
    CLIENT_CREDENTIALS,
    /** {@code grant_type=refresh_token}. */
    REFRESH_TOKEN
  }

  /** How a client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
  enum ClientAuthentication {
    /** {@code Authorization: Basic base64(urlencode(id):urlencode(secret))}. */
    BASIC,
    /** {@code client_id} and {@code client_secret} in the form body. */
    POST
  }
}
