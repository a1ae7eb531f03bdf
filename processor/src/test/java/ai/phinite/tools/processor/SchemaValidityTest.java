package ai.phinite.tools.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input schemas of the generated descriptors are valid JSON Schema 2020-12 (checked with the
 * networknt validator against the meta-schema it bundles) and have the expected shape.
 */
class SchemaValidityTest {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema META_SCHEMA = REGISTRY.getSchema(
      SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

  private static Compilation compilation;

  @BeforeAll
  static void compileRepresentativeTools() {
    compilation = TestSupport.compile(TestSupport.representativeTools());
    assertThat(compilation).succeeded();
  }

  @Test
  void theMetaSchemaCheckCatchesAnInvalidSchema() {
    // without this, a validator that accepts anything would pass the test below
    List<String> wrongKeywords = META_SCHEMA.validate(json(
            "{\"type\": \"objekt\", \"required\": \"id\","
                + " \"properties\": {\"a\": {\"minimum\": \"1\"}}}")).stream()
        .map(error -> error.getInstanceLocation().toString()).distinct().toList();
    assertThat(wrongKeywords).containsExactly("/type", "/required", "/properties/a/minimum");
  }

  @ParameterizedTest
  @ValueSource(strings = {"helpdesk", "billing"})
  void everyInputSchemaIsValidJsonSchema202012(String toolId) {
    JsonNode subtools = TestSupport.descriptor(compilation, toolId).get("subtools");
    assertThat(subtools.size()).isAtLeast(3);
    for (JsonNode subtool : subtools) {
      assertWithMessage("inputSchema of %s.%s", toolId, subtool.get("name").asText())
          .that(META_SCHEMA.validate(subtool.get("inputSchema"))).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"helpdesk", "billing"})
  void everyDefaultAndExampleIsValidAgainstItsOwnSchema(String toolId) {
    List<String> checked = new ArrayList<>();
    for (JsonNode subtool : TestSupport.descriptor(compilation, toolId).get("subtools")) {
      checkValues(subtool.get("name").asText(), subtool.get("inputSchema"), checked);
    }
    assertThat(checked).isNotEmpty();
  }

  @Test
  void propertiesFollowDeclarationOrderWithRequiredAndNoExtras() {
    JsonNode schema = input("billing", "create_invoice");
    assertThat(fieldNames(schema.get("properties")))
        .containsExactly("customer", "lines", "methods", "due_at", "send", "note").inOrder();
    assertThat(schema.get("required")).isEqualTo(json("[\"customer\", \"lines\"]"));
    assertThat(schema.get("additionalProperties")).isEqualTo(json("false"));
    assertThat(fieldNames(input("billing", "list_invoices").get("properties"))).containsExactly(
        "page", "currency", "min_total", "statuses", "since", "page_size").inOrder();
    assertThat(input("billing", "list_invoices").get("required")).isEqualTo(json("[\"page\"]"));
    assertThat(input("helpdesk", "who_am_i"))
        .isEqualTo(json("{\"type\": \"object\", \"properties\": {}, \"additionalProperties\": false}"));
  }

  @Test
  void enumsComeFromJavaEnumsAndAllowedValues() {
    JsonNode properties = input("billing", "list_invoices").get("properties");
    assertThat(properties.get("statuses")).isEqualTo(json("{\"description\": \"Only invoices in"
        + " these states.\", \"type\": \"array\", \"items\": {\"type\": \"string\","
        + " \"enum\": [\"DRAFT\", \"OPEN\", \"PAID\", \"VOID\"]}}"));
    assertThat(properties.get("currency")).isEqualTo(json("{\"description\": \"Only invoices in"
        + " this currency.\", \"type\": \"string\", \"enum\": [\"EUR\", \"USD\"],"
        + " \"default\": \"EUR\"}"));
    assertThat(input("billing", "create_invoice").at("/properties/methods")).isEqualTo(json(
        "{\"description\": \"The accepted payment methods.\", \"type\": \"array\", \"items\":"
            + " {\"type\": \"string\", \"enum\": [\"card\", \"transfer\", \"cash\"]},"
            + " \"uniqueItems\": true}"));
    assertThat(input("helpdesk", "list_tickets").at("/properties/status/enum"))
        .isEqualTo(json("[\"open\", \"pending\", \"closed\"]"));
  }

  @Test
  void defaultsBoundsAndFormats() {
    JsonNode list = input("billing", "list_invoices").get("properties");
    assertThat(list.get("page_size")).isEqualTo(json("{\"description\": \"Invoices per page.\","
        + " \"type\": \"integer\", \"minimum\": 1, \"maximum\": 200, \"default\": 50}"));
    assertThat(list.get("min_total")).isEqualTo(json("{\"description\": \"Only invoices of at"
        + " least this total.\", \"type\": \"number\", \"minimum\": 0}"));
    assertThat(list.at("/since/format").asText()).isEqualTo("date-time");
    JsonNode create = input("billing", "create_invoice").get("properties");
    assertThat(create.get("send")).isEqualTo(json("{\"description\": \"Whether to email the"
        + " invoice now.\", \"type\": \"boolean\", \"default\": false}"));
    assertThat(create.get("due_at")).isEqualTo(json("{\"description\": \"When payment is due.\","
        + " \"type\": \"integer\", \"format\": \"unix-seconds\"}"));
    assertThat(create.get("note")).isEqualTo(json("{\"description\": \"A note printed on the"
        + " invoice.\", \"type\": \"string\", \"maxLength\": 500, \"examples\": [\"Thank you!\"]}"));
    assertThat(input("billing", "void_invoice").at("/properties/id")).isEqualTo(json(
        "{\"description\": \"The invoice's id.\", \"type\": \"string\","
            + " \"pattern\": \"^inv_[0-9]+$\", \"minLength\": 1}"));
  }

  @Test
  void recordsAreNestedObjectsWithTheirOwnDescriptions() {
    JsonNode create = input("billing", "create_invoice").get("properties");
    assertThat(create.get("customer")).isEqualTo(json("{\"description\": \"Who is billed.\","
        + " \"type\": \"object\", \"properties\": {"
        + "  \"name\": {\"description\": \"The party's legal name.\", \"type\": \"string\"},"
        + "  \"email\": {\"description\": \"Where invoices are sent.\", \"type\": \"string\","
        + "    \"format\": \"email\"},"
        + "  \"address\": {\"description\": \"The postal address, one line each.\","
        + "    \"type\": \"array\", \"items\": {\"type\": \"string\"}, \"maxItems\": 4}},"
        + " \"required\": [\"name\", \"email\"], \"additionalProperties\": false}"));
    JsonNode line = create.at("/lines/items");
    assertThat(fieldNames(line.get("properties")))
        .containsExactly("item", "quantity", "unit_price", "taxes").inOrder();
    assertThat(line.at("/properties/quantity")).isEqualTo(json("{\"description\": \"How many"
        + " were sold.\", \"type\": \"integer\", \"minimum\": 1, \"maximum\": 1000}"));
    assertThat(line.at("/properties/taxes/additionalProperties"))
        .isEqualTo(json("{\"type\": \"number\"}"));
    assertThat(line.get("required")).isEqualTo(json("[\"item\", \"quantity\", \"unit_price\"]"));
    assertThat(line.get("additionalProperties")).isEqualTo(json("false"));
  }

  /** Validates each default and example in a schema against the schema it stands in. */
  private static void checkValues(String where, JsonNode schema, List<String> checked) {
    for (String keyword : List.of("default", "examples")) {
      if (!schema.has(keyword)) {
        continue;
      }
      ObjectNode own = schema.deepCopy();
      own.remove(List.of("default", "examples"));
      Schema validator = REGISTRY.getSchema(own);
      List<JsonNode> values = new ArrayList<>();
      if (keyword.equals("default")) {
        values.add(schema.get(keyword));
      } else {
        schema.get(keyword).forEach(values::add);
      }
      for (JsonNode value : values) {
        assertWithMessage("%s of %s: %s", keyword, where, value)
            .that(validator.validate(value)).isEmpty();
        checked.add(where);
      }
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      checkValues(where + "." + property.getKey(), property.getValue(), checked);
    }
    if (schema.has("items")) {
      checkValues(where + "[]", schema.get("items"), checked);
    }
  }

  private static JsonNode input(String toolId, String subtool) {
    for (JsonNode s : TestSupport.descriptor(compilation, toolId).get("subtools")) {
      if (s.get("name").asText().equals(subtool)) {
        return s.get("inputSchema");
      }
    }
    throw new AssertionError("no subtool " + subtool + " in " + toolId);
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
