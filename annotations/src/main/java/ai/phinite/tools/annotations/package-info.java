/**
 * The annotations a predefined tool is written with.
 *
 * <p>A tool is a Java interface annotated with {@link ai.phinite.tools.annotations.Tool}. Its
 * credentials ({@link ai.phinite.tools.annotations.Credential}) and servers
 * ({@link ai.phinite.tools.annotations.Server}) are declared on the interface; each abstract method
 * with an HTTP method annotation ({@link ai.phinite.tools.annotations.GET} and friends) is one HTTP
 * operation, and it is offered to agents as a subtool when it also carries
 * {@link ai.phinite.tools.annotations.Subtool}. A {@code default} method annotated with
 * {@code @Subtool} is a multi-step subtool that calls the interface's other methods.
 *
 * <p>Every parameter has exactly one binding ({@link ai.phinite.tools.annotations.Path},
 * {@link ai.phinite.tools.annotations.Query}, {@link ai.phinite.tools.annotations.Header},
 * {@link ai.phinite.tools.annotations.Body}, {@link ai.phinite.tools.annotations.BodyField},
 * {@link ai.phinite.tools.annotations.BodyMerge}) and one {@link ai.phinite.tools.annotations.Arg}
 * that documents it for the agent. Rules across arguments are declared on the method:
 * {@link ai.phinite.tools.annotations.AtMostOneOf} (alternatives) and
 * {@link ai.phinite.tools.annotations.Requires} (an argument that needs one of some others). The
 * annotation processor turns the interface into an HTTP
 * implementation, a JSON descriptor and a registry entry, and fails the build with a precise error
 * when the definition is inconsistent.
 *
 * <p>How results are shaped for agents is declared too: {@link ai.phinite.tools.annotations.Shape}
 * (where the item or items are, default fields, the item's schema),
 * {@link ai.phinite.tools.annotations.Paged} (page numbers or a cursor) and
 * {@link ai.phinite.tools.annotations.JsonApi} (flatten JSON:API resources).
 */
package ai.phinite.tools.annotations;
