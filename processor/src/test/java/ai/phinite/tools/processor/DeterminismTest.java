package ai.phinite.tools.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rebuilding the same sources must write byte-identical files (sources, descriptors, the services
 * file and class files), so builds are reproducible and incremental builds see no change.
 */
class DeterminismTest {

  @Test
  void twoCompilationsOfTheSameSourcesWriteIdenticalFiles() {
    Map<String, byte[]> first = generated(TestSupport.representativeTools());
    Map<String, byte[]> second = generated(TestSupport.representativeTools());
    assertThat(first.keySet()).containsAtLeast(
        "/SOURCE_OUTPUT/ai/phinite/tools/examples/HelpdeskToolClient.java",
        "/SOURCE_OUTPUT/com/acme/billing/InvoiceToolProvider.java",
        "/CLASS_OUTPUT/META-INF/phinite/tools/helpdesk.json",
        "/CLASS_OUTPUT/META-INF/phinite/tools/billing.json",
        "/CLASS_OUTPUT/" + Naming.SERVICES_FILE,
        "/CLASS_OUTPUT/com/acme/billing/InvoiceToolClient.class");
    assertSameFiles(first, second);
  }

  @Test
  void theOrderOfTheSourcesDoesNotChangeTheOutput() {
    List<JavaFileObject> reversed = new ArrayList<>(TestSupport.representativeTools());
    java.util.Collections.reverse(reversed);
    assertSameFiles(generated(TestSupport.representativeTools()), generated(reversed));
  }

  private static Map<String, byte[]> generated(List<JavaFileObject> sources) {
    Compilation compilation = TestSupport.compile(sources);
    assertThat(compilation).succeeded();
    return TestSupport.generated(compilation);
  }

  private static void assertSameFiles(Map<String, byte[]> first, Map<String, byte[]> second) {
    assertThat(second.keySet()).containsExactlyElementsIn(first.keySet()).inOrder();
    for (Map.Entry<String, byte[]> file : first.entrySet()) {
      byte[] again = second.get(file.getKey());
      if (file.getKey().endsWith(".class")) {
        assertWithMessage("%s differs between builds", file.getKey())
            .that(Arrays.equals(file.getValue(), again)).isTrue();
      } else { // as text, so a failure shows the difference
        assertWithMessage("%s differs between builds", file.getKey())
            .that(new String(again, StandardCharsets.UTF_8))
            .isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
      }
    }
  }
}
