package ai.phinite.tools.customerio;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code call customerio <subtool> --dry-run} shows: for each of the 24 subtools, valid
 * arguments give exactly the request the contract specifies, against the real US hosts, with
 * nothing sent.
 */
class DryRunTest {
  static final String TRACK = "https://track.customer.io/api/v1";
  static final String APP = "https://api.customer.io/v1";

  /** One row of the contract: arguments in, request out ({@code body == null}: no body). */
  record Case(String subtool, String arguments, String server, String method, String url,
      String body) {
    @Override
    public String toString() {
      return subtool;
    }
  }

  static final List<Case> CASES = List.of(
      new Case("identify_customer",
          "{\"identifier\": \"ada@example.com\", \"attributes\": {\"plan\": \"pro\", \"old\": null}}",
          "track", "PUT", TRACK + "/customers/ada%40example.com", "{\"plan\": \"pro\", \"old\": null}"),
      new Case("delete_customer", "{\"identifier\": \"42\"}",
          "track", "DELETE", TRACK + "/customers/42", null),
      new Case("suppress_customer", "{\"identifier\": \"42\"}",
          "track", "POST", TRACK + "/customers/42/suppress", "{}"),
      new Case("unsuppress_customer", "{\"identifier\": \"42\"}",
          "track", "POST", TRACK + "/customers/42/unsuppress", "{}"),
      new Case("track_event", "{\"identifier\": \"42\", \"name\": \"purchase\","
          + " \"data\": {\"amount\": 5}, \"timestamp\": 1700000000, \"id\": \"e1\"}",
          "track", "POST", TRACK + "/customers/42/events",
          "{\"name\": \"purchase\", \"data\": {\"amount\": 5}, \"timestamp\": 1700000000, \"id\": \"e1\"}"),
      new Case("track_anonymous_event",
          "{\"anonymous_id\": \"anon-7\", \"name\": \"viewed\", \"timestamp\": 1700000000}",
          "track", "POST", TRACK + "/events",
          "{\"anonymous_id\": \"anon-7\", \"name\": \"viewed\", \"timestamp\": 1700000000}"),
      new Case("track_page_view", "{\"identifier\": \"42\", \"url\": \"/pricing\"}",
          "track", "POST", TRACK + "/customers/42/events", "{\"type\": \"page\", \"name\": \"/pricing\"}"),
      new Case("add_device", "{\"identifier\": \"42\", \"device_id\": \"tok\", \"platform\": \"ios\","
          + " \"last_used\": 1700000000}",
          "track", "PUT", TRACK + "/customers/42/devices",
          "{\"device\": {\"id\": \"tok\", \"platform\": \"ios\", \"last_used\": 1700000000}}"),
      new Case("delete_device", "{\"identifier\": \"42\", \"device_id\": \"tok\"}",
          "track", "DELETE", TRACK + "/customers/42/devices/tok", null),
      new Case("merge_customers",
          "{\"primary\": {\"id\": \"1\"}, \"secondary\": {\"email\": \"b@example.com\"}}",
          "track", "POST", TRACK + "/merge_customers",
          "{\"primary\": {\"id\": \"1\"}, \"secondary\": {\"email\": \"b@example.com\"}}"),
      new Case("add_to_segment", "{\"segment_id\": 7, \"ids\": [\"1\", \"2\"]}",
          "track", "POST", TRACK + "/segments/7/add_customers?id_type=id", "{\"ids\": [\"1\", \"2\"]}"),
      new Case("remove_from_segment", "{\"segment_id\": 7, \"ids\": [\"1\"], \"id_type\": \"email\"}",
          "track", "POST", TRACK + "/segments/7/remove_customers?id_type=email", "{\"ids\": [\"1\"]}"),
      new Case("get_campaign", "{\"campaign_id\": 12}",
          "app", "GET", APP + "/campaigns/12", null),
      new Case("list_campaigns", "{}",
          "app", "GET", APP + "/campaigns", null),
      new Case("get_campaign_metrics", "{\"campaign_id\": 12, \"period\": \"days\", \"steps\": 7}",
          "app", "GET", APP + "/campaigns/12/metrics?version=1&period=days&steps=7", null),
      new Case("trigger_broadcast", "{\"broadcast_id\": 3, \"data\": {\"a\": 1},"
          + " \"emails\": [\"a@example.com\"], \"email_ignore_missing\": true}",
          "app", "POST", APP + "/campaigns/3/triggers",
          "{\"data\": {\"a\": 1}, \"emails\": [\"a@example.com\"], \"email_ignore_missing\": true}"),
      new Case("send_transactional_email", "{\"transactional_message_id\": 44,"
          + " \"identifiers\": {\"id\": \"42\"}, \"to\": \"ada@example.com\", \"message_data\": {\"x\": 1}}",
          "app", "POST", APP + "/send/email", "{\"transactional_message_id\": 44,"
          + " \"identifiers\": {\"id\": \"42\"}, \"to\": \"ada@example.com\", \"message_data\": {\"x\": 1}}"),
      new Case("send_transactional_push",
          "{\"transactional_message_id\": \"welcome\", \"identifiers\": {\"id\": \"42\"}}",
          "app", "POST", APP + "/send/push",
          "{\"transactional_message_id\": \"welcome\", \"identifiers\": {\"id\": \"42\"}}"),
      new Case("list_segments", "{}",
          "app", "GET", APP + "/segments", null),
      new Case("get_segment", "{\"segment_id\": 7}",
          "app", "GET", APP + "/segments/7", null),
      new Case("create_manual_segment", "{\"name\": \"VIP\"}",
          "app", "POST", APP + "/segments", "{\"segment\": {\"name\": \"VIP\"}}"),
      new Case("delete_segment", "{\"segment_id\": 7}",
          "app", "DELETE", APP + "/segments/7", null),
      new Case("get_customer_attributes", "{\"identifier\": \"42\"}",
          "app", "GET", APP + "/customers/42/attributes?id_type=id", null),
      new Case("list_messages", "{\"metric\": \"sent\", \"limit\": 50}",
          "app", "GET", APP + "/messages?metric=sent&limit=50", null));

  private static Connection connection;

  @BeforeAll
  static void connect() {
    connection = ToolCatalog.load().require("customerio").connect(WireMockTestBase.credentials());
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  /** Valid arguments of a subtool (a fresh copy the caller may change). */
  static ObjectNode example(String subtool) {
    return CASES.stream().filter(c -> c.subtool().equals(subtool)).findFirst()
        .map(c -> (ObjectNode) WireMockTestBase.json(c.arguments()))
        .orElseThrow(() -> new IllegalArgumentException("no example for " + subtool));
  }

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dryRunShowsTheContractRequest(Case c) {
    PreparedRequest request = connection.dryRun(c.subtool(), WireMockTestBase.json(c.arguments()));
    assertWithMessage("server").that(request.server()).isEqualTo(c.server());
    assertWithMessage("method").that(request.method()).isEqualTo(c.method());
    assertWithMessage("url").that(request.url()).isEqualTo(c.url());
    PreparedRequest.Header auth = request.header("Authorization");
    assertWithMessage("Authorization").that(auth.value())
        .isEqualTo(c.server().equals("track") ? WireMockTestBase.TRACK_AUTH : WireMockTestBase.APP_AUTH);
    assertWithMessage("Authorization is secret").that(auth.secret()).isTrue();
    assertThat(request.toJson().path("headers").path("Authorization").asText()).isEqualTo("***");
    assertThat(request.toString()).doesNotContain(WireMockTestBase.APP_API_KEY);
    assertThat(request.header("Accept").value()).isEqualTo("application/json");
    if (c.body() == null) {
      assertWithMessage("body").that(request.body()).isNull();
    } else {
      // compared as the JSON text on the wire (a long and an int of the same value are equal)
      assertWithMessage("body").that(WireMockTestBase.json(request.body().toString()))
          .isEqualTo(WireMockTestBase.json(c.body()));
      assertThat(request.header("Content-Type").value()).isEqualTo("application/json");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void descriptorHttpMatchesTheDryRun(Case c) {
    ToolDescriptor.HttpSpec http = connection.tool().subtool(c.subtool()).http();
    assertThat(http.method()).isEqualTo(c.method());
    assertThat(http.server()).isEqualTo(c.server());
  }

  @Test
  void everySubtoolHasACase() {
    Map<String, Case> byName = new LinkedHashMap<>();
    CASES.forEach(c -> byName.put(c.subtool(), c));
    assertThat(byName.keySet())
        .containsExactlyElementsIn(connection.tool().subtools().keySet()).inOrder();
    assertThat(byName).hasSize(24);
  }

  /** The broadcast flags beside each audience they fit: all are accepted and shown as given. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"ids\": [\"1\"], \"id_ignore_missing\": true}",
      "{\"emails\": [\"a@example.com\"], \"email_ignore_missing\": true, \"email_add_duplicates\": false}",
      "{\"per_user_data\": [{\"id\": \"1\"}], \"id_ignore_missing\": true, \"email_ignore_missing\": true, \"email_add_duplicates\": true}",
      "{\"data_file_url\": \"https://files.example.com/a.jsonl\", \"id_ignore_missing\": false, \"email_add_duplicates\": true}"})
  void dryRunShowsBroadcastFlagsBesideTheAudiencesTheyFit(String body) {
    ObjectNode args = (ObjectNode) WireMockTestBase.json(body);
    args.put("broadcast_id", 3);
    PreparedRequest request = connection.dryRun("trigger_broadcast", args);
    assertThat(request.url()).isEqualTo(APP + "/campaigns/3/triggers");
    assertThat(WireMockTestBase.json(request.body().toString()))
        .isEqualTo(WireMockTestBase.json(body));
  }

  /** A flag beside an audience it does not fit is refused with what it needs, at its pointer. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "{'broadcast_id': 3, 'emails': ['a@example.com'], 'id_ignore_missing': true} | /id_ignore_missing"
          + " | may be given only together with one of ids, per_user_data or data_file_url, and none"
          + " of them is given; add one of them, or leave id_ignore_missing out",
      "{'broadcast_id': 3, 'ids': ['1'], 'email_ignore_missing': false} | /email_ignore_missing"
          + " | may be given only together with one of emails, per_user_data or data_file_url, and"
          + " none of them is given; add one of them, or leave email_ignore_missing out",
      "{'broadcast_id': 3, 'recipients': {'segment': {'id': 7}}, 'email_add_duplicates': true}"
          + " | /email_add_duplicates | may be given only together with one of emails,"
          + " per_user_data or data_file_url, and none of them is given; add one of them, or leave"
          + " email_add_duplicates out",
      "{'broadcast_id': 3, 'id_ignore_missing': true} | /id_ignore_missing | may be given only"
          + " together with one of ids, per_user_data or data_file_url, and none of them is given;"
          + " add one of them, or leave id_ignore_missing out"})
  void dryRunRefusesABroadcastFlagThatDoesNotFitTheAudience(String args, String pointer,
      String message) {
    ai.phinite.tools.runtime.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        ai.phinite.tools.runtime.InvalidInputException.class,
        () -> connection.dryRun("trigger_broadcast", WireMockTestBase.json(args.replace('\'', '"'))));
    assertThat(e.kind()).isEqualTo("invalid_arguments");
    assertThat(e.nothingSent()).isTrue();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).pointer()).isEqualTo(pointer);
    assertThat(e.problems().get(0).message()).isEqualTo(message);
  }

  @Test
  void dryRunRefusesATransactionalEmailWithoutTo() {
    ai.phinite.tools.runtime.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        ai.phinite.tools.runtime.InvalidInputException.class,
        () -> connection.dryRun("send_transactional_email", WireMockTestBase.json(
            "{\"transactional_message_id\": 44, \"identifiers\": {\"id\": \"42\"}}")));
    assertThat(e.kind()).isEqualTo("invalid_arguments");
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).pointer()).isEqualTo("/to");
    assertThat(e.problems().get(0).message()).startsWith("is required but missing (The recipient");
  }

  @Test
  void dryRunSendsNothingAndNeedsNoServer() {
    // The connection points at the real hosts; a dry run must not reach them.
    JsonNode args = Json.MAPPER.createObjectNode().put("identifier", "42");
    assertThat(connection.dryRun("delete_customer", args).url()).startsWith(TRACK);
  }
}
