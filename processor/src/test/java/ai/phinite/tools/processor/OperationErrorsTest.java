package ai.phinite.tools.processor;

import static ai.phinite.tools.processor.TestSupport.assertOnlyError;
import static ai.phinite.tools.processor.TestSupport.compile;
import static ai.phinite.tools.processor.TestSupport.tool;
import static com.google.testing.compile.CompilationSubject.assertThat;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors about the methods of a tool: HTTP methods, paths, bindings, bodies, subtool names and
 * hints, connection tests. Each asserts the message and the line it is on.
 */
class OperationErrorsTest {
  private static final String SUBTOOL =
      "@Subtool(title = \"Get Item\", description = \"Fetch one item.\")";

  @Test
  void placeholderWithoutPathParameter() {
    JavaFileObject file = tool("@GET(\"/customers/{customer_id}\")", "Response getCustomer();");
    assertOnlyError(compile(file), file, "{customer_id} in \"/customers/{customer_id}\" has no"
        + " @Path parameter named \"customer_id\" (and no credential of that name); add a"
        + " parameter `@Path(\"customer_id\") String ...` or rename the placeholder",
        "@GET(\"/customers/{customer_id}\")");
  }

  @Test
  void pathParameterWithoutPlaceholder() {
    JavaFileObject file = tool("@GET(\"/customers\")", "Response getCustomer(",
        "    @Path String customerId);");
    assertOnlyError(compile(file), file, "@Path(\"customer_id\") has no matching {customer_id} in"
        + " \"/customers\"; rename the parameter or the placeholder", "@Path String customerId");
  }

  @Test
  void placeholderThatIsBothParameterAndCredential() {
    JavaFileObject file = tool("@GET(\"/keys/{api_key}\")", "Response key(@Path String apiKey);");
    assertOnlyError(compile(file), file,
        "{api_key} is both a @Path parameter and a credential; rename one of them", "@GET(");
  }

  @Test
  void malformedPath() {
    JavaFileObject file = tool("@GET(\"customers/{id\")", "Response get(@Path String id);");
    assertOnlyError(compile(file), file, "Path \"customers/{id\" must start with '/'", "@GET(");
  }

  @Test
  void twoBodies() {
    JavaFileObject file = tool("@POST(\"/notes\")", "Response post(",
        "    @Body JsonNode first,",
        "    @Body JsonNode second);");
    assertOnlyError(compile(file), file, "A method can have only one @Body; merge the values into"
        + " one object, or bind them as separate @BodyField parameters", "@Body JsonNode second");
  }

  @Test
  void bodyWithBodyFields() {
    JavaFileObject file = tool("@POST(\"/notes\")", "Response post(@Body JsonNode note,",
        "    @BodyField String text);");
    assertOnlyError(compile(file), file,
        "@Body takes the whole request body, so it cannot be combined with @BodyField", "post(");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET    | @Body JsonNode payload", "DELETE | @Body JsonNode payload",
      "GET    | @BodyField String name", "DELETE | @BodyField String name",
      "GET    | @BodyMerge ObjectNode extra", "DELETE | @BodyMerge ObjectNode extra"})
  void bodyParameterOnMethodWithoutBody(String method, String parameter) {
    JavaFileObject file = tool("@" + method + "(\"/items\")", "Response items(",
        "    " + parameter + ");");
    assertOnlyError(compile(file), file, "A " + method + " request has no body; remove the body"
        + " binding or use @POST, @PUT or @PATCH", parameter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "DELETE"})
  void bodyConstantOnMethodWithoutBody(String method) {
    JavaFileObject file = tool("@" + method + "(\"/items\")",
        "@BodyConstant(field = \"type\", value = \"page\")", "Response items();");
    assertOnlyError(compile(file), file, "A " + method + " request has no body", "@BodyConstant(");
  }

  @ParameterizedTest
  @ValueSource(strings = {"@BodyField(\"device..id\") String deviceId",
      "@BodyField(\"device.\") String deviceId"})
  void malformedBodyField(String parameter) {
    JavaFileObject file = tool("@POST(\"/items\")", "Response items(", "    " + parameter + ");");
    assertOnlyError(compile(file), file, "Argument \"device_id\" binds the body field",
        parameter);
  }

  @Test
  void bodyFieldBoundTwice() {
    JavaFileObject file = tool("@POST(\"/items\")", "Response items(@BodyField String name,",
        "    @BodyField(\"name\") String title);");
    assertOnlyError(compile(file), file, "Argument \"title\" binds the body field \"name\", which"
        + " is empty, malformed or bound twice; name each field once", "String title");
  }

  @Test
  void malformedBodyConstantField() {
    JavaFileObject file = tool("@POST(\"/items\")",
        "@BodyConstant(value = \"page\",", "    field = \"a..b\")", "Response items();");
    assertOnlyError(compile(file), file, "@BodyConstant(field = \"a..b\") has an empty or"
        + " malformed field name", "    field = ");
  }

  @Test
  void parameterWithoutBinding() {
    JavaFileObject file = tool("@GET(\"/items\")", "Response items(", "    String query);");
    assertOnlyError(compile(file), file, "Parameter query has no binding; annotate it with @Path,"
        + " @Query, @Header, @Body, @BodyField or @BodyMerge", "String query");
  }

  @Test
  void parameterWithTwoBindings() {
    JavaFileObject file = tool("@POST(\"/items\")", "Response items(",
        "    @Query @BodyField String name);");
    assertOnlyError(compile(file), file,
        "Parameter name has more than one binding; keep exactly one", "String name");
  }

  @Test
  void abstractMethodWithoutHttpMethod() {
    JavaFileObject file = tool(SUBTOOL, "Response getItem();");
    assertOnlyError(compile(file), file, "Method getItem has no HTTP method; annotate it with @GET,"
        + " @POST, @PUT, @PATCH or @DELETE, or make it a default method", "Response getItem()");
  }

  @Test
  void twoHttpMethods() {
    JavaFileObject file = tool("@GET(\"/a\") @POST(\"/a\")", "Response item();");
    assertOnlyError(compile(file), file,
        "Method item has more than one HTTP method annotation", "Response item()");
  }

  @Test
  void duplicateSubtoolNames() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/a\") Response getItem();",
        "@Subtool(name = \"get_item\", title = \"Fetch\", description = \"Fetch it.\")",
        "@GET(\"/b\") Response fetchItem();");
    assertOnlyError(compile(file), file, "Subtool \"get_item\" is already defined by T.getItem();"
        + " set @Subtool(name = \"...\") to make the names unique", "name = \"get_item\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"get customer", "get.customer",
      "a_name_of_sixty_five_characters_is_one_too_long_for_llm_providers"})
  void subtoolNameBreaksTheNameRule(String name) {
    JavaFileObject file = tool("@Subtool(title = \"Get\", description = \"Get it.\",",
        "    name = \"" + name + "\")", "@GET(\"/a\") Response getItem();");
    assertOnlyError(compile(file), file, "Subtool name \"" + name + "\" does not match"
        + " ^[a-zA-Z0-9_-]{1,64}$ (the strictest LLM provider rule)", "    name = ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankSubtoolDescription(String description) {
    JavaFileObject file = tool("@Subtool(title = \"Get Item\",",
        "    description = \"" + description + "\")", "@GET(\"/a\") Response getItem();");
    assertOnlyError(compile(file), file,
        "Subtool \"get_item\" has no description; write one", "    description = ");
  }

  @Test
  void subtoolParameterWithoutArg() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/items/{id}\") Response getItem(",
        "    @Path String id);");
    assertOnlyError(compile(file), file,
        "Parameter id has no @Arg; add @Arg(\"...\") describing it for the agent", "String id");
  }

  @Test
  void genericMethod() {
    JavaFileObject file = tool("@GET(\"/items\")", "<X> Response items();");
    assertOnlyError(compile(file), file, "Method items has type parameters; a subtool takes"
        + " concrete types, so remove the type parameters", "<X> Response items()");
  }

  @Test
  void overloadedMethod() {
    JavaFileObject file = tool("@GET(\"/a\") Response find(@Query String name);",
        "@GET(\"/b\") Response find(@Query Integer page);");
    assertOnlyError(compile(file), file, "Method find is overloaded; each operation needs its own"
        + " method name, so rename one of them", "Integer page");
  }

  @Test
  void unsupportedReturnTypeOfSubtool() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/a\")", "String getItem();");
    assertOnlyError(compile(file), file, "Method getItem returns java.lang.String; a subtool"
        + " returns ai.phinite.tools.runtime.Response", "String getItem()");
  }

  @Test
  void unsupportedReturnTypeOfOperation() {
    JavaFileObject file = tool("@GET(\"/a\")", "String item();");
    assertOnlyError(compile(file), file, "Method item returns java.lang.String; an operation"
        + " returns ai.phinite.tools.runtime.Response, JsonNode or void", "String item()");
  }

  @Test
  void contradictoryHints() {
    JavaFileObject file = tool("@Subtool(title = \"Get\", description = \"Get it.\",",
        "    readOnly = Hint.TRUE,", "    destructive = Hint.TRUE)", "@POST(\"/a\") Response getItem();");
    assertOnlyError(compile(file), file, "@Subtool is both readOnly and destructive; a subtool that"
        + " only reads destroys nothing, so set one of them to FALSE", "destructive = Hint.TRUE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"value = \"page\", json = \"1\"", ""})
  void bodyConstantNeedsExactlyOneOfValueAndJson(String attributes) {
    JavaFileObject file = tool("@POST(\"/items\")",
        "@BodyConstant(field = \"type\"" + (attributes.isEmpty() ? "" : ", " + attributes) + ")",
        "Response items();");
    assertOnlyError(compile(file), file, "@BodyConstant(field = \"type\") must set exactly one of"
        + " value (a string) and json (any JSON value)", "@BodyConstant(");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page", "{\\\"a\\\":", "1 2", "{} []"})
  void bodyConstantWithInvalidJson(String json) {
    JavaFileObject file = tool("@POST(\"/items\")", "@BodyConstant(field = \"type\",",
        "    json = \"" + json + "\")", "Response items();");
    assertOnlyError(compile(file), file,
        "@BodyConstant(field = \"type\") has json = \"" + json.replace("\\", "") + "\", which is"
            + " not valid JSON", "json = ");
  }

  @Test
  void connectionTestWithRequiredArguments() {
    JavaFileObject file = tool("@ConnectionTest", "@GET(\"/me\") Response me(@Query String user);");
    assertOnlyError(compile(file), file, "@ConnectionTest method me has required arguments; a"
        + " connection check runs without arguments, so make them optional or pick another"
        + " method", "@ConnectionTest");
  }

  @Test
  void connectionTestWithRequiredPrimitiveArgument() {
    // a primitive without @Arg cannot be left out either: the check would pass null to it
    JavaFileObject file = tool("@ConnectionTest", "@GET(\"/me\") Response me(@Query int limit);");
    assertOnlyError(compile(file), file, "@ConnectionTest method me has required arguments",
        "@ConnectionTest");
  }

  @Test
  void connectionTestOnDefaultMethod() {
    JavaFileObject file = tool(SUBTOOL, "@ConnectionTest", "default Response getItem() {",
        "  return null;", "}");
    assertOnlyError(compile(file), file,
        "@ConnectionTest method getItem is a default method", "@ConnectionTest");
  }

  @Test
  void bodyMergeOfNonObject() {
    JavaFileObject file = tool("@POST(\"/items\")", "Response items(",
        "    @BodyMerge List<String> extra);");
    assertOnlyError(compile(file), file, "Parameter extra has the type java.util.List<java.lang"
        + ".String>, which is not supported here; @BodyMerge merges an object into the body, so"
        + " use Map<String, Object> or ObjectNode", "List<String> extra");
  }

  @Test
  void optionalPathParameter() {
    JavaFileObject file = tool(SUBTOOL, "@GET(\"/items/{id}\") Response getItem(",
        "    @Path @Arg(value = \"The id.\", required = false) String id);");
    assertOnlyError(compile(file), file, "Argument \"id\" is bound to the path, so it is always"
        + " required; remove required = false", "String id");
  }

  @Test
  void pathParameterOfOperationWithoutArgIsRequired() {
    // not an error: without @Arg a primitive path value is required, as it must be
    assertThat(compile(tool("@GET(\"/items/{id}\") Response item(@Path long id);")))
        .succeededWithoutWarnings();
  }

  @Test
  void bindingOnDefaultMethod() {
    JavaFileObject file = tool(SUBTOOL, "default Response getItem(",
        "    @Query @Arg(\"The id.\") String id) {", "  return null;", "}");
    assertOnlyError(compile(file), file,
        "Parameter id of a default method has a binding", "String id");
  }
}
