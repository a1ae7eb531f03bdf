/**
 * Shapes subtool results for agents: compaction, JSON:API flattening, projection to declared
 * fields, the token budget and paging hints. Not API: use
 * {@link ai.phinite.tools.runtime.ResponseShaping}.
 */
package ai.phinite.tools.runtime.internal.shape;
