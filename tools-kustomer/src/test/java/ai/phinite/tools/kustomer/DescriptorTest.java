package ai.phinite.tools.kustomer;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.CredentialSpec;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The descriptor Graph Studio reads, checked against the product page (a fixture copied by hand
 * from the page) and the contract (the table below, copied from /work/shared/spec/kustomer.md).
 */
class DescriptorTest {

  /**
   * The contract's subtool table: name → "METHOD path | arguments", required arguments marked
   * with {@code *}. create_note is multi-step and has no single request.
   */
  private static final Map<String, String> CONTRACT = new LinkedHashMap<>();

  static {
    CONTRACT.put("create_customer", "POST /customers | name additional_fields");
    CONTRACT.put("get_customer", "GET /customers/{customer_id} | *customer_id fields");
    CONTRACT.put("get_customer_by_email", "GET /customers/email={email} | *email fields");
    CONTRACT.put("get_customer_by_phone", "GET /customers/phone={phone} | *phone fields");
    CONTRACT.put("list_customers", "GET /customers | page page_size fields");
    CONTRACT.put("update_customer", "PUT /customers/{customer_id} | *customer_id *update_fields");
    CONTRACT.put("delete_customer", "DELETE /customers/{customer_id} | *customer_id");
    CONTRACT.put("search_customers", "POST /customers/search | *query page page_size fields");
    CONTRACT.put("create_conversation",
        "POST /customers/{customer_id}/conversations | *customer_id additional_fields");
    CONTRACT.put("get_conversation",
        "GET /conversations/{conversation_id} | *conversation_id fields");
    CONTRACT.put("list_conversations", "GET /conversations | page page_size fields");
    CONTRACT.put("update_conversation",
        "PATCH /conversations/{conversation_id} | *conversation_id *update_fields");
    CONTRACT.put("delete_conversation", "DELETE /conversations/{conversation_id} | *conversation_id");
    CONTRACT.put("create_message", "POST /conversations/{conversation_id}/messages"
        + " | *conversation_id *channel *direction *app additional_fields");
    CONTRACT.put("get_message", "GET /messages/{message_id} | *message_id fields");
    CONTRACT.put("list_conversation_messages",
        "GET /conversations/{conversation_id}/messages | *conversation_id page page_size fields");
    CONTRACT.put("update_message", "PUT /messages/{message_id} | *message_id *update_fields");
    CONTRACT.put("create_note", "multi-step | *customer_id *body conversation_id additional_fields");
    CONTRACT.put("get_note", "GET /notes/{note_id} | *note_id fields");
    CONTRACT.put("list_customer_notes", "GET /customers/{customer_id}/notes | *customer_id page page_size fields");
    CONTRACT.put("delete_note", "DELETE /notes/{note_id} | *note_id");
    CONTRACT.put("create_task", "POST /klasses/{task_klass} | *name additional_fields");
    CONTRACT.put("get_task", "GET /klasses/{task_klass}/{task_id} | *task_id fields");
    CONTRACT.put("list_tasks", "GET /klasses/{task_klass} | page page_size fields");
    CONTRACT.put("update_task", "PUT /klasses/{task_klass}/{task_id} | *task_id *update_fields");
    CONTRACT.put("delete_task", "DELETE /klasses/{task_klass}/{task_id} | *task_id");
    CONTRACT.put("create_company", "POST /companies | *name additional_fields");
    CONTRACT.put("get_company", "GET /companies/{company_id} | *company_id fields");
    CONTRACT.put("list_companies", "GET /companies | page page_size fields");
    CONTRACT.put("update_company", "PUT /companies/{company_id} | *company_id *update_fields");
    CONTRACT.put("delete_company", "PUT /companies/{company_id} | *company_id");
    CONTRACT.put("create_tag", "POST /tags | *name additional_fields");
    CONTRACT.put("get_tag", "GET /tags/{tag_id} | *tag_id fields");
    CONTRACT.put("list_tags", "GET /tags | page page_size fields");
    CONTRACT.put("update_tag", "PUT /tags/{tag_id} | *tag_id *update_fields");
    CONTRACT.put("delete_tag", "DELETE /tags/{tag_id} | *tag_id");
    CONTRACT.put("create_team", "POST /teams | *name additional_fields");
    CONTRACT.put("get_team", "GET /teams/{team_id} | *team_id fields");
    CONTRACT.put("list_teams", "GET /teams | page page_size fields");
    CONTRACT.put("update_team", "PATCH /teams/{team_id} | *team_id *update_fields");
    CONTRACT.put("delete_team", "DELETE /teams/{team_id} | *team_id");
    CONTRACT.put("get_current_user", "GET /users/current | fields");
    CONTRACT.put("get_user", "GET /users/{user_id} | *user_id fields");
    CONTRACT.put("list_users", "GET /users | page page_size fields");
    CONTRACT.put("create_user", "POST /users | *name *email additional_fields");
    CONTRACT.put("update_user", "PUT /users/{user_id} | *user_id *update_fields");
    CONTRACT.put("delete_user", "PUT /users/{user_id} | *user_id");
    CONTRACT.put("create_shortcut", "POST /shortcuts | *name additional_fields");
    CONTRACT.put("get_shortcut", "GET /shortcuts/{shortcut_id} | *shortcut_id fields");
    CONTRACT.put("list_shortcuts", "GET /shortcuts | page page_size fields");
    CONTRACT.put("update_shortcut", "PUT /shortcuts/{shortcut_id} | *shortcut_id *update_fields");
    CONTRACT.put("delete_shortcut", "DELETE /shortcuts/{shortcut_id} | *shortcut_id");
  }

  private static ToolDescriptor descriptor;
  private static List<String[]> page;

  @BeforeAll
  static void load() throws IOException {
    descriptor = ToolCatalog.load().require("kustomer").descriptor();
    page = new ArrayList<>();
    try (InputStream in = DescriptorTest.class.getResourceAsStream("/product-page-subtools.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          int colon = line.indexOf(": ");
          page.add(new String[] {line.substring(0, colon), line.substring(colon + 2)});
        }
      }
    }
  }

  private static List<SubtoolSpec> subtools() {
    return new ArrayList<>(descriptor.subtools().values());
  }

  private static String snakeCase(String title) {
    return title.toLowerCase(Locale.ROOT).replace(' ', '_');
  }

  @Test
  void theToolIsInTheCatalogAsThePageDescribesIt() {
    assertThat(ToolCatalog.load().ids()).contains("kustomer");
    assertThat(descriptor.id()).isEqualTo("kustomer");
    assertThat(descriptor.name()).isEqualTo("Kustomer");
    assertThat(descriptor.toolClass()).isEqualTo("KustomerTool");
    assertThat(descriptor.docsUrl()).isEqualTo("https://developer.kustomer.com/");
    assertThat(descriptor.description()).isEqualTo("Manage a Kustomer account — customers,"
        + " conversations, messages, notes, tasks, companies, tags, teams, users, and shortcuts —"
        + " via the Kustomer API v1.");
  }

  @Test
  void fiftyTwoSubtoolsNamedAndTitledAsOnTheProductPage() {
    assertThat(page).hasSize(52);
    assertThat(subtools()).hasSize(52);
    List<String> names = subtools().stream().map(SubtoolSpec::name).toList();
    List<String> titles = subtools().stream().map(SubtoolSpec::title).toList();
    assertThat(names).containsExactlyElementsIn(page.stream().map(p -> snakeCase(p[0])).toList())
        .inOrder();
    assertThat(titles).containsExactlyElementsIn(page.stream().map(p -> p[0]).toList()).inOrder();
    assertThat(names).containsExactlyElementsIn(CONTRACT.keySet()).inOrder();
  }

  @Test
  void descriptionsAreThePagesWordForWord() {
    for (String[] p : page) {
      SubtoolSpec s = descriptor.subtool(snakeCase(p[0]));
      assertWithMessage(s.name()).that(s.description()).startsWith(p[1]);
    }
  }

  @Test
  void theFactsAnAgentNeedsAreInTheDescriptions() {
    assertThat(descriptor.subtool("delete_company").description()).contains("soft delete");
    assertThat(descriptor.subtool("delete_user").description()).contains("soft delete");
    assertThat(descriptor.subtool("create_note").description()).contains("conversation_id");
    for (String task : List.of("create_task", "get_task", "list_tasks", "update_task", "delete_task")) {
      assertWithMessage(task).that(descriptor.subtool(task).description()).contains("custom objects");
    }
  }

  @Test
  void requestsAndArgumentsAreTheContracts() {
    for (SubtoolSpec s : subtools()) {
      String[] row = CONTRACT.get(s.name()).split(" \\| ", -1);
      if (row[0].equals("multi-step")) {
        assertWithMessage(s.name()).that(s.http()).isNull();
        assertWithMessage(s.name()).that(s.json().path("multiStep").asBoolean()).isTrue();
      } else {
        assertWithMessage(s.name()).that(s.http().method() + " " + s.http().path()).isEqualTo(row[0]);
        assertWithMessage(s.name()).that(s.http().server()).isEqualTo("api");
      }
      List<String> all = new ArrayList<>();
      List<String> required = new ArrayList<>();
      for (String arg : row[1].isBlank() ? new String[0] : row[1].trim().split(" ")) {
        all.add(arg.replace("*", ""));
        if (arg.startsWith("*")) {
          required.add(arg.substring(1));
        }
      }
      JsonNode schema = s.inputSchema();
      List<String> properties = new ArrayList<>();
      schema.path("properties").fieldNames().forEachRemaining(properties::add);
      assertWithMessage(s.name() + " arguments").that(properties).containsExactlyElementsIn(all).inOrder();
      List<String> requiredInSchema = new ArrayList<>();
      schema.path("required").forEach(r -> requiredInSchema.add(r.asText()));
      assertWithMessage(s.name() + " required").that(requiredInSchema).containsExactlyElementsIn(required);
      assertWithMessage(s.name()).that(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }
  }

  @Test
  void hintsAreTheContracts() {
    for (SubtoolSpec s : subtools()) {
      String name = s.name();
      String method = CONTRACT.get(name).split(" ")[0];
      boolean readOnly = name.startsWith("get_") || name.startsWith("list_")
          || name.equals("search_customers");
      boolean destructive = name.startsWith("delete_");
      // GET, PUT, PATCH and DELETE are idempotent; POST creates are not. search_customers only
      // reads, so repeating it has no further effect either.
      boolean idempotent = (!method.equals("POST") && !name.equals("create_note"))
          || name.equals("search_customers");
      assertWithMessage(name + " readOnly").that(s.hints().readOnly()).isEqualTo(readOnly);
      assertWithMessage(name + " destructive").that(s.hints().destructive()).isEqualTo(destructive);
      assertWithMessage(name + " idempotent").that(s.hints().idempotent()).isEqualTo(idempotent);
      assertWithMessage(name + " openWorld").that(s.hints().openWorld()).isTrue();
    }
  }

  @Test
  void boundsAreTheContracts() {
    for (SubtoolSpec s : subtools()) {
      JsonNode props = s.inputSchema().path("properties");
      Iterator<Map.Entry<String, JsonNode>> it = props.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String where = s.name() + "." + e.getKey();
        JsonNode p = e.getValue();
        assertWithMessage(where + " description").that(p.path("description").asText()).isNotEmpty();
        if (e.getKey().endsWith("_id")) {
          assertWithMessage(where).that(p.path("type").asText()).isEqualTo("string");
          assertWithMessage(where).that(p.path("minLength").asInt()).isEqualTo(1);
        }
        switch (e.getKey()) {
          case "page" -> {
            assertWithMessage(where).that(p.path("type").asText()).isEqualTo("integer");
            assertWithMessage(where).that(p.path("minimum").asInt()).isEqualTo(1);
            // no upper bound of the contract's: only the 32-bit range every integer states
            assertWithMessage(where).that(p.path("maximum").asLong()).isEqualTo(Integer.MAX_VALUE);
          }
          case "page_size" -> {
            boolean large = List.of("list_users", "list_teams", "search_customers").contains(s.name());
            assertWithMessage(where).that(p.path("type").asText()).isEqualTo("integer");
            assertWithMessage(where).that(p.path("minimum").asInt()).isEqualTo(1);
            assertWithMessage(where).that(p.path("maximum").asInt()).isEqualTo(large ? 500 : 100);
          }
          case "update_fields" -> {
            assertWithMessage(where).that(p.path("type").asText()).isEqualTo("object");
            assertWithMessage(where).that(p.path("minProperties").asInt()).isEqualTo(1);
          }
          case "additional_fields", "query" ->
              assertWithMessage(where).that(p.path("type").asText()).isEqualTo("object");
          default -> { }
        }
      }
    }
    JsonNode direction = descriptor.subtool("create_message").inputSchema().path("properties").path("direction");
    assertThat(direction.path("enum").toString()).isEqualTo("[\"in\",\"out\"]");
    JsonNode body = descriptor.subtool("create_note").inputSchema().path("properties").path("body");
    assertThat(body.path("type").asText()).isEqualTo("string");
    assertThat(body.path("minLength").asInt()).isEqualTo(1);
    assertThat(body.path("maxLength").asInt()).isEqualTo(10240);
  }

  @Test
  void everySchemaIsAValid2020_12Schema() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    // The check can fail: a schema with a wrong keyword type is caught.
    assertThat(metaSchema.validate(KustomerServerTest.json("{'type': 'object', 'minProperties': 'one'}")))
        .isNotEmpty();
    for (SubtoolSpec s : subtools()) {
      List<Error> errors = metaSchema.validate(s.inputSchema());
      assertWithMessage(s.name() + ": " + errors).that(errors).isEmpty();
      registry.getSchema(s.inputSchema()); // and it compiles as a schema
    }
  }

  @Test
  void credentialsAreTheContracts() {
    List<CredentialSpec> credentials = descriptor.credentials();
    assertThat(credentials.stream().map(CredentialSpec::key).toList())
        .containsExactly("api_token", "org_name", "task_klass", "region").inOrder();

    CredentialSpec token = credentials.get(0);
    assertThat(token.label()).isEqualTo("API Token");
    assertThat(token.required()).isTrue();
    assertThat(token.secret()).isTrue();

    CredentialSpec org = credentials.get(1);
    assertThat(org.label()).isEqualTo("Organization Name");
    assertThat(org.required()).isFalse();
    assertThat(org.secret()).isFalse();
    Pattern dnsLabel = Pattern.compile(org.pattern());
    for (String ok : List.of("acme", "acme-2", "a")) {
      assertWithMessage(ok).that(dnsLabel.matcher(ok).matches()).isTrue();
    }
    for (String bad : List.of("acme.evil.com", "a/b", "x@y", "Acme", "-a", "a-", "")) {
      assertWithMessage(bad).that(dnsLabel.matcher(bad).matches()).isFalse();
    }

    CredentialSpec klass = credentials.get(2);
    assertThat(klass.label()).isEqualTo("Task Klass");
    assertThat(klass.required()).isFalse();
    assertThat(klass.secret()).isFalse();
    assertThat(klass.defaultValue()).isEqualTo("task");

    // Graph Studio's form: a choice of three, explained, defaulting to the US host
    CredentialSpec region = credentials.get(3);
    assertThat(region.label()).isEqualTo("Region");
    assertThat(region.required()).isFalse();
    assertThat(region.secret()).isFalse();
    assertThat(region.allowed()).containsExactly("us", "eu", "in").inOrder();
    assertThat(region.defaultValue()).isEqualTo("us");
    assertThat(region.description()).contains("used only when Organization Name is empty");
    assertThat(region.description()).contains("eu: European Union, api.prod2.kustomerapp.com");
    assertThat(region.description()).contains("in: India, api.prod4.kustomerapp.com");
    JsonNode regionJson = descriptor.json().path("credentials").get(3);
    assertThat(regionJson.path("enum").toString()).isEqualTo("[\"us\",\"eu\",\"in\"]");
    assertThat(regionJson.path("default").asText()).isEqualTo("us");
  }

  @Test
  void oneServerWithTheOrgVariantFirstThenTheRegionsAndBearerAuth() {
    assertThat(descriptor.servers().keySet()).containsExactly("api");
    ToolDescriptor.ServerSpec api = descriptor.servers().get("api");
    assertThat(api.url()).isEqualTo("https://api.kustomerapp.com/v1");
    assertThat(api.variants()).hasSize(3);
    assertThat(api.variants().get(0).credential()).isEqualTo("org_name");
    assertThat(api.variants().get(0).equals()).isNull();
    assertThat(api.variants().get(0).url()).isEqualTo("https://{org_name}.api.kustomerapp.com/v1");
    assertThat(api.variants().get(1).credential()).isEqualTo("region");
    assertThat(api.variants().get(1).equals()).isEqualTo("eu");
    assertThat(api.variants().get(1).url()).isEqualTo("https://api.prod2.kustomerapp.com/v1");
    assertThat(api.variants().get(2).credential()).isEqualTo("region");
    assertThat(api.variants().get(2).equals()).isEqualTo("in");
    assertThat(api.variants().get(2).url()).isEqualTo("https://api.prod4.kustomerapp.com/v1");
    assertThat(api.auth().type()).isEqualTo("bearer");
    assertThat(api.auth().credential()).isEqualTo("api_token");
  }

  @Test
  void theConnectionTestIsGetCurrentUser() {
    assertThat(descriptor.connectionTests()).hasSize(1);
    assertThat(descriptor.connectionTests().get(0).operation()).isEqualTo("get_current_user");
    assertThat(descriptor.connectionTests().get(0).server()).isEqualTo("api");
  }
}
