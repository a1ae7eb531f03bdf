package ai.phinite.tools.customerio;

import static ai.phinite.tools.customerio.WireMockTestBase.Api.APP;
import static ai.phinite.tools.customerio.WireMockTestBase.Api.TRACK;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Problem;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every limit of the contract is enforced before anything is sent: the value at the limit goes
 * out, the value just past it is refused with a message naming the rule, and no request is made.
 */
class LimitsTest extends WireMockTestBase {

  /** Asserts the call is refused as invalid input with nothing sent; returns the problems. */
  private String refused(String subtool, Object arguments) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connection.invoke(subtool, json(arguments.toString())));
    assertThat(e.nothingSent()).isTrue();
    assertNothingSent();
    return e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  private static ArrayNode strings(int count, String prefix) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (int i = 0; i < count; i++) {
      array.add(prefix + i);
    }
    return array;
  }

  private static ObjectNode args(String fixed) {
    return (ObjectNode) json(fixed);
  }

  // ---- segment ids: 1 to 1000 per call ----

  @ParameterizedTest
  @ValueSource(strings = {"add_to_segment", "remove_from_segment"})
  void segmentCall_takes1000Ids(String subtool) {
    ObjectNode a = args("{\"segment_id\": 7}");
    a.set("ids", strings(1000, "p"));
    connection.invoke(subtool, a);
    var request = sentTo(TRACK);
    assertThat(json(request.getBodyAsString()).path("ids").size()).isEqualTo(1000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"add_to_segment", "remove_from_segment"})
  void segmentCall_refuses1001Ids(String subtool) {
    ObjectNode a = args("{\"segment_id\": 7}");
    a.set("ids", strings(1001, "p"));
    String problems = refused(subtool, a);
    assertThat(problems).contains("/ids");
    assertThat(problems).contains("1000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"add_to_segment", "remove_from_segment"})
  void segmentCall_refusesNoIds(String subtool) {
    assertThat(refused(subtool, "{\"segment_id\": 7, \"ids\": []}")).contains("/ids");
  }

  @Test
  void segmentCall_refusesUnknownIdType() {
    assertThat(refused("add_to_segment", "{\"segment_id\": 7, \"ids\": [\"1\"], \"id_type\": \"phone\"}"))
        .contains("/id_type");
  }

  // ---- broadcasts: at most 10000 recipients, at most one audience ----

  @Test
  void broadcast_takes10000Ids() {
    ObjectNode a = args("{\"broadcast_id\": 3}");
    a.set("ids", strings(10000, "p"));
    connection.invoke("trigger_broadcast", a);
    assertThat(json(sentTo(APP).getBodyAsString()).path("ids").size()).isEqualTo(10000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ids", "emails"})
  void broadcast_refuses10001Recipients(String audience) {
    ObjectNode a = args("{\"broadcast_id\": 3}");
    a.set(audience, strings(10001, "p"));
    assertThat(refused("trigger_broadcast", a)).contains("/" + audience);
  }

  @Test
  void broadcast_refuses10001PerUserData() {
    ObjectNode a = args("{\"broadcast_id\": 3}");
    ArrayNode entries = a.putArray("per_user_data");
    for (int i = 0; i < 10001; i++) {
      entries.addObject().put("id", "p" + i);
    }
    assertThat(refused("trigger_broadcast", a)).contains("/per_user_data");
  }

  @Test
  void broadcast_refusesTwoAudiences() {
    String problems = refused("trigger_broadcast",
        "{\"broadcast_id\": 3, \"ids\": [\"1\"], \"emails\": [\"ada@example.com\"]}");
    assertThat(problems).contains("ids");
    assertThat(problems).contains("emails");
  }

  @Test
  void broadcast_refusesAnIdFlagBesideEmailsAndSendsNothing() {
    assertThat(refused("trigger_broadcast", "{\"broadcast_id\": 3,"
        + " \"emails\": [\"ada@example.com\"], \"id_ignore_missing\": true}"))
        .isEqualTo("/id_ignore_missing: may be given only together with one of ids, per_user_data"
            + " or data_file_url, and none of them is given; add one of them, or leave"
            + " id_ignore_missing out");
  }

  @Test
  void broadcast_refusesEmailFlagsBesideIdsEachAtItsPointer() {
    assertThat(refused("trigger_broadcast", "{\"broadcast_id\": 3, \"ids\": [\"1\"],"
        + " \"email_ignore_missing\": true, \"email_add_duplicates\": true}"))
        .isEqualTo("/email_ignore_missing: may be given only together with one of emails,"
            + " per_user_data or data_file_url, and none of them is given; add one of them, or"
            + " leave email_ignore_missing out\n"
            + "/email_add_duplicates: may be given only together with one of emails, per_user_data"
            + " or data_file_url, and none of them is given; add one of them, or leave"
            + " email_add_duplicates out");
  }

  @Test
  void broadcast_aNullFlagCountsAsLeftOut() {
    connection.invoke("trigger_broadcast", json("{\"broadcast_id\": 3,"
        + " \"emails\": [\"ada@example.com\"], \"id_ignore_missing\": null}"));
    assertThat(json(sentTo(APP).getBodyAsString()))
        .isEqualTo(json("{\"emails\": [\"ada@example.com\"]}"));
  }

  @Test
  void transactionalEmail_refusesAMissingTo() {
    assertThat(refused("send_transactional_email",
        "{\"transactional_message_id\": 1, \"identifiers\": {\"id\": \"1\"}}"))
        .startsWith("/to: is required but missing (The recipient address or addresses");
  }

  @Test
  void broadcast_refusesRecipientsWithDataFile() {
    refused("trigger_broadcast", "{\"broadcast_id\": 3, \"recipients\": {\"segment\": {\"id\": 1}},"
        + " \"data_file_url\": \"https://files.example.com/a.jsonl\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://files.example.com/a.jsonl", "files.example.com/a.jsonl", "ftp://x/y"})
  void broadcast_refusesADataFileUrlThatIsNotHttps(String url) {
    assertThat(refused("trigger_broadcast",
        "{\"broadcast_id\": 3, \"data_file_url\": \"" + url + "\"}")).contains("/data_file_url");
  }

  @Test
  void broadcast_refusesANonPositiveId() {
    assertThat(refused("trigger_broadcast", "{\"broadcast_id\": 0}")).contains("/broadcast_id");
  }

  // ---- event names: at most 100 bytes of UTF-8 ----

  @Test
  void eventName_of100BytesPasses() {
    String name = "é".repeat(50); // 50 characters, 100 bytes
    call("track_event", "{\"identifier\": \"42\", \"name\": \"" + name + "\"}");
    assertThat(json(sentTo(TRACK).getBodyAsString()).path("name").asText()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"track_event", "track_anonymous_event"})
  void eventName_of101BytesIsRefused(String subtool) {
    ObjectNode a = DryRunTest.example(subtool);
    a.put("name", "é".repeat(50) + "x"); // 51 characters, 101 bytes
    assertThat(refused(subtool, a)).contains("/name");
  }

  @Test
  void eventName_countsBytesNotCharacters() {
    String name = "€".repeat(34); // 34 characters, 102 bytes
    assertThat(refused("track_event", "{\"identifier\": \"42\", \"name\": \"" + name + "\"}"))
        .contains("bytes");
  }

  @Test
  void pageViewUrl_isAnEventNameOfAtMost100Bytes() {
    String url = "https://example.com/" + "a".repeat(80); // 100 bytes
    call("track_page_view", "{\"identifier\": \"42\", \"url\": \"" + url + "\"}");
    sentTo(TRACK);
    track.resetRequests();
    assertThat(refused("track_page_view", "{\"identifier\": \"42\", \"url\": \"" + url + "b\"}"))
        .contains("/url");
  }

  // ---- identifiers: at most 150 bytes, one path segment, never . or .. ----

  @Test
  void identifier_of150BytesPasses() {
    String id = "ü".repeat(75); // 150 bytes
    call("delete_customer", "{\"identifier\": \"" + id + "\"}");
    assertSent(TRACK, "DELETE", "/customers/" + "%C3%BC".repeat(75), null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"identify_customer", "delete_customer", "suppress_customer",
      "unsuppress_customer", "track_event", "track_page_view", "add_device", "delete_device",
      "get_customer_attributes"})
  void identifier_of151BytesIsRefused(String subtool) {
    ObjectNode a = DryRunTest.example(subtool);
    a.put("identifier", "ü".repeat(75) + "x"); // 151 bytes
    String problems = refused(subtool, a);
    assertThat(problems).contains("/identifier");
    assertThat(problems).contains("150");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", ".."})
  void identifier_thatIsEmptyOrADotSegmentIsRefused(String id) {
    assertThat(refused("delete_customer", "{\"identifier\": \"" + id + "\"}")).contains("/identifier");
  }

  // ---- identifier objects: exactly one of id, email, cio_id ----

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"id\": \"1\", \"email\": \"ada@example.com\"}",
      "{\"phone\": \"+15550100\"}", "{\"id\": \"\"}", "{\"email\": \"not-an-address\"}"})
  void identifierObjects_needExactlyOneKnownKey(String identifier) {
    assertThat(refused("merge_customers",
        "{\"primary\": " + identifier + ", \"secondary\": {\"id\": \"2\"}}")).contains("/primary");
    assertThat(refused("merge_customers",
        "{\"primary\": {\"id\": \"2\"}, \"secondary\": " + identifier + "}")).contains("/secondary");
    assertThat(refused("send_transactional_email",
        "{\"transactional_message_id\": 1, \"to\": \"a@example.com\", \"identifiers\": "
            + identifier + "}")).contains("/identifiers");
    assertThat(refused("send_transactional_push",
        "{\"transactional_message_id\": 1, \"identifiers\": " + identifier + "}"))
        .contains("/identifiers");
  }

  @Test
  void transactionalMessageId_isAStringOrAnInteger() {
    assertThat(refused("send_transactional_email",
        "{\"transactional_message_id\": 1.5, \"identifiers\": {\"id\": \"1\"}}"))
        .contains("/transactional_message_id");
    assertThat(refused("send_transactional_push",
        "{\"transactional_message_id\": true, \"identifiers\": {\"id\": \"1\"}}"))
        .contains("/transactional_message_id");
  }

  @Test
  void additionalFields_mayNotRepeatANamedArgument() {
    assertThat(refused("send_transactional_email", "{\"transactional_message_id\": 1,"
        + " \"identifiers\": {\"id\": \"1\"}, \"to\": \"a@example.com\","
        + " \"additional_fields\": {\"to\": \"b@example.com\"}}")).contains("/additional_fields/to");
  }

  // ---- timestamps: 10-digit Unix seconds ----

  @Test
  void timestamp_inMillisecondsIsRefusedWithAMessageThatSaysSo() {
    String problems = refused("track_event",
        "{\"identifier\": \"42\", \"name\": \"n\", \"timestamp\": 1700000000000}");
    assertThat(problems).contains("/timestamp");
    assertThat(problems).contains("milliseconds");
    assertThat(problems).contains("1700000000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999999", "10000000000", "1700000000.5", "\"1700000000\""})
  void timestamp_otherThanTenDigitsIsRefused(String value) {
    assertThat(refused("track_anonymous_event",
        "{\"anonymous_id\": \"a\", \"name\": \"n\", \"timestamp\": " + value + "}"))
        .contains("/timestamp");
  }

  @Test
  void deviceLastUsed_isUnixSecondsToo() {
    assertThat(refused("add_device", "{\"identifier\": \"42\", \"device_id\": \"d\","
        + " \"platform\": \"ios\", \"last_used\": 1700000000000}")).contains("milliseconds");
  }

  @Test
  void devicePlatform_isIosOrAndroid() {
    assertThat(refused("add_device",
        "{\"identifier\": \"42\", \"device_id\": \"d\", \"platform\": \"web\"}")).contains("/platform");
  }

  // ---- list_messages: limit 1 to 1000 ----

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void limit_withinRangePasses(int limit) {
    call("list_messages", "{\"limit\": " + limit + "}");
    assertSent(APP, "GET", "/messages?limit=" + limit, null);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1001, -1})
  void limit_outsideRangeIsRefused(int limit) {
    assertThat(refused("list_messages", "{\"limit\": " + limit + "}")).contains("/limit");
  }

  // ---- unknown and missing arguments ----

  @Test
  void unknownArgumentsAreRefused() {
    assertThat(refused("list_segments", "{\"page\": 2}")).contains("/page");
  }

  @Test
  void missingRequiredArgumentsAreRefused() {
    String problems = refused("track_event", "{}");
    assertThat(problems).contains("identifier");
    assertThat(problems).contains("name");
  }
}
