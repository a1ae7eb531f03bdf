package ai.phinite.tools.runtime.export;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Fixtures;
import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolDescriptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each export format against the published rules of its host: name patterns, the schema keywords
 * allowed, and OpenAI strict mode (every property required, no extra properties, only its subset
 * of keywords) where the schema allows it.
 */
class ToolExportTest {
  private final ToolDescriptor sample = Fixtures.sample();
  private final SubtoolSelection all = SubtoolSelection.all();

  @Test
  void graphStudioIsTheDescriptorAsGenerated() {
    assertThat(ToolExport.export(sample, ExportFormat.GRAPH_STUDIO, all, false))
        .isEqualTo(sample.json());
  }

  @Test
  void graphStudioKeepsOnlySelectedSubtools() {
    ObjectNode doc = ToolExport.export(
        sample, ExportFormat.GRAPH_STUDIO, SubtoolSelection.parse("sample:notify"), false);
    assertThat(doc.path("subtools")).hasSize(1);
    assertThat(doc.path("subtools").get(0).path("name").asText()).isEqualTo("notify");
    assertThat(sample.json().path("subtools")).hasSize(3); // the descriptor itself is untouched
  }

  @Test
  void mcpEntriesCarryTitleHintsAndAPortableSchema() {
    JsonNode tools = ToolExport.export(sample, ExportFormat.MCP, all, true).path("tools");
    assertThat(tools).hasSize(3);
    JsonNode get = tools.get(0);
    assertThat(get.path("name").asText()).isEqualTo("sample_get_item");
    assertThat(get.path("title").asText()).isEqualTo("Sample: Get Item");
    assertThat(get.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
    assertThat(get.path("annotations").path("idempotentHint").asBoolean()).isTrue();
    assertThat(get.path("inputSchema").path("type").asText()).isEqualTo("object");
    JsonNode notify = tools.get(2);
    assertThat(notify.path("description").asText())
        .isEqualTo("Send a notice to one audience. Give at most one of: person, ids.");
    assertThat(tools.get(1).path("inputSchema").path("properties").path("name").path("description").asText())
        .isEqualTo("The name. At most 100 bytes in UTF-8.");
    assertThat(notify.path("inputSchema").path("properties").path("level").path("description")
        .asText()).isEqualTo("How loud. Only together with one of: person, ids.");
    for (JsonNode t : tools) {
      assertThat(keywords(t.path("inputSchema")).stream().filter(k -> k.startsWith("x-")).toList()).isEmpty();
    }
  }

  @Test
  void openAiStrictWhereTheSchemaAllows() {
    JsonNode tools = ToolExport.export(sample, ExportFormat.OPENAI, all, false).path("tools");
    JsonNode get = tools.get(0).path("function");
    assertThat(tools.get(0).path("type").asText()).isEqualTo("function");
    assertThat(get.path("strict").asBoolean()).isTrue();
    JsonNode params = get.path("parameters");
    assertThat(params.path("required").toString()).isEqualTo("[\"item_id\",\"fields\",\"page_size\"]");
    assertThat(params.path("properties").path("page_size").path("type").toString())
        .isEqualTo("[\"integer\",\"null\"]");
    assertThat(params.path("properties").path("page_size").path("description").asText())
        .isEqualTo("Page size. Default: 25.");
    assertThat(params.path("properties").path("item_id").path("type").asText()).isEqualTo("string");

    JsonNode notify = tools.get(2).path("function");
    assertThat(notify.path("strict").asBoolean()).isTrue();
    JsonNode person = notify.path("parameters").path("properties").path("person");
    assertThat(person.path("type").toString()).isEqualTo("[\"object\",\"null\"]");
    assertThat(person.path("required").toString()).isEqualTo("[\"id\",\"email\"]");
    assertThat(person.path("description").asText())
        .isEqualTo("Who, by exactly one identifier. Exactly one property.");
    assertThat(notify.path("parameters").path("properties").path("level").path("enum").toString())
        .isEqualTo("[\"low\",\"high\",null]");
    assertThat(notify.path("parameters").path("properties").path("url").path("description").asText())
        .isEqualTo("A link. Format: uri.");
    // x-requiresAnyOf cannot be said in strict mode's subset: the argument's description says it
    assertThat(notify.path("parameters").path("properties").path("level").path("description")
        .asText()).isEqualTo("How loud. Only together with one of: person, ids.");

    for (JsonNode t : tools) {
      JsonNode f = t.path("function");
      assertThat(ToolExport.NAME.matcher(f.path("name").asText()).matches()).isTrue();
      if (f.path("strict").asBoolean()) {
        assertStrict(f.path("parameters"), f.path("name").asText());
      }
    }
  }

  @Test
  void openObjectsCannotBeStrictAndAreListed() {
    JsonNode create = ToolExport.export(sample, ExportFormat.OPENAI, all, false)
        .path("tools").get(1).path("function");
    assertThat(create.path("strict").asBoolean()).isFalse();
    assertThat(ToolExport.notStrict(sample, all)).containsExactly(
        "sample.create_item: 'additional_fields' is an open object (any keys), which strict mode"
            + " cannot express");
  }

  @Test
  void anthropicToolsHaveNameDescriptionAndInputSchema() {
    JsonNode tools = ToolExport.export(sample, ExportFormat.ANTHROPIC, all, true).path("tools");
    assertThat(tools.get(2).path("input_schema").path("properties").path("level")
        .path("description").asText()).isEqualTo("How loud. Only together with one of: person, ids.");
    assertThat(tools.get(2).path("input_schema").has("x-requiresAnyOf")).isFalse();
    for (JsonNode t : tools) {
      assertThat(fieldNames(t)).containsExactly("name", "description", "input_schema").inOrder();
      assertThat(ToolExport.NAME.matcher(t.path("name").asText()).matches()).isTrue();
      assertThat(t.path("input_schema").path("type").asText()).isEqualTo("object");
    }
  }

  @Test
  void aPrefixedNameOverSixtyFourCharactersIsRefused() {
    ToolDescriptor.SubtoolSpec s = sample.subtool("get_item");
    ToolDescriptor.SubtoolSpec longName = new ToolDescriptor.SubtoolSpec("x".repeat(60),
        s.title(), s.description(), s.inputSchema(), s.hints(), s.http(), s.json());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ToolExport.name(sample, longName, true));
    assertThat(e).hasMessageThat().contains("(67 characters); shorten the subtool name");
  }

  @Test
  void unknownFormatNamesTheFormats() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.parse("yaml"));
    assertThat(e).hasMessageThat()
        .isEqualTo("Unknown format 'yaml'; use one of graph-studio, mcp, openai, anthropic,"
            + " gemini");
  }

  /** Keywords of the Gemini API's Schema (its select subset of OpenAPI 3.0). */
  private static final Set<String> GEMINI_KEYWORDS = Set.of("type", "format", "title",
      "description", "nullable", "enum", "maxItems", "minItems", "properties", "required",
      "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "default", "anyOf",
      "items", "minimum", "maximum");

  @Test
  void geminiDeclarationsUseOnlyTheOpenApiSubset() {
    ObjectNode doc = ToolExport.export(sample, ExportFormat.GEMINI, all, false);
    assertThat(fieldNames(doc)).containsExactly("tools");
    assertThat(doc.path("tools")).hasSize(1);
    JsonNode declarations = doc.path("tools").get(0).path("functionDeclarations");
    assertThat(declarations).hasSize(3);
    for (JsonNode f : declarations) {
      assertThat(fieldNames(f)).containsAtLeast("name", "description");
      assertThat(ToolExport.GEMINI_NAME.matcher(f.path("name").asText()).matches()).isTrue();
      assertGeminiSubset(f.path("parameters"), f.path("name").asText());
    }
    JsonNode get = declarations.get(0).path("parameters");
    assertThat(get.path("type").asText()).isEqualTo("OBJECT");
    assertThat(get.path("required").toString()).isEqualTo("[\"item_id\"]");
    assertThat(get.path("properties").path("item_id").path("type").asText()).isEqualTo("STRING");
    assertThat(get.path("properties").path("page_size").path("type").asText())
        .isEqualTo("INTEGER");
    assertThat(get.path("properties").path("page_size").path("default").asInt()).isEqualTo(25);
  }

  @Test
  void geminiSaysInWordsWhatItsSchemaCannotCarry() {
    JsonNode declarations = ToolExport.export(sample, ExportFormat.GEMINI, all, false)
        .path("tools").get(0).path("functionDeclarations");
    JsonNode create = declarations.get(1).path("parameters").path("properties");
    JsonNode additional = create.path("additional_fields");
    assertThat(additional.path("type").asText()).isEqualTo("OBJECT");
    assertThat(additional.has("additionalProperties")).isFalse();
    assertThat(additional.has("propertyNames")).isFalse();
    assertThat(additional.path("description").asText()).isEqualTo("More fields. An object of"
        + " any keys.");
    JsonNode notify = declarations.get(2);
    assertThat(notify.path("description").asText())
        .isEqualTo("Send a notice to one audience. Give at most one of: person, ids.");
    JsonNode url = notify.path("parameters").path("properties").path("url");
    assertThat(url.has("format")).isFalse();
    assertThat(url.path("description").asText()).isEqualTo("A link. Format: uri.");
    assertThat(notify.path("parameters").path("properties").path("level").path("enum").toString())
        .isEqualTo("[\"low\",\"high\"]");
    assertThat(ToolExport.notGemini(sample, all, false)).isEmpty();
  }

  @Test
  void geminiTypeArraysBecomeNullableOrAnyOf() {
    ObjectNode schema = (ObjectNode) ai.phinite.tools.runtime.internal.Json.MAPPER.valueToTree(
        java.util.Map.of("type", "object", "properties", java.util.Map.of(
            "id", java.util.Map.of("type", List.of("string", "integer")),
            "note", java.util.Map.of("type", List.of("string", "null"), "const", "x"),
            "bad-name", java.util.Map.of("type", "boolean"))));
    List<String> problems = new ArrayList<>();
    JsonNode out = GeminiSchema.convert(schema, "", problems);
    assertThat(out.path("properties").path("id").path("anyOf").toString())
        .isEqualTo("[{\"type\":\"STRING\"},{\"type\":\"INTEGER\"}]");
    assertThat(out.path("properties").path("id").has("type")).isFalse();
    assertThat(out.path("properties").path("note").path("type").asText()).isEqualTo("STRING");
    assertThat(out.path("properties").path("note").path("nullable").asBoolean()).isTrue();
    assertThat(out.path("properties").path("note").path("enum").toString()).isEqualTo("[\"x\"]");
    assertThat(problems).containsExactly("'bad-name' is not a name Gemini accepts (a letter or"
        + " '_' first, then letters, digits or '_', at most 64)");
  }

  /** Only the Gemini subset's keywords, upper-case types, string enums, no type arrays. */
  private static void assertGeminiSubset(JsonNode schema, String where) {
    if (schema.isMissingNode()) {
      return;
    }
    for (String k : fieldNames(schema)) {
      assertThat(GEMINI_KEYWORDS).contains(k);
    }
    if (schema.has("type")) {
      assertThat(schema.path("type").isTextual()).isTrue();
      assertThat(Set.of("STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT"))
          .contains(schema.path("type").asText());
    }
    schema.path("enum").forEach(v -> assertThat(v.isTextual()).isTrue());
    schema.path("properties").forEach(p -> assertGeminiSubset(p, where));
    assertGeminiSubset(schema.path("items"), where);
    schema.path("anyOf").forEach(a -> assertGeminiSubset(a, where));
  }

  /** OpenAI strict mode: objects list every property as required and forbid others. */
  private static void assertStrict(JsonNode schema, String where) {
    for (String k : fieldNames(schema)) {
      assertThat(PortableSchema.OPENAI_STRICT_KEYWORDS).contains(k);
    }
    if (schema.has("format")) {
      assertThat(PortableSchema.OPENAI_STRICT_FORMATS).contains(schema.path("format").asText());
    }
    if (schema.has("properties")) {
      assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
      List<String> props = fieldNames(schema.path("properties"));
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      assertThat(required).containsExactlyElementsIn(props).inOrder();
      for (String p : props) {
        assertStrict(schema.path("properties").path(p), where + "/" + p);
      }
    }
    if (schema.has("items")) {
      assertStrict(schema.path("items"), where + "/items");
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> keywords(JsonNode schema) {
    Set<String> out = new HashSet<>(fieldNames(schema));
    schema.path("properties").forEach(p -> out.addAll(keywords(p)));
    if (schema.has("items")) {
      out.addAll(keywords(schema.path("items")));
    }
    return out;
  }
}
