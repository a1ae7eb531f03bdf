package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Form-urlencoded bodies of {@link PaymentsTool} on the wire: the content type, UTF-8
 * percent-encoding, nested objects in brackets, the three array styles, maps, constants, explicit
 * nulls as empty values, and the constant server header.
 */
class FormBodyTest {
  static final String KEY = "sk_test_FORM-SECRET-93b1";

  static WireMockServer wm;
  Connection connection;

  @BeforeAll
  static void start() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  @BeforeEach
  void connect() {
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"cus_1\"}")));
    connection = ToolCatalog.load().require("payments").connection()
        .credential("secret_key", KEY).baseUrl("api", wm.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void close() {
    connection.close();
  }

  private static JsonNode j(String json) {
    return Json.parse(json.replace('\'', '"'));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void fieldsNestedObjectsMapsAndIndexedArraysAreFormEncoded() {
    connection.invoke("create_customer", j("{'email':'ada+test@example.com','name':'Ada Lovelace',"
        + "'address':{'line1':'12 Rue d\\u2019Été','city':'Paris'},"
        + "'preferred_locales':['fr','en'],'metadata':{'order_id':'6735','note':'a&b=c'},"
        + "'invoice_footer':'Thanks!'}"));

    LoggedRequest r = onlyRequest();
    assertThat(r.getMethod().getName()).isEqualTo("POST");
    assertThat(r.getUrl()).isEqualTo("/customers");
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(r.getHeader("Payments-Version")).isEqualTo("2024-06-20");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).isEqualTo(
        "email=ada%2Btest%40example.com&name=Ada+Lovelace"
            + "&address[line1]=12+Rue+d%E2%80%99%C3%89t%C3%A9&address[city]=Paris"
                .replace("[", "%5B").replace("]", "%5D")
            + "&preferred_locales%5B0%5D=fr&preferred_locales%5B1%5D=en"
            + "&metadata%5Border_id%5D=6735&metadata%5Bnote%5D=a%26b%3Dc"
            + "&invoice_settings%5Bfooter%5D=Thanks%21");
  }

  @Test
  void anExplicitNullIsSentAsAnEmptyValueAndLeavingItOutSendsNothing() {
    connection.invoke("update_customer", j("{'customer_id':'cus_1','description':null,"
        + "'other_fields':{'name':'Ada'}}"));
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("description=&name=Ada");

    wm.resetRequests();
    connection.invoke("update_customer", j("{'customer_id':'cus_1','other_fields':{'name':'Ada'}}"));
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("name=Ada");

    wm.resetRequests();
    connection.client(PaymentsTool.class).updateCustomer("cus_1", Optional.empty(), null);
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("description=");
  }

  @Test
  void repeatedArraysAndConstantsFollowTheDeclaredStyle() {
    connection.invoke("send_message", j("{'to':'+4915112345678','body':'Hi 👋',"
        + "'status_callback_events':['sent','delivered']}"));

    assertThat(onlyRequest().getBodyAsString()).isEqualTo("Channel=sms&To=%2B4915112345678"
        + "&Body=Hi+%F0%9F%91%8B&StatusCallbackEvent=sent&StatusCallbackEvent=delivered");
  }

  @Test
  void aDryRunShowsTheEncodedFormAndMasksTheKey() {
    PreparedRequest p = connection.dryRun("update_customer",
        j("{'customer_id':'cus_1','description':null}"));

    assertThat(p.toJson().get("body").asText()).isEqualTo("description=");
    assertThat(p.header("Content-Type").value()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(p.toString()).doesNotContain(KEY);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theSchemaSaysWhichArgumentsAcceptNull() {
    JsonNode description = connection.tool().subtool("update_customer").inputSchema()
        .at("/properties/description");
    assertThat(description.get("type")).isEqualTo(j("['string','null']"));
    JsonNode name = connection.tool().subtool("create_customer").inputSchema()
        .at("/properties/name");
    assertThat(name.get("type").asText()).isEqualTo("string");
    // a null for a non-nullable optional argument still means left out
    connection.invoke("create_customer", j("{'email':'a@example.com','name':null}"));
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("email=a%40example.com");
  }
}
