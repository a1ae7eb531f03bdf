package ai.phinite.tools.processor;

import static ai.phinite.tools.processor.TestSupport.assertOnlyError;
import static ai.phinite.tools.processor.TestSupport.compile;
import static ai.phinite.tools.processor.TestSupport.source;
import static ai.phinite.tools.processor.TestSupport.tool;
import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** @Shape, @Paged and @JsonApi: into the descriptor, and every error they can cause. */
class ShapeTest {
  private static final String SUBTOOL =
      "@Subtool(title = \"List Items\", description = \"List items.\")";
  private static final String LIST = "@GET(\"/items\") Response list("
      + "@Query @Arg(value = \"Page.\", required = false, min = 1) Integer page,"
      + " @Query(\"pageSize\") @Arg(value = \"Size.\", required = false) Integer pageSize,"
      + " @Query @Arg(value = \"Cursor.\", required = false) String start);";

  private static JsonNode subtool(Compilation c, int index) {
    return TestSupport.descriptor(c, "t").path("subtools").get(index);
  }

  @Test
  void shapeAndPagingAreWrittenIntoTheDescriptor() {
    Compilation c = compile(tool(SUBTOOL,
        "@Shape(items = \"/data\", fields = {\"id\", \"name\"},"
            + " itemSchema = \"{\\\"type\\\": \\\"object\\\", \\\"properties\\\": {\\\"id\\\": {\\\"type\\\": \\\"string\\\"}}}\")",
        "@Paged(page = \"page\", size = \"page_size\", defaultSize = 100, more = \"/links/next\","
            + " total = \"/meta/total\")",
        LIST));
    assertThat(c).succeededWithoutWarnings();
    JsonNode s = subtool(c, 0);
    assertThat(s.path("shape").toString()).isEqualTo("{\"jsonApi\":false,\"items\":\"/data\","
        + "\"fields\":[\"id\",\"name\"],\"paging\":{\"style\":\"page\",\"page\":\"page\","
        + "\"size\":\"page_size\",\"defaultSize\":100,\"more\":\"/links/next\","
        + "\"total\":\"/meta/total\"}}");
    JsonNode fields = s.path("inputSchema").path("properties").path("fields");
    assertThat(fields.path("description").asText())
        .isEqualTo(ShapeWriter.fieldsDescription(true) + " Default: id, name.");
    assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) fields.deepCopy()).without("description").toString()).isEqualTo("{\"type\":\"array\","
        + "\"items\":{\"type\":\"string\",\"minLength\":1},\"minItems\":1,\"uniqueItems\":true}");
    JsonNode out = s.path("outputSchema");
    assertThat(out.path("required").toString()).isEqualTo("[\"items\"]");
    assertThat(out.path("properties").path("items").path("items").toString())
        .isEqualTo("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}");
    // the descriptor order: outputSchema right after inputSchema, shape last
    List<String> names = new ArrayList<>();
    s.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("name", "title", "description", "inputSchema",
        "outputSchema", "annotations", "policy", "http", "shape").inOrder();
  }

  @Test
  void jsonApiOnTheToolFlattensEverySubtool() {
    List<String> header = new ArrayList<>(TestSupport.HEADER);
    header.add(0, "@JsonApi");
    Compilation c = compile(source("T", header,
        "@Subtool(title = \"Get\", description = \"Get one.\")",
        "@Shape(item = \"/data\") @GET(\"/items/{id}\") Response get(@Path @Arg(\"Id.\") String id);",
        "@Subtool(title = \"Delete\", description = \"Delete one.\")",
        "@DELETE(\"/items/{id}\") Response delete(@Path @Arg(\"Id.\") String id);"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(subtool(c, 0).path("shape").toString())
        .isEqualTo("{\"jsonApi\":true,\"item\":\"/data\"}");
    assertThat(subtool(c, 0).path("outputSchema").path("required").toString()).isEqualTo("[\"item\"]");
    assertThat(subtool(c, 1).path("shape").toString()).isEqualTo("{\"jsonApi\":true}");
    assertThat(subtool(c, 1).has("outputSchema")).isFalse();
  }

  @Test
  void oneObjectWithDefaultFieldsGainsTheFieldsArgumentToo() {
    Compilation c = compile(tool("@Subtool(title = \"Get Item\", description = \"Get one.\")",
        "@Shape(item = \"/data\", fields = {\"name\", \"status\"})",
        "@GET(\"/items/{id}\") Response get(@Path @Arg(\"Id.\") String id);"));
    assertThat(c).succeededWithoutWarnings();
    JsonNode s = subtool(c, 0);
    assertThat(s.path("shape").toString())
        .isEqualTo("{\"jsonApi\":false,\"item\":\"/data\",\"fields\":[\"name\",\"status\"]}");
    JsonNode fields = s.path("inputSchema").path("properties").path("fields");
    assertThat(fields.path("description").asText()).isEqualTo("The fields of the object to"
        + " return. Left out: the default fields (the result names the fields it hid)."
        + " [\"all\"]: every field. Default: name, status.");
    assertThat(fields.path("type").asText()).isEqualTo("array");
    assertThat(s.path("inputSchema").path("required").toString()).isEqualTo("[\"id\"]");
    assertThat(s.path("outputSchema").path("required").toString()).isEqualTo("[\"item\"]");
  }

  @Test
  void cursorPaging() {
    Compilation c = compile(tool(SUBTOOL, "@Shape(items = \"/messages\")",
        "@Paged(cursor = \"start\", next = \"/next\", size = \"page_size\")", LIST));
    assertThat(c).succeededWithoutWarnings();
    assertThat(subtool(c, 0).path("shape").path("paging").toString()).isEqualTo(
        "{\"style\":\"cursor\",\"cursor\":\"start\",\"size\":\"page_size\",\"next\":\"/next\"}");
  }

  @Test
  void linkPagingMapsTheLinksQueryToTheArguments() {
    Compilation c = compile(tool(SUBTOOL, "@Shape(items = \"/data\")",
        "@Paged(link = \"/links/next\", size = \"page_size\")", LIST));
    assertThat(c).succeededWithoutWarnings();
    assertThat(subtool(c, 0).path("shape").path("paging").toString()).isEqualTo(
        "{\"style\":\"link\",\"size\":\"page_size\",\"link\":\"/links/next\",\"query\":"
            + "{\"page\":\"page\",\"pageSize\":\"page_size\",\"start\":\"start\"}}");
  }

  @Test
  void linkPagingWithoutQueryArguments() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\")", "@Paged(link = \"/next\")",
        "@GET(\"/items\") Response list();");
    assertOnlyError(compile(file), file, Messages.linkWithoutQuery("list"), "@Paged(link");
  }

  @Test
  void itemAndItems() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\", item = \"/x\")", LIST);
    assertOnlyError(compile(file), file, Messages.shapeItemAndItems(), "@Shape(items");
  }

  @Test
  void pointerWithoutSlash() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"data\")", LIST);
    assertOnlyError(compile(file), file, "@Shape(items = \"data\") is not a JSON Pointer; write it"
        + " from the body's root, e.g. \"/data\" or \"/meta/total\"", "@Shape(items");
  }

  @Test
  void repeatedField() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\", fields = {\"id\", \"id\"})", LIST);
    assertOnlyError(compile(file), file, "@Shape fields has \"id\", which is blank, repeated or"
        + " the reserved \"all\"; name each field of an item once", "@Shape(items");
  }

  @Test
  void fieldsArgumentTaken() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\", fields = {\"id\"})",
        "@GET(\"/items\") Response list(@Query @Arg(value = \"F.\", required = false) String fields);");
    assertOnlyError(compile(file), file, Messages.fieldsArgumentTaken("list"), "@Shape(items");
  }

  @Test
  void itemSchemaNotJson() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\", itemSchema = \"{type\")", LIST);
    assertOnlyError(compile(file), file, "@Shape itemSchema is not valid JSON; write the JSON"
        + " Schema of one shaped item", "@Shape(items");
  }

  @Test
  void itemSchemaNotAnObjectSchema() {
    JavaFileObject file = tool(SUBTOOL,
        "@Shape(items = \"/data\", itemSchema = \"{\\\"type\\\": \\\"string\\\"}\")", LIST);
    assertOnlyError(compile(file), file, "@Shape itemSchema must be an object schema",
        "@Shape(items");
  }

  @Test
  void itemSchemaTheRuntimeCannotCompile() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\", itemSchema ="
        + " \"{\\\"type\\\": \\\"object\\\", \\\"anyOf\\\": []}\")", LIST);
    assertOnlyError(compile(file), file, "@Shape itemSchema Cannot compile JSON Schema at \"/anyOf\": unsupported keyword \"anyOf\"",
        "@Shape(items");
  }

  @Test
  void pagedWithoutShape() {
    JavaFileObject file = tool(SUBTOOL, "@Paged(page = \"page\", size = \"page_size\")", LIST);
    assertOnlyError(compile(file), file, Messages.pagedWithoutItems("list"), "@Paged(page");
  }

  @Test
  void pagedOnOneObject() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(item = \"/data\")",
        "@Paged(page = \"page\", size = \"page_size\")", LIST);
    assertOnlyError(compile(file), file, Messages.pagedWithoutItems("list"), "@Paged(page");
  }

  @Test
  void pagedBothStyles() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\")",
        "@Paged(page = \"page\", cursor = \"start\", size = \"page_size\")", LIST);
    assertOnlyError(compile(file), file, Messages.pagedStyle(), "@Paged(page");
  }

  @Test
  void cursorWithoutNext() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\")", "@Paged(cursor = \"start\")", LIST);
    assertOnlyError(compile(file), file, Messages.cursorWithoutNext(), "@Paged(cursor");
  }

  @Test
  void pageWithoutSize() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\")", "@Paged(page = \"page\")", LIST);
    assertOnlyError(compile(file), file, Messages.pageWithoutSize(), "@Paged(page");
  }

  @Test
  void negativeDefaultSize() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\")",
        "@Paged(page = \"page\", size = \"page_size\", defaultSize = -1)", LIST);
    assertOnlyError(compile(file), file, Messages.badDefaultSize(-1), "@Paged(page");
  }

  @Test
  void pagedUnknownArgument() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\")",
        "@Paged(page = \"pg\", size = \"page_size\")", LIST);
    assertOnlyError(compile(file), file, "@Paged(page = \"pg\") names no argument of this subtool;"
        + " use the names the agent sees, among [page, page_size, start]", "@Paged(page");
  }

  @Test
  void pagedArgumentOfTheWrongType() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\")",
        "@Paged(page = \"start\", size = \"page_size\")", LIST);
    assertOnlyError(compile(file), file, Messages.pagedArgType("page", "start", "an Integer or Long"),
        "@Paged(page");
  }

  @Test
  void pagedPointerWithoutSlash() {
    JavaFileObject file = tool(SUBTOOL, "@Shape(items = \"/data\")",
        "@Paged(cursor = \"start\", next = \"next\")", LIST);
    assertOnlyError(compile(file), file, Messages.badPointer("@Paged", "next", "next"), "@Paged(cursor");
  }

  @Test
  void shapeOnAnOperationThatIsNoSubtool() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/items\") Response list();",
        "@Shape(item = \"/data\")", "@GET(\"/raw\") JsonNode raw();");
    assertOnlyError(compile(file), file, Messages.shapeNotSubtool("raw"), "@Shape(item");
  }
}
