package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that the API answers in JSON:API documents ({@code {"data": {"type", "id", "attributes",
 * "relationships", "links"}}}), so that the results of the subtools declared in this interface (or,
 * on the {@link Tool} interface, of every subtool) are flattened for agents: each resource becomes
 * one object of its {@code id}, {@code type}, attributes and the ids of related resources, and
 * every {@code links} object is dropped.
 *
 * <p>Flattening happens only where results are shaped for agents (see {@link Shape}); typed Java
 * calls and the CLI's {@code call} get the body as the API sent it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JsonApi {}
