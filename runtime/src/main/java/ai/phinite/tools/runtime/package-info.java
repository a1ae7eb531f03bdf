/**
 * The runtime of Phinite predefined tools: JDK + Jackson only. This package is its whole API;
 * {@code ai.phinite.tools.runtime.internal} holds what generated code and the runtime's machinery
 * need, and is not API.
 *
 * <ul>
 *   <li>{@link ai.phinite.tools.runtime.ToolCatalog} finds every generated
 *       {@link ai.phinite.tools.runtime.ToolProvider} on a class path;
 *   <li>{@link ai.phinite.tools.runtime.ToolRuntime} is what an application's connections share:
 *       the HTTP client, a bounded set of threads, the {@link ai.phinite.tools.runtime.RateLimiter},
 *       the {@link ai.phinite.tools.runtime.CallListener} and the defaults of every call (one per
 *       application, or {@link ai.phinite.tools.runtime.ToolRuntime#shared()});
 *   <li>{@link ai.phinite.tools.runtime.ToolProvider#connection()} checks a saved connection's
 *       values against the tool's declarations and makes a
 *       {@link ai.phinite.tools.runtime.Connection}: a small value that owns no threads or sockets;
 *   <li>{@link ai.phinite.tools.runtime.Connection#invoke} validates JSON arguments against the
 *       subtool's schema, then performs the HTTP call within one deadline;
 *       {@link ai.phinite.tools.runtime.Connection#invokeAsync} does so without blocking (cancel
 *       the future to stop it); {@link ai.phinite.tools.runtime.Connection#dryRun} builds the
 *       request without sending it; {@link ai.phinite.tools.runtime.Connection#test} runs the
 *       tool's connection checks;
 *   <li>{@link ai.phinite.tools.runtime.CallOptions} overrides one call's deadline, attempt
 *       timeout, retries or listener; {@link ai.phinite.tools.runtime.Transport} is the SPI of
 *       the HTTP layer;
 *   <li>{@link ai.phinite.tools.runtime.ResponseShaping} shapes results for agents (compact,
 *       projected, within a token budget, with the next page's arguments), per connection or per
 *       call; the subtool's {@code outputSchema} describes the shaped result;
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
