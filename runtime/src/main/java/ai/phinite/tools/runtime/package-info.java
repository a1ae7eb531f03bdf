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
 *   <li>{@link ai.phinite.tools.runtime.ResponseShaping} shapes results for agents (compact,
 *       projected, within a token budget, with the next page's arguments), per connection or per
 *       call; the subtool's {@code outputSchema} describes the shaped result.
 * </ul>
 *
 * Everything that goes wrong is a {@link ai.phinite.tools.runtime.ToolException} with a
 * {@code kind} and a message a language model can act on; no secret value ever appears in one.
 */
package ai.phinite.tools.runtime;
