package ai.phinite.tools.runtime;

/**
 * Receives a refresh token that the token endpoint rotated (returned a new one in place of the
 * connection's), so the application can store it in the connection's saved values. Set with
 * {@link Connection.Builder#onRefreshTokenRotated}.
 *
 * <p>It is called before the access token that came with the new refresh token is used, once per
 * rotation, on the runtime thread that received the token endpoint's answer. If it throws, the
 * call that needed the token fails with a {@link TokenException} and the connection keeps the new
 * refresh token in memory (the old one is usually no longer valid) and hands it over again before
 * the next request: a rotation is never lost while the connection is open. Calls that need a token wait for it
 * (each within its own deadline), so keep it short: store the value and return. Do not log the
 * value.
 */
@FunctionalInterface
public interface RefreshTokenRotation {
  /**
   * Stores a rotated refresh token.
   *
   * @param serverId the server whose authentication rotated it
   * @param credentialKey the credential the token belongs under, e.g. {@code refresh_token}
   * @param refreshToken the new refresh token
   * @throws Exception when it could not be stored; the call fails and it is offered again
   */
  void rotated(String serverId, String credentialKey, String refreshToken) throws Exception;
}
