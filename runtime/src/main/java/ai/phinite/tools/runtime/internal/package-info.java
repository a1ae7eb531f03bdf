/**
 * HTTP support for generated clients: building requests from bound arguments
 * ({@link ai.phinite.tools.runtime.internal.RequestBuilder}), RFC 3986 encoding, reading validated
 * arguments ({@link ai.phinite.tools.runtime.internal.Args}), and the transport.
 *
 * <p>Generated code calls these types; they are public for that reason, not as an API for
 * tool users, and may change between versions together with the processor.
 */
package ai.phinite.tools.runtime.internal;
