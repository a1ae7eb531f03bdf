package ai.phinite.tools.processor;

import static ai.phinite.tools.processor.TestSupport.assertOnlyError;
import static ai.phinite.tools.processor.TestSupport.compile;
import static ai.phinite.tools.processor.TestSupport.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors about the arguments of a subtool: names, descriptions, Java types, schema facts and
 * defaults. Each asserts the message and the line it is on.
 */
class ArgumentErrorsTest {

  /** Tool T with {@code enum Order}, {@code record Item} and subtool list_items(parameters). */
  private static JavaFileObject listItems(String... parameters) {
    List<String> members = new ArrayList<>(List.of(
        "enum Order { ASC, DESC }",
        "record Item(@Arg(\"The item's name.\") String name) {}",
        "@Subtool(title = \"List Items\", description = \"List items.\")",
        "@POST(\"/items/search\")",
        "Response listItems("));
    for (int i = 0; i < parameters.length; i++) {
      members.add("    " + parameters[i] + (i == parameters.length - 1 ? ");" : ","));
    }
    return tool(members.toArray(String[]::new));
  }

  @Test
  void duplicateArgumentNames() {
    JavaFileObject file = listItems("@Query @Arg(\"Items per page.\") Integer pageSize",
        "@Query(\"ps\") @Arg(value = \"Items per page.\", name = \"page_size\") Integer size");
    assertOnlyError(compile(file), file, "Argument \"page_size\" is declared twice in this method;"
        + " rename one with @Arg(name = \"...\")", "Integer size");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page size", "page.size",
      "a_name_of_sixty_five_characters_is_one_too_long_for_llm_providers"})
  void argumentNameBreaksTheNameRule(String name) {
    JavaFileObject file = listItems("@Query(\"p\") @Arg(value = \"The page.\",\n"
        + "    name = \"" + name + "\") Integer page");
    assertOnlyError(compile(file), file, "Argument name \"" + name + "\" does not match"
        + " ^[a-zA-Z0-9_-]{1,64}$", "    name = ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankArgDescription(String description) {
    JavaFileObject file = listItems("@Query @Arg(\"" + description + "\") String query");
    assertOnlyError(compile(file), file, "Argument \"query\" has no description", "String query");
  }

  @Test
  void recordComponentWithoutArg() {
    JavaFileObject file = tool("record Line(",
        "    @Arg(\"The item.\") String item,",
        "    int quantity) {}",
        "@Subtool(title = \"Add Line\", description = \"Add a line.\")",
        "@POST(\"/lines\") Response addLine(@BodyField @Arg(\"The line.\") Line line);");
    assertOnlyError(compile(file), file, "Parameter quantity has no @Arg", "int quantity");
  }

  @Test
  void recordContainingItself() {
    JavaFileObject file = tool("record Node(@Arg(\"The children.\") List<Node> children) {}",
        "@Subtool(title = \"Add Tree\", description = \"Add a tree.\")",
        "@POST(\"/trees\") Response addTree(@Body @Arg(\"The tree.\") Node tree);");
    assertOnlyError(compile(file), file, "Argument children has the type test.T.Node, which is not"
        + " supported here; a record cannot contain itself", "record Node(");
  }

  static Stream<Arguments> unsupportedTypes() {
    return Stream.of(
        Arguments.of("java.util.Date when", "Argument when has the type java.util.Date, which is"
            + " not supported here; use String, int, long, double, boolean (or their boxes)"),
        Arguments.of("char initial", "Argument initial has the type char"),
        Arguments.of("int[] ids", "Argument ids has the type int[], which is not supported here;"
            + " use a List of the boxed type instead"),
        Arguments.of("Map<Integer, String> byId", "Argument byId has the type"
            + " java.util.Map<java.lang.Integer,java.lang.String>, which is not supported here; a"
            + " map argument is a JSON object, so its keys must be String"),
        Arguments.of("Object anything", "Argument anything has the type java.lang.Object"));
  }

  @ParameterizedTest
  @MethodSource("unsupportedTypes")
  void unsupportedParameterType(String parameter, String message) {
    JavaFileObject file = listItems("@BodyField @Arg(\"A value.\") " + parameter);
    assertOnlyError(compile(file), file, message, parameter);
  }

  @Test
  void primitiveOptionalArgument() {
    JavaFileObject file = listItems("@Query @Arg(value = \"Items.\", required = false) int limit");
    assertOnlyError(compile(file), file, "Parameter limit is a primitive, so it cannot be optional;"
        + " use the boxed type (e.g. Integer) or make it required", "int limit");
  }

  static Stream<Arguments> factsThatDoNotFitTheType() {
    return Stream.of(
        Arguments.of("@Arg(value = \"A name.\", min = 1) String name",
            "Argument \"name\" has min/max, which apply only to numbers; remove them"),
        Arguments.of("@Arg(value = \"A name.\", max = 10) String name",
            "Argument \"name\" has min/max, which apply only to numbers"),
        Arguments.of("@Arg(value = \"A count.\", min = 5, max = 1) Integer count",
            "Argument \"count\" has min 5 above max 1"),
        Arguments.of("@Arg(value = \"A count.\", maxLength = 3) Integer count",
            "Argument \"count\" has minLength/maxLength/maxBytes/pattern, which apply only to strings"),
        Arguments.of("@Arg(value = \"A name.\", minItems = 1) String name",
            "Argument \"name\" has minItems/maxItems, which apply only to lists"),
        Arguments.of("@Arg(value = \"A count.\", allowed = {\"1\", \"2\"}) Integer count",
            "Argument \"count\" has allowed values, which apply only to strings"),
        Arguments.of("@Arg(value = \"A mail.\", format = \"phone\") String mail",
            "Argument \"mail\" has the unknown format \"phone\"; use one of [date-time, email,"
                + " unix-seconds, uri]"),
        Arguments.of("@Arg(value = \"A count.\", format = \"email\") Integer count",
            "Argument \"count\" has the format \"email\", which does not apply to its type"));
  }

  @ParameterizedTest
  @MethodSource("factsThatDoNotFitTheType")
  void factThatDoesNotFitTheType(String parameter, String message) {
    JavaFileObject file = listItems("@BodyField " + parameter);
    assertOnlyError(compile(file), file, message, parameter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[a-", "(unclosed", "*"})
  void patternThatDoesNotCompile(String pattern) {
    JavaFileObject file = listItems(
        "@Query @Arg(value = \"A code.\", pattern = \"" + pattern + "\") String code");
    assertOnlyError(compile(file), file, "Argument \"code\" has a pattern that does not compile (",
        "String code");
  }

  static Stream<Arguments> badDefaults() {
    return Stream.of(
        Arguments.of("defaultValue = \"abc\") Integer limit",
            "defaultValue \"abc\" of argument \"limit\" does not parse as an integer; fix the"
                + " default or the argument's type and bounds"),
        Arguments.of("defaultValue = \"1.5\") Long limit", "does not parse as an integer"),
        Arguments.of("defaultValue = \"x\") Double ratio", "does not parse as a number"),
        Arguments.of("min = 1, max = 100, defaultValue = \"500\") Integer limit",
            "defaultValue \"500\" of argument \"limit\" is above max 100"),
        Arguments.of("min = 1, max = 100, defaultValue = \"0\") Integer limit",
            "defaultValue \"0\" of argument \"limit\" is below min 1"),
        Arguments.of("allowed = {\"asc\", \"desc\"}, defaultValue = \"up\") String order",
            "defaultValue \"up\" of argument \"order\" is not one of the allowed values [asc, desc]"),
        Arguments.of("maxLength = 2, defaultValue = \"long\") String code",
            "defaultValue \"long\" of argument \"code\" is longer than maxLength 2"),
        Arguments.of("defaultValue = \"asc\") Order order",
            "defaultValue \"asc\" of argument \"order\" is not one of the enum constants [ASC, DESC]"),
        Arguments.of("defaultValue = \"yes\") Boolean all",
            "defaultValue \"yes\" of argument \"all\" is not true or false"),
        Arguments.of("defaultValue = \"a\") List<String> tags",
            "defaultValue \"a\" of argument \"tags\" cannot be written for a list argument"));
  }

  @ParameterizedTest
  @MethodSource("badDefaults")
  void defaultThatDoesNotFit(String attributesAndParameter, String message) {
    String parameter = "@BodyField @Arg(value = \"A value.\", required = false, "
        + attributesAndParameter;
    JavaFileObject file = listItems(parameter);
    assertOnlyError(compile(file), file, message, parameter);
  }

  @Test
  void defaultOnRequiredArgument() {
    JavaFileObject file = listItems("@Query @Arg(value = \"Items.\", defaultValue = \"10\") Integer limit");
    assertOnlyError(compile(file), file, "Argument \"limit\" is required, so its defaultValue would"
        + " never be used; set required = false or remove the default", "Integer limit");
  }

  @Test
  void jsonTypesOnNonJsonNode() {
    JavaFileObject file = listItems(
        "@BodyField @Arg(value = \"An id.\", jsonTypes = {\"string\", \"integer\"}) String id");
    assertOnlyError(compile(file), file, "Argument \"id\" has jsonTypes, which apply only to a"
        + " JsonNode argument; declare it as JsonNode", "String id");
  }

  @Test
  void unknownJsonType() {
    JavaFileObject file = listItems(
        "@BodyField @Arg(value = \"An id.\", jsonTypes = {\"string\", \"date\"}) JsonNode id");
    assertOnlyError(compile(file), file, "Argument \"id\" has the unknown JSON type \"date\"; use"
        + " [string, integer, number, boolean, object, array]", "JsonNode id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"name\"}", "{\"name\", \"name\"}"})
  void atMostOneOfWithFewerThanTwoNames(String names) {
    JavaFileObject file = tool("@AtMostOneOf(" + names + ")", "@GET(\"/items\")",
        "Response items(@Query String name, @Query String email);");
    assertOnlyError(compile(file), file,
        "@AtMostOneOf needs at least two different argument names", "@AtMostOneOf(");
  }

  @Test
  void atMostOneOfNamingNoArgument() {
    JavaFileObject file = tool("@AtMostOneOf({\"name\", \"mail\"})", "@GET(\"/items\")",
        "Response items(@Query String name, @Query String email);");
    assertOnlyError(compile(file), file, "@AtMostOneOf names \"mail\", which is not an argument of"
        + " this method; use the names the agent sees, among [name, email]", "@AtMostOneOf(");
  }

  /** Subtool items(name, email, phone) with the given {@code @Requires} lines. */
  private static JavaFileObject itemsRequiring(String... requires) {
    List<String> members = new ArrayList<>(List.of(requires));
    members.addAll(List.of("@GET(\"/items\")",
        "Response items(@Query String name, @Query String email, @Query String phone);"));
    return tool(members.toArray(String[]::new));
  }

  @Test
  void requiresNamingNoArgument() {
    JavaFileObject file = itemsRequiring("@Requires(", "    arg = \"mail\",",
        "    anyOf = \"name\")");
    assertOnlyError(compile(file), file, "@Requires arg names \"mail\", which is not an argument"
        + " of this method; use the names the agent sees, among [name, email, phone]",
        "arg = \"mail\"");
  }

  @Test
  void requiresAnyOfNamingNoArgument() {
    JavaFileObject file = itemsRequiring("@Requires(arg = \"email\",",
        "    anyOf = {\"name\", \"fone\"})");
    assertOnlyError(compile(file), file, "@Requires anyOf names \"fone\", which is not an argument"
        + " of this method; use the names the agent sees, among [name, email, phone]",
        "anyOf = {");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"name\", \"name\"}"})
  void requiresWithoutAlternatives(String anyOf) {
    JavaFileObject file = itemsRequiring("@Requires(arg = \"email\",", "    anyOf = " + anyOf + ")");
    assertOnlyError(compile(file), file, "@Requires(arg = \"email\") needs anyOf to list at least"
        + " one argument, each once: the arguments of which one must be given with \"email\"",
        "anyOf = ");
  }

  @Test
  void requiresItself() {
    JavaFileObject file = itemsRequiring("@Requires(arg = \"email\",",
        "    anyOf = {\"name\", \"email\"})");
    assertOnlyError(compile(file), file, "@Requires(arg = \"email\") lists \"email\" in its own"
        + " anyOf; list only the other arguments it needs", "anyOf = {");
  }

  @Test
  void requiresTheSameArgumentTwice() {
    // javac cannot place a message on one of several repeated annotations (they sit in a
    // container it synthesizes, which has no source position), so it lands on the method
    JavaFileObject file = itemsRequiring("@Requires(arg = \"email\", anyOf = \"name\")",
        "@Requires(", "    arg = \"email\", anyOf = \"phone\")");
    assertOnlyError(compile(file), file, "@Requires(arg = \"email\") is declared twice on this"
        + " method; merge them into one whose anyOf lists every argument \"email\" may come with",
        "Response items(");
  }

  @Test
  void badExample() {
    JavaFileObject file = listItems(
        "@Query @Arg(value = \"Items.\", min = 1, examples = {\"5\", \"0\"}) Integer limit");
    assertOnlyError(compile(file), file,
        "Argument \"limit\" has the example \"0\", which is below min 1", "Integer limit");
  }
}
