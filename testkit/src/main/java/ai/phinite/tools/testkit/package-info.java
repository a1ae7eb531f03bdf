/**
 * The test kit for tools written with Phinite's annotations: a tool runs against local recording
 * servers and tests assert the exact requests it sends.
 *
 * <ul>
 *   <li>{@link ai.phinite.tools.testkit.ToolServer}: the JUnit 5 extension (servers on loopback,
 *       a connection pointed at them, calls from JSON arguments, canned responses, dry runs);
 *   <li>{@link ai.phinite.tools.testkit.RequestAssert}: assertions on the method, URL, query,
 *       headers and JSON body of a request received or of a dry run;
 *   <li>{@link ai.phinite.tools.testkit.ToolChecks}: every subtool and argument described, every
 *       schema enforceable and strict-mode ready.
 * </ul>
 *
 * Only the JDK's own HTTP server is used ({@code com.sun.net.httpserver}); the kit adds nothing
 * but JUnit's API to a test class path.
 */
package ai.phinite.tools.testkit;
