package ai.phinite.tools.processor;

import static ai.phinite.tools.processor.TestSupport.HEADER;
import static ai.phinite.tools.processor.TestSupport.assertOnlyError;
import static ai.phinite.tools.processor.TestSupport.compile;
import static ai.phinite.tools.processor.TestSupport.source;
import static ai.phinite.tools.processor.TestSupport.tool;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Definitions the processor would otherwise skip without a word: static, private and default
 * methods carrying HTTP annotations, and subtool interfaces no {@code @Tool} uses. Also: the
 * processor claims its annotations, so {@code -Xlint:all -Werror} builds pass.
 */
class IgnoredDefinitionsTest {
  private static final String SUBTOOL =
      "@Subtool(title = \"Get Item\", description = \"Fetch one item.\")";

  @Test
  void staticSubtoolMethod_isAnErrorOnItsAnnotation() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/a\")",
        "static Response getItem() { return null; }");
    assertOnlyError(compile(file), file, "Method getItem is static, so it can never be a subtool"
        + " and its @Subtool would be ignored; make it an abstract interface method (or a default"
        + " method for a multi-step subtool), or remove @Subtool", "@Subtool(");
  }

  @Test
  void privateMethodWithAnHttpAnnotation_isAnErrorOnThatAnnotation() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/a\") Response getItem();",
        "@POST(\"/b\")",
        "private Response helper() { return null; }");
    assertOnlyError(compile(file), file, "Method helper is private, so it can never be a subtool"
        + " and its @POST would be ignored", "@POST(");
  }

  @Test
  void defaultMethodWithAnHttpAnnotation_saysWhatADefaultMethodIs() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/a\") Response getItem();",
        "@Subtool(title = \"Both\", description = \"Two steps.\")",
        "@PUT(\"/b\")",
        "default Response both() { return getItem(); }");
    assertOnlyError(compile(file), file, "Method both is a default method with @PUT; a default"
        + " method is a multi-step subtool that calls other methods, so it sends no request of its"
        + " own: remove @PUT, or remove the body to make it a single-request subtool", "@PUT(");
  }

  @Test
  void interfaceWithSubtoolsButNoTool_isAnErrorOnTheInterface() {
    JavaFileObject file = source("Orphan", List.of(), SUBTOOL, "@GET(\"/a\") Response getItem();");
    assertOnlyError(compile(file), file, "Orphan has @Subtool methods but is neither a @Tool nor"
        + " extended by one in this compilation, so nothing is generated for it; add @Tool(...) to"
        + " it, or add it to the extends clause of a @Tool interface", "public interface Orphan");
  }

  @Test
  void interfaceWithOnlyHttpMethods_isNamedByThatAnnotation() {
    JavaFileObject file = source("Orphan", List.of(), "@DELETE(\"/a\") Response remove();");
    assertOnlyError(compile(file), file, "Orphan has @DELETE methods but is neither a @Tool",
        "public interface Orphan");
  }

  @Test
  void aSuperInterfaceOfATool_isPartOfIt() {
    JavaFileObject resource = source("Items", List.of(), SUBTOOL, "@GET(\"/a\") Response getItem();");
    JavaFileObject file = source("T", withDeclaration("public interface T extends Items {"));
    Compilation compilation = compile(resource, file);
    assertThat(compilation).succeeded();
  }

  @Test
  void lintAllWithWerror_passes_becauseTheProcessorClaimsItsAnnotations() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/items/{item_id}\")",
        "Response getItem(@Path @Arg(\"The item's id.\") String itemId);");
    Compilation compilation = Compiler.javac()
        .withProcessors(new ToolProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .withClasspath(TestSupport.CLASSPATH)
        .compile(file);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void emptyEnum_isAnErrorOnTheParameter() {
    JavaFileObject file = tool("enum Nothing {}", SUBTOOL, "@GET(\"/a\")",
        "Response getItem(@Query @Arg(\"A state.\") Nothing state);");
    assertOnlyError(compile(file), file, "Enum Nothing has no constants, so no value could ever be"
        + " given; add its constants, or use another type", "Nothing state");
  }

  @Test
  void bodyConstantAndBodyFieldOfTheSameName_isAnErrorOnTheConstant() {
    JavaFileObject file = tool(SUBTOOL, "@POST(\"/a\")",
        "@BodyConstant(field = \"type\", value = \"page\")",
        "Response create(@BodyField(\"type\") @Arg(\"The type.\") String kind);");
    assertOnlyError(compile(file), file, "@BodyConstant(field = \"type\") sets the body field"
        + " \"type\", which a @BodyField parameter also binds; remove the constant or bind the"
        + " parameter to another field", "@BodyConstant(");
  }

  private static List<String> withDeclaration(String declaration) {
    List<String> lines = new java.util.ArrayList<>(HEADER);
    lines.add(declaration);
    return lines;
  }
}
