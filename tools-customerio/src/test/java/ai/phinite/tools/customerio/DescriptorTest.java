package ai.phinite.tools.customerio;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.CredentialSpec;
import ai.phinite.tools.runtime.ToolDescriptor.ServerSpec;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The descriptor Graph Studio reads: the 24 subtools of the product page (checked against a copy
 * of the page's list kept in {@code product-page-subtools.txt}), the contract's hints, and input
 * schemas that are valid JSON Schema 2020-12.
 */
class DescriptorTest {
  private static final ToolDescriptor TOOL =
      ToolCatalog.load().require("customerio").descriptor();

  /** One line of the product page's list: "Title: description". */
  record PageEntry(String title, String description) {}

  private static List<PageEntry> productPage() throws IOException {
    List<PageEntry> entries = new ArrayList<>();
    try (InputStream in = DescriptorTest.class.getResourceAsStream("/product-page-subtools.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          int colon = line.indexOf(": ");
          entries.add(new PageEntry(line.substring(0, colon), line.substring(colon + 2)));
        }
      }
    }
    return entries;
  }

  @Test
  void tool() {
    assertThat(TOOL.id()).isEqualTo("customerio");
    assertThat(TOOL.name()).isEqualTo("Customer.io");
    assertThat(TOOL.toolClass()).isEqualTo("CustomerIoTool");
    assertThat(TOOL.docsUrl()).isEqualTo("https://docs.customer.io/");
    assertThat(TOOL.description()).isEqualTo("Manage Customer.io people, events, devices, segments,"
        + " campaigns, transactional messages, and message history via the Track and App APIs.");
  }

  @Test
  void credentials() {
    List<CredentialSpec> c = TOOL.credentials();
    assertThat(c.stream().map(CredentialSpec::key).toList())
        .containsExactly("site_id", "track_api_key", "app_api_key", "region").inOrder();
    assertThat(c.stream().map(CredentialSpec::label).toList())
        .containsExactly("Track API Site ID", "Track API Key", "App API Key", "Region").inOrder();
    assertThat(c.stream().map(CredentialSpec::required).toList())
        .containsExactly(true, true, true, false).inOrder();
    assertThat(c.stream().map(CredentialSpec::secret).toList())
        .containsExactly(false, true, true, false).inOrder();
    assertThat(c.get(3).allowed()).containsExactly("us", "eu").inOrder();
    assertThat(c.get(3).defaultValue()).isEqualTo("us");
  }

  @Test
  void servers() {
    ServerSpec track = TOOL.servers().get("track");
    assertThat(track.url()).isEqualTo("https://track.customer.io/api/v1");
    assertThat(track.variants()).containsExactly(new ToolDescriptor.VariantSpec(
        "region", "eu", "https://track-eu.customer.io/api/v1"));
    assertThat(track.auth().type()).isEqualTo("basic");
    assertThat(track.auth().username()).isEqualTo("site_id");
    assertThat(track.auth().password()).isEqualTo("track_api_key");
    ServerSpec app = TOOL.servers().get("app");
    assertThat(app.url()).isEqualTo("https://api.customer.io/v1");
    assertThat(app.variants()).containsExactly(new ToolDescriptor.VariantSpec(
        "region", "eu", "https://api-eu.customer.io/v1"));
    assertThat(app.auth().type()).isEqualTo("bearer");
    assertThat(app.auth().credential()).isEqualTo("app_api_key");
  }

  @Test
  void connectionTests_oneForEachKeySet() {
    assertThat(TOOL.connectionTests()).containsExactly(
        new ToolDescriptor.ConnectionTestSpec("track_account_region", "track",
            "Track API credentials (site_id, track_api_key)"),
        new ToolDescriptor.ConnectionTestSpec("list_segments", "app", "App API key (app_api_key)"))
        .inOrder();
  }

  @Test
  void subtools_areTheProductPageList() throws IOException {
    List<PageEntry> page = productPage();
    assertThat(page).hasSize(24);
    List<SubtoolSpec> subtools = new ArrayList<>(TOOL.subtools().values());
    assertThat(subtools).hasSize(24);
    for (int i = 0; i < 24; i++) {
      PageEntry expected = page.get(i);
      SubtoolSpec actual = subtools.get(i);
      String name = expected.title().toLowerCase(Locale.ROOT).replace(' ', '_');
      assertWithMessage("name of #" + (i + 1)).that(actual.name()).isEqualTo(name);
      assertWithMessage("title of " + name).that(actual.title()).isEqualTo(expected.title());
      assertWithMessage("description of " + name).that(actual.description())
          .startsWith(expected.description());
    }
  }

  @Test
  void hints_asTheContractSays() {
    Set<String> readOnly = new TreeSet<>();
    Set<String> destructive = new TreeSet<>();
    Set<String> idempotent = new TreeSet<>();
    for (SubtoolSpec s : TOOL.subtools().values()) {
      if (s.hints().readOnly()) {
        readOnly.add(s.name());
      }
      if (s.hints().destructive()) {
        destructive.add(s.name());
      }
      if (s.hints().idempotent()) {
        idempotent.add(s.name());
      }
      assertWithMessage("openWorld of " + s.name()).that(s.hints().openWorld()).isTrue();
    }
    assertThat(readOnly).containsExactly("get_campaign", "list_campaigns", "get_campaign_metrics",
        "list_segments", "get_segment", "get_customer_attributes", "list_messages");
    assertThat(destructive).containsExactly("delete_customer", "suppress_customer",
        "merge_customers", "delete_device", "delete_segment", "remove_from_segment");
    // every GET, PUT and DELETE subtool, plus suppress/unsuppress and the segment calls
    assertThat(idempotent).containsExactly("get_campaign", "list_campaigns",
        "get_campaign_metrics", "list_segments", "get_segment", "get_customer_attributes",
        "list_messages", "identify_customer", "add_device", "delete_customer", "delete_device",
        "delete_segment", "suppress_customer", "unsuppress_customer", "add_to_segment",
        "remove_from_segment");
  }

  @Test
  void everyInputSchemaIsValidJsonSchema2020_12() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema metaSchema =
        registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    // the check is not vacuous: a broken schema fails it
    assertThat(metaSchema.validate(WireMockTestBase.json(
        "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": 5, \"minItems\": -1}}}")))
        .isNotEmpty();
    for (SubtoolSpec s : TOOL.subtools().values()) {
      JsonNode schema = s.inputSchema();
      List<Error> errors = metaSchema.validate(schema);
      assertWithMessage("meta-schema errors of " + s.name()).that(errors).isEmpty();
      // and it loads as a schema a standard validator can use
      registry.getSchema(schema);
      assertWithMessage("type of " + s.name()).that(schema.path("type").asText()).isEqualTo("object");
      assertWithMessage("additionalProperties of " + s.name())
          .that(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }
  }

  @Test
  void everyArgumentIsDescribed() {
    for (SubtoolSpec s : TOOL.subtools().values()) {
      for (var p : s.inputSchema().path("properties").properties()) {
        assertWithMessage(s.name() + "." + p.getKey())
            .that(p.getValue().path("description").asText()).isNotEmpty();
      }
    }
  }

  @Test
  void theContractLimitsAreInTheSchemas() {
    JsonNode segment = TOOL.subtool("add_to_segment").inputSchema().path("properties");
    assertThat(segment.path("ids").path("minItems").asInt()).isEqualTo(1);
    assertThat(segment.path("ids").path("maxItems").asInt()).isEqualTo(1000);
    JsonNode broadcast = TOOL.subtool("trigger_broadcast").inputSchema();
    for (String audience : new String[] {"ids", "emails", "per_user_data"}) {
      assertThat(broadcast.path("properties").path(audience).path("maxItems").asInt()).isEqualTo(10000);
    }
    assertThat(broadcast.path("x-exclusive").toString())
        .isEqualTo("[\"recipients\",\"ids\",\"emails\",\"per_user_data\",\"data_file_url\"]");
    assertThat(broadcast.path("x-requiresAnyOf").toString()).isEqualTo("{"
        + "\"id_ignore_missing\":[\"ids\",\"per_user_data\",\"data_file_url\"],"
        + "\"email_ignore_missing\":[\"emails\",\"per_user_data\",\"data_file_url\"],"
        + "\"email_add_duplicates\":[\"emails\",\"per_user_data\",\"data_file_url\"]}");
    assertThat(TOOL.subtool("send_transactional_email").inputSchema().path("required").toString())
        .isEqualTo("[\"transactional_message_id\",\"identifiers\",\"to\"]");
    JsonNode event = TOOL.subtool("track_event").inputSchema().path("properties");
    assertThat(event.path("name").path("x-maxBytes").asInt()).isEqualTo(100);
    assertThat(event.path("identifier").path("x-maxBytes").asInt()).isEqualTo(150);
    assertThat(event.path("timestamp").path("format").asText()).isEqualTo("unix-seconds");
    JsonNode merge = TOOL.subtool("merge_customers").inputSchema().path("properties");
    assertThat(merge.path("primary").path("minProperties").asInt()).isEqualTo(1);
    assertThat(merge.path("primary").path("maxProperties").asInt()).isEqualTo(1);
    JsonNode messages = TOOL.subtool("list_messages").inputSchema().path("properties");
    assertThat(messages.path("limit").path("minimum").asInt()).isEqualTo(1);
    assertThat(messages.path("limit").path("maximum").asInt()).isEqualTo(1000);
  }
}
