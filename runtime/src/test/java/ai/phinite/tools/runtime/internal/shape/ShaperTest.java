package ai.phinite.tools.runtime.internal.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compaction, JSON:API flattening, projection, the budget and the next page's arguments. */
class ShaperTest {
  private static final ShapeSpec.Paging PAGES =
      new ShapeSpec.Paging(false, "page", null, "page_size", 100, "/links/next", null, "/meta/total");
  private static final ShapeSpec LIST = new ShapeSpec(true, "/data", null, List.of(), PAGES);

  private static JsonNode json(String text) {
    return Json.parse(text.replace('\'', '"'));
  }

  private static ObjectNode customer(int i) {
    return (ObjectNode) json("{'type':'customer','id':'c" + i + "','attributes':{'name':'Ann " + i
        + "','displayName':null,'emails':[{'email':'ann" + i + "@example.com','type':'home'}],"
        + "'phones':[],'custom':{},'tags':['vip'],'deleted':false,'progressiveStatus':0},"
        + "'relationships':{'org':{'links':{'self':'/v1/orgs/o1'},'data':{'type':'org','id':'o1'}},"
        + "'createdBy':{'links':{'self':'/v1/users/u1'},'data':{'type':'user','id':'u1'}},"
        + "'messages':{'links':{'self':'/v1/customers/c" + i + "/messages'}}},"
        + "'links':{'self':'/v1/customers/c" + i + "'}}");
  }

  private static ObjectNode page(int n, int page, boolean more, int total) {
    ObjectNode body = (ObjectNode) json("{'meta':{'pageSize':100,'page':" + page + ",'total':" + total
        + "},'links':{'self':'/v1/customers?page=" + page + "','next':"
        + (more ? "'/v1/customers?page=" + (page + 1) + "'" : "null") + "}}");
    ArrayNode data = body.putArray("data");
    for (int i = 1; i <= n; i++) {
      data.add(customer(i));
    }
    return body;
  }

  @Test
  void jsonApiResourcesAreFlattenedAndNothingThatIsThereIsLost() {
    JsonNode shaped = Shaper.shape(new ShapeSpec(true, null, "/data", List.of(), null), "get_customer",
        json("{'customer_id':'c1'}"), json("{'data':" + customer(1) + "}"), 20_000);
    assertEquals(json("{'item':{'id':'c1','type':'customer','name':'Ann 1','emails':[{'email':"
        + "'ann1@example.com','type':'home'}],'tags':['vip'],'deleted':false,'progressiveStatus':0,"
        + "'org':'o1','createdBy':'u1'}}"), shaped);
  }

  @Test
  void namesSharedByAttributesAndRelationshipsReplaceNothing() {
    JsonNode resource = json("{'data':{'type':'conversation','id':'v1','attributes':{'type':'chat',"
        + "'assignedTeams':['t1'],'customer':'an attribute'},'relationships':{"
        + "'assignedTeams':{'data':[{'type':'team','id':'t1'}]},"
        + "'customer':{'data':{'type':'customer','id':'c9'}},"
        + "'queue':{'data':[{'type':'queue','id':'q1'},{'type':'team','id':'t2'}]}},"
        + "'meta':{'rev':3}}}");
    JsonNode shaped = Shaper.shape(new ShapeSpec(true, null, "/data", List.of(), null), "get",
        json("{}"), resource, 20_000);
    assertEquals(json("{'item':{'id':'v1','type':'conversation','assignedTeams':['t1'],"
        + "'customer':'an attribute','queue':[{'type':'queue','id':'q1'},{'type':'team','id':'t2'}],"
        + "'attributes':{'type':'chat'},'relationships':{'customer':'c9'},'meta':{'rev':3}}}"),
        shaped);
  }

  @Test
  void compactionWithoutJsonApiKeepsLinksAndDropsOnlyEmptiness() {
    JsonNode shaped = Shaper.shape(ShapeSpec.NONE, "x", json("{}"),
        json("{'a':null,'b':[],'c':{},'d':{'e':[null,{}]},'links':{'self':'/x'},'f':'','g':0}"), 20_000);
    assertEquals(json("{'links':{'self':'/x'},'f':'','g':0}"), shaped);
  }

  @Test
  void aFullPageWithinTheBudgetGetsTheNextPageArguments() {
    JsonNode shaped = Shaper.shape(LIST, "list_customers", json("{'page':2,'page_size':3}"),
        page(3, 2, true, 9), 20_000);
    assertEquals(3, shaped.path("items").size());
    assertEquals(json("{'pageSize':100,'page':2,'total':9}"), shaped.path("meta"));
    assertEquals(json("{'page':3,'page_size':3}"), shaped.path("next"));
    assertFalse(shaped.has("notice"));
    assertFalse(shaped.has("links"));
  }

  @Test
  void anObjectWhereAListWasDeclaredIsAListOfOne() {
    JsonNode shaped = Shaper.shape(LIST, "list_customers", json("{}"), json("{'data':{'id':'c1'}}"),
        20_000);
    assertEquals(json("{'items':[{'id':'c1'}]}"), shaped);
    assertEquals(json("{'items':[]}"), Shaper.shape(LIST, "list_customers", json("{}"),
        json("{'data':null}"), 20_000));
  }

  @Test
  void theLastPageHasNoNext() {
    JsonNode shaped = Shaper.shape(LIST, "list_customers", json("{}"), page(2, 1, false, 2), 20_000);
    assertFalse(shaped.has("next"));
    assertFalse(shaped.has("notice"));
  }

  @Test
  void overTheBudgetThePageIsCutAtAnItemAndResumesAtTheFirstItemNotShown() {
    JsonNode body = page(100, 2, true, 1000);
    int budget = 3_000; // tokens: room for some of the 100 items
    JsonNode shaped = Shaper.shape(LIST, "list_customers", json("{'page':2,'page_size':100,'tag':'x'}"),
        body, budget);
    int k = shaped.path("items").size();
    assertTrue(k > 10 && k < 100, "cut inside the page: " + k);
    assertTrue(Tokens.of(shaped) <= budget);
    // the next call starts exactly after the last item shown: item 100 + k overall
    long offset = 100 + k;
    JsonNode next = shaped.path("next");
    long size = next.path("page_size").asLong();
    long page = next.path("page").asLong();
    assertEquals("x", next.path("tag").asText(), "the other arguments are kept");
    assertTrue(size <= k);
    long repeat = offset - (page - 1) * size;
    assertTrue(repeat >= 0 && repeat < size);
    assertEquals("Showing " + k + " of 100 items of this page (1000 in all); the others did not fit"
        + " the budget of 3000 tokens. Next: call list_customers with " + Tokens.json(next)
        + " to continue at item " + (offset + 1)
        + (repeat > 0 ? " (its first " + repeat + " items were shown here)" : "") + ".",
        shaped.path("notice").asText());
    assertEquals("c" + k, shaped.path("items").get(k - 1).path("id").asText());
  }

  @Test
  void aCutThatCanLandExactlyRepeatsNothing() {
    // 42 fit on page 1 of 100: offset 42 is a multiple of 42, so page 2 of size 42 starts at 43
    JsonNode shaped = Shaper.shape(LIST, "list_customers", json("{}"), page(100, 1, true, 500),
        1_000);
    int k = shaped.path("items").size();
    JsonNode next = shaped.path("next");
    assertEquals(k, next.path("page_size").asInt());
    assertEquals(2, next.path("page").asInt());
  }

  @Test
  void defaultFieldsHideTheOthersAndSayWhich() {
    ShapeSpec spec = new ShapeSpec(true, "/data", null, List.of("name", "emails"), PAGES);
    JsonNode shaped = Shaper.shape(spec, "list_customers", json("{}"), page(2, 1, false, 2), 20_000);
    assertEquals(json("{'id':'c1','name':'Ann 1','emails':[{'email':'ann1@example.com','type':"
        + "'home'}]}"), shaped.path("items").get(0));
    assertEquals("Fields not shown (6): type, tags, deleted, progressiveStatus, org, createdBy. Ask"
        + " for them with \"fields\" (their names, or [\"all\"]).",
        shaped.path("notice").asText());
    JsonNode all = Shaper.shape(spec, "list_customers", json("{'fields':['all']}"),
        page(2, 1, false, 2), 20_000);
    assertEquals(9, all.path("items").get(0).size());
    assertFalse(all.has("notice"));
    JsonNode asked = Shaper.shape(spec, "list_customers", json("{'fields':['tags']}"),
        page(1, 1, false, 1), 20_000);
    assertEquals(json("{'id':'c1','tags':['vip']}"), asked.path("items").get(0));
    JsonNode unknown = Shaper.shape(spec, "list_customers", json("{'fields':['name','nickname']}"),
        page(1, 1, false, 1), 20_000);
    assertTrue(unknown.path("notice").asText().startsWith("No item has nickname (or only empty"
        + " values, which are left out). Fields not shown (7): type, emails, tags,"),
        unknown.path("notice").asText());
  }

  @Test
  void cursorPagingPassesTheCursorAndSaysWhatACutSkips() {
    ShapeSpec spec = new ShapeSpec(false, "/messages", null, List.of(),
        new ShapeSpec.Paging(true, null, "start", "limit", 0, null, "/next", null));
    ObjectNode body = (ObjectNode) json("{'next':'abc'}");
    ArrayNode messages = body.putArray("messages");
    for (int i = 0; i < 400; i++) {
      messages.add(json("{'id':" + i + ",'subject':'Hello number " + i + " of many','recipient':"
          + "'someone" + i + "@example.com','metrics':{'sent':1700000000,'delivered':1700000100}}"));
    }
    JsonNode shaped = Shaper.shape(spec, "list_messages", json("{'limit':400}"), body, 2_000);
    int k = shaped.path("items").size();
    assertTrue(k < 400);
    assertEquals(json("{'limit':400,'start':'abc'}"), shaped.path("next"));
    assertFalse(shaped.has("_next"), "the cursor is said once, as the next arguments");
    assertEquals("Showing " + k + " of 400 items of this page; the others did not fit the budget of"
        + " 2000 tokens. The next arguments continue after this whole page, so items " + (k + 1)
        + " to 400 of it are skipped. To see them, call list_messages again with the same"
        + " arguments and \"limit\": " + k + ", then follow each result's next.",
        shaped.path("notice").asText());
  }

  private static ShapeSpec linked() {
    return ShapeSpec.of(json("{'inputSchema':{'properties':{'page':{'type':'integer'},"
        + "'page_size':{'type':'integer'},'q':{'type':'string'}}},'shape':{'jsonApi':false,"
        + "'items':'/data','paging':{'style':'link','size':'page_size','link':'/links/next',"
        + "'query':{'page':'page','pageSize':'page_size','q':'q'}}}}"));
  }

  @Test
  void aNextLinkBecomesTheNextArguments() {
    JsonNode body = json("{'data':[{'id':1}],'links':{'next':'/v1/items?page=3&pageSize=50&q=a%20b'}}");
    JsonNode shaped = Shaper.shape(linked(), "list_items", json("{'page':2,'page_size':50}"), body,
        20_000);
    assertEquals(json("{'page':3,'page_size':50,'q':'a b'}"), shaped.path("next"));
    assertFalse(shaped.has("notice"));
    JsonNode last = Shaper.shape(linked(), "list_items", json("{}"),
        json("{'data':[{'id':1}],'links':{'next':null}}"), 20_000);
    assertFalse(last.has("next"));
  }

  @Test
  void aNextLinkWithParametersTheSubtoolDoesNotTakeIsNotOffered() {
    JsonNode body = json("{'data':[{'id':1}],'links':{'next':'/v1/items?cursor=xyz&page=2'}}");
    JsonNode shaped = Shaper.shape(linked(), "list_items", json("{}"), body, 20_000);
    assertFalse(shaped.has("next"));
    assertEquals("There is a next page, but its link has parameters list_items does not take"
        + " (cursor), so it cannot be fetched with it.", shaped.path("notice").asText());
  }

  @Test
  void anUndeclaredResultIsWrappedOnlyWhenCut() {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (int i = 0; i < 2_000; i++) {
      list.add(json("{'id':" + i + ",'name':'segment number " + i + "'}"));
    }
    JsonNode shaped = Shaper.shape(ShapeSpec.NONE, "list_segments", json("{}"), list, 1_000);
    int k = shaped.path("items").size();
    assertEquals("Showing " + k + " of 2000 items; the others did not fit the budget of 1000 tokens."
        + " This subtool has no pages, so the other items cannot be fetched apart.",
        shaped.path("notice").asText());
  }

  @Test
  void oneObjectShowsItsDefaultFieldsAndNamesEveryOtherOne() {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode thing = body.putObject("thing");
    thing.put("id", 7).put("name", "Seven").putNull("status");
    for (int i = 0; i < 40; i++) {
      thing.put("extra" + i, i);
    }
    ShapeSpec spec = new ShapeSpec(false, null, "/thing", List.of("name", "status"), null);
    JsonNode shaped = Shaper.shape(spec, "get_thing", json("{}"), body, 20_000);
    assertEquals(json("{'id':7,'name':'Seven'}"), shaped.path("item"));
    StringBuilder extras = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      extras.append(i == 0 ? "" : ", ").append("extra").append(i);
    }
    // one object names every field it hid, past the 30 a list names
    assertEquals("Fields not shown (40): " + extras + ". Ask for them with \"fields\" (their"
        + " names, or [\"all\"]).", shaped.path("notice").asText());
    JsonNode all = Shaper.shape(spec, "get_thing", json("{'fields':['all']}"), body, 20_000);
    assertEquals(42, all.path("item").size());
    assertFalse(all.has("notice"));
    JsonNode asked = Shaper.shape(spec, "get_thing", json("{'fields':['extra3','status']}"), body,
        20_000);
    assertEquals(json("{'id':7,'extra3':3}"), asked.path("item"));
    assertTrue(asked.path("notice").asText().startsWith("The object has no status (or only empty"
        + " values, which are left out). Fields not shown (40): name, extra0, extra1, extra2,"
        + " extra4,"), asked.path("notice").asText());
  }

  @Test
  void oneObjectOverTheBudgetKeepsTheFieldsThatFitAndNamesTheOthers() {
    ObjectNode big = Json.MAPPER.createObjectNode();
    for (int i = 0; i < 500; i++) {
      big.put("attribute" + i, "a value that takes some room, number " + i);
    }
    ShapeSpec spec = new ShapeSpec(false, null, "", List.of(), null);
    JsonNode shaped = Shaper.shape(spec, "get_thing", json("{}"), big, 1_000);
    int shown = shaped.path("item").size();
    assertTrue(shown > 0 && shown < 500);
    assertTrue(shaped.path("notice").asText().startsWith("Showing " + shown
        + " of 500 fields; the others did not fit the budget of 1000 tokens: attribute" + shown
        + ", "), shaped.path("notice").asText());
  }

  @Test
  void tokensAreEstimatedByRunsOfDigitsLettersAndPunctuation() {
    assertEquals(0, Tokens.estimate(""));
    assertEquals(3, Tokens.estimate("1234567")); // up to 3 digits a token: 123 456 7
    assertEquals(3, Tokens.estimate("{\"name\":"));  // {" (1) name (1) ": (1)
    assertEquals(2, Tokens.estimate("é€"));
  }

  @Test
  void longTextIsCutWithAWord() {
    String text = "x".repeat(10_000);
    JsonNode shaped = Shaper.shape(ShapeSpec.NONE, "t", json("{}"),
        com.fasterxml.jackson.databind.node.TextNode.valueOf(text), 1_000);
    assertTrue(shaped.asText().endsWith("[Cut: showing the first 1600 of 10000 characters; the rest"
        + " did not fit the budget of 1000 tokens.]"));
  }
}
