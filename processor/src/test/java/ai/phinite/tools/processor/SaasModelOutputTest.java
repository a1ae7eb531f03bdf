package ai.phinite.tools.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import ai.phinite.tools.runtime.ToolCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The output for the example tools of OAuth2, form bodies, constant headers, explicit nulls and
 * query lists (read from the examples module's sources): descriptors that conform to the format
 * and say what the runtime needs, never a secret, and byte-identical on rebuild.
 */
class SaasModelOutputTest {
  private static final List<String> TOOLS = List.of("CrmTool", "PaymentsTool", "MailboxTool");
  private static Compilation compilation;

  private static List<JavaFileObject> sources() throws IOException {
    List<JavaFileObject> out = new ArrayList<>();
    for (String tool : TOOLS) {
      Path source = Path.of("../examples/src/main/java/ai/phinite/tools/examples/" + tool + ".java");
      out.add(JavaFileObjects.forSourceString("ai.phinite.tools.examples." + tool,
          Files.readString(source, StandardCharsets.UTF_8)));
    }
    return out;
  }

  @BeforeAll
  static void compile() throws IOException {
    compilation = TestSupport.compile(sources());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void descriptorsConformToTheFormat() throws IOException {
    ObjectMapper json = new ObjectMapper();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema format;
    try (InputStream in = ToolCatalog.class.getResourceAsStream("descriptor.schema.json")) {
      format = registry.getSchema(
          SchemaLocation.of("https://phinite.ai/schemas/tool-descriptor/v1"), json.readTree(in));
    }
    for (String tool : List.of("crm", "payments", "mailbox")) {
      List<Error> errors = format.validate(
          TestSupport.descriptor(compilation, tool).toString(), InputFormat.JSON);
      assertWithMessage("%s: %s", tool, errors).that(errors).isEmpty();
    }
  }

  @Test
  void oauth2IsDescribedByCredentialKeys() {
    JsonNode auth = TestSupport.descriptor(compilation, "mailbox").at("/servers/0/auth");
    assertThat(auth.toString()).isEqualTo("{\"type\":\"oauth2\",\"grant\":\"refresh_token\","
        + "\"tokenUrl\":\"https://accounts.mail.example/oauth2/token\",\"clientId\":\"client_id\","
        + "\"clientSecret\":\"client_secret\",\"refreshToken\":\"refresh_token\","
        + "\"accessToken\":\"access_token\",\"scopes\":[],\"clientAuthentication\":\"post\"}");
  }

  @Test
  void constantHeadersAreMergedPerSubtoolAndNotInTheSchema() {
    JsonNode crm = TestSupport.descriptor(compilation, "crm");
    assertThat(crm.at("/headers").toString()).isEqualTo("{\"X-Api-Version\":\"2024-06-01\"}");
    assertThat(crm.at("/servers/0/headers").toString())
        .isEqualTo("{\"Accept\":\"application/vnd.crm+json\"}");
    JsonNode export = crm.at("/subtools/2");
    assertThat(export.at("/name").asText()).isEqualTo("export_contact");
    assertThat(export.at("/http/headers").toString())
        .isEqualTo("{\"X-Api-Version\":\"2024-06-01\",\"Accept\":\"text/vcard\"}");
    assertThat(export.at("/inputSchema/properties").size()).isEqualTo(1);
  }

  @Test
  void nullableArgumentsAndComponentsSayNull() {
    JsonNode update = TestSupport.descriptor(compilation, "crm").at("/subtools/1/inputSchema");
    assertThat(update.at("/properties/phone/type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(update.at("/properties/stage/enum").toString())
        .isEqualTo("[\"lead\",\"customer\",\"churned\",null]");
    assertThat(update.at("/properties/address/type").toString()).isEqualTo("[\"object\",\"null\"]");
    assertThat(update.at("/properties/address/properties/street/type").toString())
        .isEqualTo("[\"string\",\"null\"]");
    assertThat(update.at("/properties/address/properties/country/type").asText())
        .isEqualTo("string");
    assertThat(update.at("/properties/note/type").asText()).isEqualTo("string");
  }

  @Test
  void formBodiesAreMarked() {
    JsonNode payments = TestSupport.descriptor(compilation, "payments");
    assertThat(payments.at("/subtools/0/http/body").asText()).isEqualTo("form");
    assertThat(payments.at("/subtools/0/http/formArrays").asText()).isEqualTo("indexed");
    assertThat(payments.at("/subtools/2/http/formArrays").asText()).isEqualTo("repeated");
  }

  @Test
  void outputIsByteIdenticalOnRebuild() throws IOException {
    Map<String, byte[]> first = TestSupport.generated(compilation);
    Map<String, byte[]> second = TestSupport.generated(TestSupport.compile(sources()));
    assertThat(second.keySet()).isEqualTo(first.keySet());
    for (String name : first.keySet()) {
      assertWithMessage(name).that(second.get(name)).isEqualTo(first.get(name));
    }
  }
}
