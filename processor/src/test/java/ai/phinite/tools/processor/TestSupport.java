package ai.phinite.tools.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import ai.phinite.tools.annotations.Tool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles tool sources with the processor and reads what it generated; shared by the tests. */
final class TestSupport {
  /** The lint flags of the build (parent pom.xml), so tests hold generated code to the same bar. */
  static final String LINT = "-Xlint:all,-processing,-options";

  /** Annotations, runtime and Jackson: what a tool module compiles against. */
  static final List<File> CLASSPATH = Stream.of(Tool.class, Response.class,
          JsonNode.class, JsonParser.class, JsonAutoDetect.class)
      .map(TestSupport::location).distinct().toList();

  /** The header of {@link #tool}: one secret credential and one server that uses it. */
  static final List<String> HEADER = List.of(
      "@Tool(id = \"t\", name = \"T\", toolClass = \"TTool\", description = \"A test tool.\")",
      "@Credential(key = \"api_key\", label = \"API Key\", description = \"The key.\", secret = true)",
      "@Server(id = \"api\", url = \"https://api.example.com\", auth = @Auth(bearer = \"api_key\"))");

  private TestSupport() {}

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(sources));
  }

  static Compilation compile(List<JavaFileObject> sources) {
    return compile(new ToolProcessor(), sources);
  }

  static Compilation compile(Processor processor, List<JavaFileObject> sources) {
    return Compiler.javac()
        .withProcessors(processor)
        .withOptions(LINT)
        .withClasspath(CLASSPATH)
        .compile(sources);
  }

  /**
   * Asserts that the compilation failed with exactly one error, containing {@code message}, in
   * {@code file} on the one line containing {@code line}.
   */
  static void assertOnlyError(Compilation compilation, JavaFileObject file, String message,
      String line) {
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  /** Interface {@code test.T} with {@link #HEADER} and the given members, one line each. */
  static JavaFileObject tool(String... members) {
    return source("T", HEADER, members);
  }

  /**
   * Type {@code test.<name>}: the imports every test tool needs, the given annotation lines, then
   * {@code public interface <name> {members}}; a first annotation line starting with
   * {@code "public "} replaces the declaration.
   */
  static JavaFileObject source(String name, List<String> annotations, String... members) {
    List<String> lines = new ArrayList<>(List.of(
        "package test;",
        "",
        "import ai.phinite.tools.annotations.*;",
        "import ai.phinite.tools.runtime.Response;",
        "import com.fasterxml.jackson.databind.JsonNode;",
        "import com.fasterxml.jackson.databind.node.ObjectNode;",
        "import java.util.*;",
        ""));
    String declaration = "public interface " + name + " {";
    for (String annotation : annotations) {
      if (annotation.startsWith("public ")) {
        declaration = annotation;
      } else {
        lines.add(annotation);
      }
    }
    lines.add(declaration);
    lines.addAll(List.of(members));
    lines.add("}");
    return JavaFileObjects.forSourceLines("test." + name, lines);
  }

  /** A source under src/test/resources/tools, e.g. {@code "ai/phinite/tools/examples/HelpdeskTool.java"}. */
  static JavaFileObject resourceSource(String path) {
    String qualified = path.substring(0, path.length() - ".java".length()).replace('/', '.');
    try (InputStream in = TestSupport.class.getResourceAsStream("/tools/" + path)) {
      assertWithMessage("test resource tools/%s", path).that(in).isNotNull();
      return JavaFileObjects.forSourceString(qualified,
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The representative tools of the output tests, in an order that is not the sorted one. */
  static List<JavaFileObject> representativeTools() {
    return List.of(resourceSource("com/acme/billing/InvoiceTool.java"), exampleTool());
  }

  /**
   * The examples module's HelpdeskTool, read from its source (Maven runs tests in the module's
   * folder), so the golden output always covers the real example rather than a copy of it.
   */
  static JavaFileObject exampleTool() {
    java.nio.file.Path source = java.nio.file.Path.of(
        "../examples/src/main/java/ai/phinite/tools/examples/HelpdeskTool.java");
    try {
      return JavaFileObjects.forSourceString("ai.phinite.tools.examples.HelpdeskTool",
          java.nio.file.Files.readString(source, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("The example tool is read from " + source.toAbsolutePath(), e);
    }
  }

  static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(JavaFileObject file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  /** A file the processor wrote to the class output (descriptors, services), by its path. */
  static String classOutput(Compilation compilation, String path) {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow(() -> new AssertionError("no generated " + path + " in " + names(compilation)));
    return text(file);
  }

  static JsonNode descriptor(Compilation compilation, String toolId) {
    try {
      return new ObjectMapper().readTree(
          classOutput(compilation, "META-INF/phinite/tools/" + toolId + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every generated file (sources, resources, class files) by its URI path, sorted. */
  static Map<String, byte[]> generated(Compilation compilation) {
    Map<String, byte[]> out = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      out.put(file.toUri().getPath(), bytes(file));
    }
    return out;
  }

  private static List<String> names(Compilation compilation) {
    return compilation.generatedFiles().stream().map(f -> f.toUri().getPath()).toList();
  }

  private static File location(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
