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
    }
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
