package ai.phinite.tools.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import ai.phinite.tools.runtime.ToolCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every descriptor the processor writes conforms to the descriptor format's JSON Schema, the one
 * shipped in the runtime jar ({@code ai/phinite/tools/runtime/descriptor.schema.json}).
 */
class DescriptorFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Schema format;
  private static Compilation compilation;

  @BeforeAll
  static void load() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream in = ToolCatalog.class.getResourceAsStream("descriptor.schema.json")) {
      format = registry.getSchema(
          SchemaLocation.of("https://phinite.ai/schemas/tool-descriptor/v1"), JSON.readTree(in));
    }
    compilation = TestSupport.compile(TestSupport.representativeTools());
    assertThat(compilation).succeeded();
  }

  @Test
  void generatedDescriptorsConformToTheFormat() {
    for (String tool : List.of("helpdesk", "billing")) {
      JsonNode descriptor = TestSupport.descriptor(compilation, tool);
      List<Error> errors = format.validate(descriptor.toString(), InputFormat.JSON);
      assertWithMessage("%s: %s", tool, errors).that(errors).isEmpty();
    }
  }

  @Test
  void theFormatRejectsWhatIsNotADescriptor() {
    ObjectNode broken = TestSupport.descriptor(compilation, "helpdesk").deepCopy();
    broken.put("id", "Not An Id");
    ((ObjectNode) broken.path("subtools").get(0)).remove("annotations");
    ((ObjectNode) broken.path("servers").get(0)).put("url", "http://plain.example");
    List<Error> errors = format.validate(broken.toString(), InputFormat.JSON);
    assertThat(errors.stream().map(e -> e.getInstanceLocation().toString()).toList())
        .containsAtLeast("/id", "/subtools/0", "/servers/0/url");
  }
}
