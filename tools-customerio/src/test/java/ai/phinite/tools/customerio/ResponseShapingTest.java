package ai.phinite.tools.customerio;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.ResponseShaping;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.internal.shape.ShapeSpec;
import ai.phinite.tools.runtime.shaping.ReadFixtures;
import ai.phinite.tools.testkit.CannedResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an agent receives from each read subtool of the App API: the fixtures of
 * docs/fixtures/responses.py, at the largest page size, shaped as the MCP server shapes them.
 */
class ResponseShapingTest extends CustomerIoServerTest {
  private static final CallOptions SHAPED =
      CallOptions.builder().shaping(ResponseShaping.defaults()).build();
  private static final Map<String, ReadFixtures.Row> ROWS = new HashMap<>();

  private static JsonNode q(String singleQuoted) {
    return json(singleQuoted.replace('\'', '"'));
  }

  private static List<SubtoolSpec> reads() {
    return ReadFixtures.reads(server.provider().descriptor());
  }

  private ReadFixtures.Row row(SubtoolSpec s) {
    return ROWS.computeIfAbsent(s.name(), n -> ReadFixtures.row(getClass(), s));
  }

  private JsonNode largestShaped(SubtoolSpec s) {
    return ReadFixtures.shaped(s, ReadFixtures.largestPageArguments(s),
        ReadFixtures.largest(s, ReadFixtures.fixture(getClass(), s.name())));
  }

  @Test
  void everyReadSubtoolDeclaresShaping() {
    assertThat(reads().stream().map(SubtoolSpec::name).toList()).containsAtLeast("get_campaign",
        "list_campaigns", "get_campaign_metrics", "list_segments", "get_segment",
        "get_customer_attributes", "list_messages");
    for (SubtoolSpec s : reads()) {
      assertWithMessage(s.name()).that(ShapeSpec.of(s.json()).declared()).isTrue();
      assertWithMessage(s.name()).that(s.outputSchema()).isNotNull();
    }
    for (String name : List.of("get_campaign", "get_campaign_metrics", "get_customer_attributes")) {
      SubtoolSpec s = server.provider().descriptor().subtool(name);
      ShapeSpec shape = ShapeSpec.of(s.json());
      assertWithMessage(name).that(shape.fields()).isNotEmpty();
      assertWithMessage(name).that(s.inputSchema().path("properties").path("fields")
          .path("description").asText()).isEqualTo("The fields of the object to return. Left"
          + " out: the default fields (the result names the fields it hid). [\"all\"]: every"
          + " field. Default: " + String.join(", ", shape.fields()) + ".");
    }
    // a segment is about 50 tokens: naming what it hid would cost more than hiding saves
    SubtoolSpec segment = server.provider().descriptor().subtool("get_segment");
    assertThat(ShapeSpec.of(segment.json()).fields()).isEmpty();
    assertThat(segment.inputSchema().path("properties").has("fields")).isFalse();
    ShapeSpec.Paging paging = ShapeSpec.of(server.provider().descriptor().subtool("list_messages").json()).paging();
    assertThat(paging).isEqualTo(new ShapeSpec.Paging(true, null, "start", "limit", 0, null, "/next", null));
  }

  @Test
  void everyLargestReadFitsTheHostsLimitOrIsCutWithANotice() {
    for (SubtoolSpec s : reads()) {
      ReadFixtures.Row row = row(s);
      assertWithMessage(s.name()).that(row.shapedTokens()).isAtMost(ReadFixtures.HOST_LIMIT_TOKENS);
      if (row.cut()) {
        assertWithMessage(s.name()).that(largestShaped(s).path("notice").asText())
            .startsWith("Showing " + row.shownItems() + " of " + row.items() + " items");
      }
    }
  }

  @Test
  void compactionKeepsEveryValue() {
    for (SubtoolSpec s : reads()) {
      JsonNode raw = ReadFixtures.fixture(getClass(), s.name());
      JsonNode args = q("{'fields':['all']}");
      JsonNode shaped = ReadFixtures.shaped(s, args, raw);
      List<String> missing = new ArrayList<>(ReadFixtures.values(raw, false));
      ReadFixtures.values(shaped, false).forEach(missing::remove);
      if (s.name().equals("list_messages")) {
        missing.remove("\"MTcwMDAwMDAwMDox\""); // the cursor, said as next.start
        assertThat(shaped.path("next").path("start").asText()).isEqualTo("MTcwMDAwMDAwMDox");
      }
      assertWithMessage(s.name() + " lost values").that(missing).isEmpty();
    }
  }

  @Test
  void everyShapedResultMatchesTheOutputSchema() {
    for (SubtoolSpec s : reads()) {
      assertWithMessage(s.name()).that(ReadFixtures.validate(s.outputSchema(), largestShaped(s)))
          .isEmpty();
      JsonNode all = ReadFixtures.shaped(s, ReadFixtures.allFields(),
          ReadFixtures.largest(s, ReadFixtures.fixture(getClass(), s.name())));
      assertWithMessage(s.name()).that(ReadFixtures.validate(s.outputSchema(), all)).isEmpty();
    }
  }

  /**
   * By default a campaign and its metrics are at most half their raw JSON in tokens (o200k_base),
   * and name every field they hid. A person is not: its attributes are its value, shown whole,
   * and alone they are over half (docs/responses.md says so); it is held to what it is now.
   */
  @Test
  void aSingleObjectIsAtMostHalfItsRawTokensAndNamesEveryFieldItHid() {
    Map<String, Double> share = Map.of("get_campaign", 0.5, "get_campaign_metrics", 0.5,
        "get_customer_attributes", 0.55);
    share.forEach((name, most) -> {
      SubtoolSpec s = server.provider().descriptor().subtool(name);
      JsonNode raw = ReadFixtures.fixture(getClass(), name);
      JsonNode shaped = ReadFixtures.shaped(s, q("{}"), raw);
      assertWithMessage(name).that(ReadFixtures.tokens(shaped.toString()))
          .isAtMost((int) (ReadFixtures.tokens(raw.toString()) * most));
      List<String> hidden = ReadFixtures.hiddenFields(s, raw);
      assertWithMessage(name).that(hidden).isNotEmpty();
      assertWithMessage(name).that(shaped.path("notice").asText()).isEqualTo("Fields not shown ("
          + hidden.size() + "): " + String.join(", ", hidden) + ". Ask for them with \"fields\""
          + " (their names, or [\"all\"]).");
      JsonNode all = ReadFixtures.shaped(s, ReadFixtures.allFields(), raw).path("item");
      shaped.path("item").fieldNames().forEachRemaining(f -> assertWithMessage(name + " " + f)
          .that(shaped.path("item").get(f)).isEqualTo(all.get(f)));
      assertWithMessage(name).that(shaped.path("item").size() + hidden.size()).isEqualTo(all.size());
    });
  }

  @Test
  void campaignMetricsShowTheFunnelAndTheOthersOnRequest() {
    server.onRequest("GET", "/v1/campaigns/92/metrics").server("app").respond(
        CannedResponse.json(ReadFixtures.fixture(getClass(), "get_campaign_metrics").toString()));
    JsonNode shaped = connection.invoke("get_campaign_metrics", q("{'campaign_id':92}"), SHAPED)
        .body();
    List<String> shown = new ArrayList<>();
    shaped.path("item").fieldNames().forEachRemaining(shown::add);
    assertThat(shown).containsExactly("sent", "delivered", "opened", "clicked", "converted")
        .inOrder();
    assertThat(shaped.path("item").path("sent").size()).isEqualTo(45);
    assertThat(shaped.path("notice").asText()).isEqualTo("Fields not shown (9): attempted,"
        + " bounced, spammed, unsubscribed, dropped, failed, undeliverable, human_opened,"
        + " human_clicked. Ask for them with \"fields\" (their names, or [\"all\"]).");
    JsonNode asked = connection.invoke("get_campaign_metrics",
        q("{'campaign_id':92,'fields':['bounced']}"), SHAPED).body();
    assertThat(asked.path("item").size()).isEqualTo(1);
    assertThat(asked.path("item").path("bounced")).isEqualTo(ReadFixtures.fixture(getClass(),
        "get_campaign_metrics").at("/metric/series/bounced"));
    assertThat(server.requests().get(1).url()).isEqualTo("/v1/campaigns/92/metrics?version=1");
  }

  @Test
  void theTableInTheDocsIsWhatWasMeasured() throws Exception {
    List<ReadFixtures.Row> rows = new ArrayList<>();
    reads().forEach(s -> rows.add(row(s)));
    String problem = ReadFixtures.checkDocument("customerio", ReadFixtures.table(rows));
    assertWithMessage(String.valueOf(problem)).that(problem).isNull();
  }

  @Test
  void aThousandMessagesAreCutAndTheNoticeSaysWhatTheCursorSkips() {
    SubtoolSpec list = server.provider().descriptor().subtool("list_messages");
    JsonNode body = ReadFixtures.largest(list, ReadFixtures.fixture(getClass(), "list_messages"));
    server.onRequest("GET", "/v1/messages").server("app").respond(CannedResponse.json(body.toString()));
    JsonNode shaped = connection.invoke("list_messages", q("{'type':'email','limit':1000}"),
        SHAPED).body();
    int k = shaped.path("items").size();
    assertThat(k).isLessThan(1000);
    assertThat(shaped.path("next")).isEqualTo(
        q("{'type':'email','limit':1000,'start':'MTcwMDAwMDAwMDox'}"));
    assertThat(shaped.path("notice").asText()).startsWith("Showing " + k + " of 1000 items of this"
        + " page; the others did not fit the budget of 20000 tokens. The next arguments continue"
        + " after this whole page, so items " + (k + 1) + " to 1000 of it are skipped. To see them,"
        + " call list_messages again with the same arguments and \"limit\": " + k
        + ", then follow each result's next. Fields not shown (");
    assertThat(ReadFixtures.tokens(shaped.toString())).isAtMost(20_000);

    connection.invoke("list_messages", shaped.path("next"), SHAPED);
    List<ai.phinite.tools.testkit.RecordedRequest> sent = server.requests();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).server()).isEqualTo("app");
    assertThat(sent.get(1).url()).isEqualTo("/v1/messages?type=email&start=MTcwMDAwMDAwMDox&limit=1000");
  }
}
