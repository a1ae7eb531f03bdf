/**
 * Not API: support for generated clients and the runtime's machinery, public only because
 * generated code in other packages calls it. It may change in any version, together with the
 * processor. Applications use {@code ai.phinite.tools.runtime}.
 *
 * <p>For generated code: building requests from bound arguments
 * ({@link ai.phinite.tools.runtime.internal.RequestBuilder}), RFC 3986 encoding, reading
 * validated arguments ({@link ai.phinite.tools.runtime.internal.Args}), converting values to
 * JSON ({@link ai.phinite.tools.runtime.internal.Json}), and
 * {@link ai.phinite.tools.runtime.internal.HttpSupport}, through which a generated client sends
 * under its call's policies. For the runtime: the JDK transport, the in-memory rate limiter,
 * sending policies, {@code Retry-After} parsing with saturating arithmetic, redaction of secrets
 * from server answers, and the JSON schema validator ({@code internal.schema}).
 */
package ai.phinite.tools.runtime.internal;
