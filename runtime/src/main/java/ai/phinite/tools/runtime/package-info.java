/**
 * The runtime of Phinite predefined tools: JDK + Jackson only.
 *
 * <ul>
 *   <li>{@link ai.phinite.tools.runtime.ToolCatalog} finds every generated
 *       {@link ai.phinite.tools.runtime.ToolProvider} on a class path;
 *   <li>{@link ai.phinite.tools.runtime.ToolProvider#connect} checks a saved connection's values
 *       against the tool's declarations and opens a {@link ai.phinite.tools.runtime.Connection};
 *   <li>{@link ai.phinite.tools.runtime.Connection#invoke} validates JSON arguments against the
 *       subtool's schema, then performs the HTTP call; {@link
 *       ai.phinite.tools.runtime.Connection#dryRun} builds the request without sending it;
 *       {@link ai.phinite.tools.runtime.Connection#test} runs the tool's connection checks;
 *   <li>servers declared with OAuth2 get their access tokens from the token endpoint, cached per
 *       connection; a rotated refresh token reaches the application through
 *       {@link ai.phinite.tools.runtime.RefreshTokenRotation}, and a refused grant is a
 *       {@link ai.phinite.tools.runtime.TokenException}.
 * </ul>
 *
 * Everything that goes wrong is a {@link ai.phinite.tools.runtime.ToolException} with a
 * {@code kind} and a message a language model can act on; no secret value ever appears in one.
 */
package ai.phinite.tools.runtime;
