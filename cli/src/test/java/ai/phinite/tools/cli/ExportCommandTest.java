package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} over every tool on the test class path (the example tool, Kustomer and
 * Customer.io), each format checked against its host's published rules, and every descriptor
 * checked against the descriptor format's own JSON Schema shipped in the runtime jar.
 */
class ExportCommandTest {
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  private static final Set<String> OPENAI_STRICT = Set.of("type", "description", "properties",
      "required", "additionalProperties", "items", "enum", "const", "anyOf", "pattern", "format",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems",
      "maxItems", "title");

  private final Cli cli = new Cli();
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @TempDir Path out;

  private JsonNode read(String file) throws IOException {
    return Cli.JSON.readTree(Files.readString(out.resolve(file)));
  }

  @Test
  void everyDescriptorMatchesTheDescriptorFormat() throws IOException {
    Schema format;
    try (var in = ToolCatalog.class.getResourceAsStream("descriptor.schema.json")) {
      format = registry.getSchema(SchemaLocation.of("https://phinite.ai/schemas/tool-descriptor/v1"),
          Cli.JSON.readTree(in));
    }
    List<ToolProvider<?>> tools = ToolCatalog.load().tools();
    assertThat(tools.stream().map(ToolProvider::id).toList())
        .containsAtLeast("customerio", "helpdesk", "kustomer");
    for (ToolProvider<?> tool : tools) {
      List<Error> errors = format.validate(tool.descriptor().json().toString(), InputFormat.JSON);
      assertWithMessage("%s: %s", tool.id(), errors).that(errors).isEmpty();
    }
  }

  @Test
  void graphStudioFilesAreTheDescriptorsAsGenerated() throws IOException {
    Cli.Result r = cli.run("export", "--format", "graph-studio", "--out", out.toString());
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("kustomer.graph-studio.json (52 subtools)");
    assertThat(r.out()).contains("customerio.graph-studio.json (24 subtools)");
    for (ToolProvider<?> tool : ToolCatalog.load().tools()) {
      assertThat(read(tool.id() + ".graph-studio.json")).isEqualTo(tool.descriptor().json());
    }
  }

  @Test
  void mcpEntriesArePrefixedValidAndCarryHints() throws IOException {
    Cli.Result r = cli.run("export", "--format", "mcp", "--out", out.toString(), "kustomer", "customerio");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    JsonNode kustomer = read("kustomer.mcp.json").path("tools");
    assertThat(kustomer).hasSize(52);
    assertThat(kustomer.get(0).path("name").asText()).isEqualTo("kustomer_create_customer");
    assertThat(read("customerio.mcp.json").path("tools")).hasSize(24);
    for (String file : List.of("kustomer.mcp.json", "customerio.mcp.json")) {
      for (JsonNode t : read(file).path("tools")) {
        String name = t.path("name").asText();
        assertThat(NAME.matcher(name).matches()).isTrue();
        assertThat(t.path("annotations").has("readOnlyHint")).isTrue();
        assertThat(t.path("annotations").has("destructiveHint")).isTrue();
        assertThat(t.path("inputSchema").path("type").asText()).isEqualTo("object");
        assertValidSchema(name, t.path("inputSchema"));
        assertThat(keywords(t.path("inputSchema")).stream().filter(k -> k.startsWith("x-")).toList()).isEmpty();
      }
    }
  }

  @Test
  void openAiToolsAreStrictWhereTheSchemaAllowsAndTheRestAreListed() throws IOException {
    Cli.Result r = cli.run("export", "--format", "openai", "--out", out.toString(), "customerio");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    int strict = 0;
    List<String> loose = new ArrayList<>();
    for (JsonNode t : read("customerio.openai.json").path("tools")) {
      assertThat(t.path("type").asText()).isEqualTo("function");
      JsonNode f = t.path("function");
      assertThat(NAME.matcher(f.path("name").asText()).matches()).isTrue();
      assertThat(f.path("name").asText().length()).isAtMost(64);
      assertValidSchema(f.path("name").asText(), f.path("parameters"));
      if (f.path("strict").asBoolean()) {
        strict++;
        assertStrict(f.path("parameters"));
      } else {
        loose.add(f.path("name").asText());
      }
    }
    assertThat(strict).isGreaterThan(0);
    for (String name : loose) {
      assertThat(r.out()).contains("not strict: customerio." + name + ":");
    }
    assertThat(r.out().lines().filter(l -> l.contains("not strict:")).count()).isEqualTo(loose.size());
  }

  @Test
  void anthropicToolsHaveTheirThreeFields() throws IOException {
    Cli.Result r = cli.run("export", "--format", "anthropic", "--out", out.toString(), "--no-prefix");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    for (JsonNode t : read("kustomer.anthropic.json").path("tools")) {
      List<String> fields = new ArrayList<>();
      t.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("name", "description", "input_schema").inOrder();
      assertThat(NAME.matcher(t.path("name").asText()).matches()).isTrue();
      assertValidSchema(t.path("name").asText(), t.path("input_schema"));
    }
    assertThat(read("kustomer.anthropic.json").path("tools").get(0).path("name").asText())
        .isEqualTo("create_customer");
  }

  /** The Gemini API's Schema keywords (its select subset of OpenAPI 3.0). */
  private static final java.util.Set<String> GEMINI_KEYWORDS = java.util.Set.of("type", "format",
      "title", "description", "nullable", "enum", "maxItems", "minItems", "properties",
      "required", "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "default",
      "anyOf", "items", "minimum", "maximum");

  @Test
  void geminiDeclarationsOfBothToolsStayInsideTheOpenApiSubset() throws IOException {
    Cli.Result r = cli.run("export", "--format", "gemini", "--out", out.toString());
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).doesNotContain("not accepted by Gemini");
    int count = 0;
    for (String tool : List.of("kustomer", "customerio")) {
      JsonNode doc = read(tool + ".gemini.json");
      assertThat(doc.path("tools")).hasSize(1);
      for (JsonNode f : doc.path("tools").get(0).path("functionDeclarations")) {
        count++;
        assertThat(f.path("name").asText()).matches("[A-Za-z_][A-Za-z0-9_.:-]{0,63}");
        assertThat(f.path("description").asText()).isNotEmpty();
        assertGemini(f.path("name").asText(), f.path("parameters"));
      }
    }
    assertThat(count).isEqualTo(76);
    JsonNode createCustomer = read("kustomer.gemini.json").path("tools").get(0)
        .path("functionDeclarations").get(0);
    assertThat(createCustomer.path("name").asText()).isEqualTo("kustomer_create_customer");
    assertThat(createCustomer.path("parameters").path("properties").path("additional_fields")
        .path("description").asText()).endsWith("Do not use the keys: name.");
    JsonNode send = null;
    for (JsonNode f : read("customerio.gemini.json").path("tools").get(0)
        .path("functionDeclarations")) {
      if (f.path("name").asText().equals("customerio_send_transactional_email")) {
        send = f;
      }
    }
    assertThat(send.path("parameters").path("properties").path("transactional_message_id")
        .path("anyOf").toString()).isEqualTo("[{\"type\":\"STRING\"},{\"type\":\"INTEGER\"}]");
  }

  private static void assertGemini(String where, JsonNode schema) {
    if (schema.isMissingNode()) {
      return;
    }
    schema.fieldNames().forEachRemaining(k -> assertWithMessage("%s: %s", where, k)
        .that(GEMINI_KEYWORDS).contains(k));
    if (schema.has("type")) {
      assertWithMessage("%s", where).that(List.of("STRING", "NUMBER", "INTEGER", "BOOLEAN",
          "ARRAY", "OBJECT")).contains(schema.path("type").asText());
    }
    schema.path("enum").forEach(v -> assertWithMessage("%s", where).that(v.isTextual()).isTrue());
    schema.path("properties").forEach(p -> assertGemini(where, p));
    assertGemini(where, schema.path("items"));
    schema.path("anyOf").forEach(a -> assertGemini(where, a));
  }

  @Test
  void subtoolSelectionLimitsWhatIsExported() throws IOException {
    Cli.Result r = cli.run("export", "--format", "mcp", "--out", out.toString(),
        "--subtools", "kustomer:get_customer,customerio:*");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(read("kustomer.mcp.json").path("tools")).hasSize(1);
    assertThat(read("customerio.mcp.json").path("tools")).hasSize(24);
    assertThat(Files.exists(out.resolve("helpdesk.mcp.json"))).isFalse();
  }

  @Test
  void badFormatOrSelectionIsInvalidInput() {
    Cli.Result r = cli.run("export", "--format", "yaml", "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.error().path("message").asText())
        .isEqualTo("Unknown format 'yaml'; use one of graph-studio, mcp, openai, anthropic, gemini");
    r = cli.run("export", "--format", "mcp", "--out", out.toString(), "--subtools", "kustomer:nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.error().path("message").asText())
        .isEqualTo("--subtools names what is not there: tool 'kustomer' has no subtool 'nope'");
  }

  private void assertValidSchema(String where, JsonNode schema) {
    Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    List<Error> errors = meta.validate(schema.toString(), InputFormat.JSON);
    assertWithMessage("%s: %s", where, errors).that(errors).isEmpty();
  }

  private static void assertStrict(JsonNode schema) {
    schema.fieldNames().forEachRemaining(k -> assertThat(OPENAI_STRICT).contains(k));
    if (schema.has("properties")) {
      assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
      List<String> props = new ArrayList<>();
      schema.path("properties").fieldNames().forEachRemaining(props::add);
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(n -> required.add(n.asText()));
      assertThat(required).containsExactlyElementsIn(props).inOrder();
      schema.path("properties").forEach(ExportCommandTest::assertStrict);
    }
    if (schema.has("items")) {
      assertStrict(schema.path("items"));
    }
  }

  private static Set<String> keywords(JsonNode schema) {
    Set<String> out = new java.util.HashSet<>();
    schema.fieldNames().forEachRemaining(out::add);
    schema.path("properties").forEach(p -> out.addAll(keywords(p)));
    if (schema.has("items")) {
      out.addAll(keywords(schema.path("items")));
    }
    return out;
  }
}
