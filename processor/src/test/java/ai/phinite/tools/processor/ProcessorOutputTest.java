package ai.phinite.tools.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares what the processor generates for two representative tools (HelpdeskTool, copied from
 * the examples module, and InvoiceTool) with the files in src/test/resources/expected, as plain
 * text. After an intended change of the output, rewrite the expected files and review the diff:
 *
 * <pre>
 * mvn -B -o -pl processor test -Dtest=ProcessorOutputTest -Dphinite.regenerate=true
 * git diff processor/src/test/resources/expected
 * </pre>
 */
class ProcessorOutputTest {
  private static final boolean REGENERATE = Boolean.getBoolean("phinite.regenerate");
  private static final Path EXPECTED =
      Paths.get(System.getProperty("basedir", "."), "src", "test", "resources", "expected");

  /** Every file the processor writes for the two tools, as paths relative to its output root. */
  private static final List<String> OUTPUTS = List.of(
      "ai/phinite/tools/examples/HelpdeskToolClient.java",
      "ai/phinite/tools/examples/HelpdeskToolProvider.java",
      "META-INF/phinite/tools/helpdesk.json",
      "com/acme/billing/InvoiceToolClient.java",
      "com/acme/billing/InvoiceToolProvider.java",
      "META-INF/phinite/tools/billing.json");

  private static Compilation compilation;

  @BeforeAll
  static void compileRepresentativeTools() {
    compilation = TestSupport.compile(TestSupport.representativeTools());
  }

  static Stream<String> outputs() {
    return OUTPUTS.stream();
  }

  @ParameterizedTest
  @MethodSource("outputs")
  void generatedFileMatchesExpected(String path) throws IOException {
    assertThat(compilation).succeeded();
    String actual = generated(path);
    Path expectedFile = EXPECTED.resolve(path);
    if (REGENERATE) {
      Files.createDirectories(expectedFile.getParent());
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    assertWithMessage("%s missing; run with -Dphinite.regenerate=true", expectedFile)
        .that(Files.exists(expectedFile)).isTrue();
    assertWithMessage("%s differs from %s (if intended, run with -Dphinite.regenerate=true)",
        path, expectedFile)
        .that(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
  }

  @Test
  void generatesNothingElse() {
    TreeSet<String> written = new TreeSet<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String uri = file.toUri().getPath();
      if (!uri.endsWith(".class")) {
        written.add(uri.replaceFirst("^/(SOURCE_OUTPUT|CLASS_OUTPUT)/", ""));
      }
    }
    TreeSet<String> expected = new TreeSet<>(OUTPUTS);
    expected.add(Naming.SERVICES_FILE);
    assertThat(written).containsExactlyElementsIn(expected);
  }

  @Test
  void servicesFileListsEveryProviderOnceSorted() {
    // the sources are given InvoiceTool first, so insertion order is not the sorted order
    String services = TestSupport.classOutput(compilation, Naming.SERVICES_FILE);
    assertThat(services).isEqualTo("ai.phinite.tools.examples.HelpdeskToolProvider\n"
        + "com.acme.billing.InvoiceToolProvider\n");
  }

  @Test
  void generatedSourcesCompileWithoutWarnings() {
    // -Xlint:all as in the build; the generated sources are part of this compilation
    assertThat(compilation).succeededWithoutWarnings();
    for (String type : List.of("ai/phinite/tools/examples/HelpdeskToolClient",
        "ai/phinite/tools/examples/HelpdeskToolProvider", "com/acme/billing/InvoiceToolClient",
        "com/acme/billing/InvoiceToolProvider")) {
      assertWithMessage("compiled %s", type).that(compilation
          .generatedFile(StandardLocation.CLASS_OUTPUT, type + ".class").isPresent()).isTrue();
    }
  }

  private static String generated(String path) {
    if (path.endsWith(".java")) {
      String type = path.substring(0, path.length() - ".java".length()).replace('/', '.');
      return TestSupport.text(compilation.generatedSourceFile(type)
          .orElseThrow(() -> new AssertionError("no generated source " + type)));
    }
    return TestSupport.classOutput(compilation, path);
  }
}
