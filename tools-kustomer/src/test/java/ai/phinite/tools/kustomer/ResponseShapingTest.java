package ai.phinite.tools.kustomer;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ResponseShaping;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.internal.shape.ShapeSpec;
import ai.phinite.tools.runtime.shaping.ReadFixtures;
import ai.phinite.tools.testkit.CannedResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an agent receives from each read subtool: the fixtures of docs/fixtures/responses.py
 * (realistic JSON:API bodies), at the largest page size, shaped as the MCP server shapes them.
 */
class ResponseShapingTest extends KustomerServerTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final CallOptions SHAPED =
      CallOptions.builder().shaping(ResponseShaping.defaults()).build();

  private static List<SubtoolSpec> reads() {
    return ReadFixtures.reads(provider().descriptor());
  }

  @Test
  void everyReadSubtoolDeclaresShapingAndEveryListItsPaging() {
    assertThat(reads()).hasSize(24);
    for (SubtoolSpec s : reads()) {
      ShapeSpec shape = ShapeSpec.of(s.json());
      assertWithMessage(s.name()).that(shape.declared()).isTrue();
      assertWithMessage(s.name()).that(shape.jsonApi()).isTrue();
      assertWithMessage(s.name()).that(s.outputSchema()).isNotNull();
      if (shape.items() != null) {
        assertWithMessage(s.name()).that(shape.paging()).isNotNull();
        assertWithMessage(s.name()).that(shape.paging().more()).isEqualTo("/links/next");
        assertWithMessage(s.name()).that(s.inputSchema().path("properties").has("fields")).isTrue();
      }
    }
  }

  private static final java.util.Map<String, ReadFixtures.Row> ROWS = new java.util.HashMap<>();

  private ReadFixtures.Row row(SubtoolSpec s) {
    return ROWS.computeIfAbsent(s.name(), n -> ReadFixtures.row(getClass(), s));
  }

  @Test
  void everyLargestReadFitsTheHostsLimitOrIsCutWithANotice() {
    for (SubtoolSpec s : reads()) {
      ReadFixtures.Row row = row(s);
      assertWithMessage(s.name()).that(row.shapedTokens()).isAtMost(ReadFixtures.HOST_LIMIT_TOKENS);
      JsonNode shaped = ReadFixtures.shaped(s, ReadFixtures.largestPageArguments(s),
          ReadFixtures.largest(s, ReadFixtures.fixture(getClass(), s.name())));
      if (row.cut()) {
        assertWithMessage(s.name()).that(shaped.path("notice").asText())
            .startsWith("Showing " + row.shownItems() + " of " + row.items() + " items");
        assertWithMessage(s.name()).that(shaped.has("next")).isTrue();
      }
    }
  }

  /**
   * Every value kept, so a resource with few empty attributes cannot shrink to half its raw JSON:
   * docs/responses.md gives each figure. What is asserted: at most two thirds of the raw JSON,
   * at most half of what the MCP server sent before (the raw body pretty-printed), and the
   * customer (the case) at most half of its raw JSON.
   */
  @Test
  void aSingleObjectShrinksAndKeepsEveryValue() {
    for (SubtoolSpec s : reads()) {
      if (ShapeSpec.of(s.json()).items() != null) {
        continue;
      }
      JsonNode raw = ReadFixtures.fixture(getClass(), s.name());
      JsonNode shaped = ReadFixtures.shaped(s, JSON.objectNode(), raw);
      assertKeepsEveryValue(s.name(), raw, shaped);
      int size = shaped.toString().length();
      assertWithMessage(s.name()).that(size).isAtMost(raw.toString().length() * 2 / 3);
      assertWithMessage(s.name()).that(size).isAtMost(raw.toPrettyString().length() / 2);
      if (s.name().equals("get_customer")) {
        assertWithMessage(s.name()).that(size).isAtMost(raw.toString().length() / 2);
      }
    }
  }

  @Test
  void aListAskedForAllFieldsKeepsEveryValueOfItsItems() {
    for (SubtoolSpec s : reads()) {
      if (ShapeSpec.of(s.json()).items() == null) {
        continue;
      }
      JsonNode raw = ReadFixtures.fixture(getClass(), s.name()); // three items: within the budget
      ObjectNode args = JSON.objectNode();
      args.putArray("fields").add("all");
      JsonNode shaped = ReadFixtures.shaped(s, args, raw);
      assertWithMessage(s.name()).that(shaped.path("items").size()).isEqualTo(3);
      assertKeepsEveryValue(s.name(), raw, shaped); // the items, and the page's meta
    }
  }

  @Test
  void everyShapedResultMatchesTheOutputSchema() {
    for (SubtoolSpec s : reads()) {
      JsonNode shaped = ReadFixtures.shaped(s, ReadFixtures.largestPageArguments(s),
          ReadFixtures.largest(s, ReadFixtures.fixture(getClass(), s.name())));
      assertWithMessage(s.name()).that(ReadFixtures.validate(s.outputSchema(), shaped)).isEmpty();
    }
  }

  @Test
  void theTableInTheDocsIsWhatWasMeasured() throws Exception {
    List<ReadFixtures.Row> rows = new ArrayList<>();
    reads().forEach(s -> rows.add(row(s)));
    String problem = ReadFixtures.checkDocument("kustomer", ReadFixtures.table(rows));
    assertWithMessage(String.valueOf(problem)).that(problem).isNull();
  }

  @Test
  void aSearchOfFiveHundredIsCutAndTheNextCallResumesAtTheFirstCustomerNotShown() {
    SubtoolSpec search = provider().descriptor().subtool("search_customers");
    JsonNode body = ReadFixtures.largest(search, ReadFixtures.fixture(getClass(), "search_customers"));
    server.onRequest("POST", "/v1/customers/search").respond(CannedResponse.json(body.toString()));
    JsonNode args = json("{'query':{'queryContext':'customer'},'page':1,'page_size':500}");
    Response r = kustomer.invoke("search_customers", args, SHAPED);
    JsonNode shaped = r.body();
    int k = shaped.path("items").size();
    assertThat(k).isLessThan(500);
    assertThat(k).isGreaterThan(50);
    JsonNode next = json("{'query':{'queryContext':'customer'},'page':2,'page_size':" + k + "}");
    assertThat(shaped.path("next")).isEqualTo(next);
    assertThat(shaped.path("notice").asText()).startsWith("Showing " + k + " of 500 items of this"
        + " page (1234 in all); the others did not fit the budget of 20000 tokens. Next: call"
        + " search_customers with {\"query\":{\"queryContext\":\"customer\"},\"page\":2,"
        + "\"page_size\":" + k + "} to continue at item " + (k + 1) + ". Fields not shown (");
    assertThat(ReadFixtures.tokens(shaped.toString())).isAtMost(20_000);
    // the last customer shown is the k-th of the page: nothing skipped, nothing repeated
    assertThat(shaped.path("items").get(k - 1).path("id").asText())
        .isEqualTo(body.path("data").get(k - 1).path("id").asText());

    kustomer.invoke("search_customers", next, SHAPED);
    assertThat(received().get(1).url()).isEqualTo("/v1/customers/search?page=2&pageSize=" + k);
  }

  @Test
  void theDefaultFieldsOfAListAreShownAndTheOthersNamed() {
    server.onRequest("GET", "/v1/customers").respond(
        CannedResponse.json(ReadFixtures.fixture(getClass(), "list_customers").toString()));
    JsonNode shaped = kustomer.invoke("list_customers", json("{'page':1,'page_size':3}"), SHAPED).body();
    JsonNode first = ReadFixtures.fixture(getClass(), "list_customers").path("data").get(0);
    JsonNode a = first.path("attributes");
    ObjectNode expected = JSON.objectNode().put("id", first.path("id").asText());
    for (String f : List.of("name", "emails", "externalId", "progressiveStatus", "lastActivityAt",
        "updatedAt")) { // the declared fields it has: phones and tags are empty, so gone
      expected.set(f, a.get(f));
    }
    assertThat(shaped.path("items").get(0)).isEqualTo(expected);
    assertThat(shaped.path("next").toString()).isEqualTo("{\"page\":2,\"page_size\":3}");
    assertThat(shaped.path("notice").asText()).startsWith("Fields not shown (");
    assertThat(shaped.path("notice").asText()).contains("type, displayName, displayColor");
    JsonNode raw = kustomer.invoke("list_customers", json("{'page':1,'page_size':3}")).body();
    assertThat(raw.has("links")).isTrue(); // shaping is off unless asked for
  }

  /** Every distinct value of the raw body is in the shaped one (said once is enough). */
  @Test
  void aConnectionShapesEveryCallWithItsBudgetUnlessACallSaysOtherwise() {
    SubtoolSpec list = provider().descriptor().subtool("list_customers");
    JsonNode body = ReadFixtures.largest(list, ReadFixtures.fixture(getClass(), "list_customers"));
    server.onRequest("GET", "/v1/customers").respond(CannedResponse.json(body.toString()));
    try (ai.phinite.tools.runtime.Connection c = server.connectionBuilder()
        .shaping(ResponseShaping.budget(2_000)).build()) {
      assertThat(c.shaping().budgetTokens()).isEqualTo(2_000);
      JsonNode shaped = c.invoke("list_customers", json("{'page_size':100}")).body();
      int k = shaped.path("items").size();
      assertThat(k).isLessThan(100);
      assertThat(shaped.path("notice").asText()).startsWith("Showing " + k + " of 100 items of"
          + " this page (1234 in all); the others did not fit the budget of 2000 tokens.");
      assertThat(ai.phinite.tools.runtime.internal.shape.Tokens.of(shaped)).isAtMost(2_000L);
      assertThat(ReadFixtures.tokens(shaped.toString())).isAtMost(2_000);
      JsonNode raw = c.invoke("list_customers", json("{'page_size':100}"),
          CallOptions.builder().shaping(ResponseShaping.OFF).build()).body();
      assertThat(raw).isEqualTo(body);
    }
  }

  @Test
  void aListAnsweredWithAnObjectIsAListOfOneAsynchronouslyToo() throws Exception {
    server.onRequest("GET", "/v1/customers").respond(CannedResponse.json("{\"data\":{\"id\":\"c1\"}}"));
    JsonNode shaped = kustomer.invokeAsync("list_customers", json("{}"), SHAPED)
        .get(30, java.util.concurrent.TimeUnit.SECONDS).body();
    assertThat(shaped.toString()).isEqualTo("{\"items\":[{\"id\":\"c1\"}]}");
  }

  private static void assertKeepsEveryValue(String subtool, JsonNode raw, JsonNode shaped) {
    java.util.Set<String> missing = new java.util.TreeSet<>(ReadFixtures.values(raw, true));
    ReadFixtures.values(shaped, false).forEach(missing::remove);
    assertWithMessage(subtool + " lost values").that(missing).isEmpty();
  }
}
