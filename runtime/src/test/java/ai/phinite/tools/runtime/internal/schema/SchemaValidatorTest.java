package ai.phinite.tools.runtime.internal.schema;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper DECIMAL_MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Parses JSON written with single quotes for readability. */
  private static JsonNode j(String json) {
    try {
      return MAPPER.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<SchemaProblem> validate(String schema, String instance) {
    return SchemaValidator.compile(j(schema)).validate(j(instance));
  }

  private static SchemaProblem p(String pointer, String message) {
    return new SchemaProblem(pointer, message);
  }

  private static void assertValid(String schema, String... instances) {
    SchemaValidator v = SchemaValidator.compile(j(schema));
    for (String instance : instances) {
      assertThat(v.validate(j(instance))).isEmpty();
    }
  }

  private static void assertProblems(String schema, String instance, SchemaProblem... expected) {
    assertThat(validate(schema, instance)).containsExactlyElementsIn(expected).inOrder();
  }

  private static String compileError(String schema) {
    return assertThrows(IllegalArgumentException.class, () -> SchemaValidator.compile(j(schema)))
        .getMessage();
  }

  @Nested
  class Type {
    @Test
    void acceptsEachTypeName() {
      assertValid("{'type':'object'}", "{}", "{'a':1}");
      assertValid("{'type':'array'}", "[]", "[1,'a']");
      assertValid("{'type':'string'}", "''", "'x'");
      assertValid("{'type':'integer'}", "0", "-7", "5.0", "1e3", "12345678901234567890123");
      assertValid("{'type':'number'}", "1", "1.5", "-2e-3");
      assertValid("{'type':'boolean'}", "true", "false");
      assertValid("{'type':'null'}", "null");
      assertValid("{'type':['string','null']}", "'x'", "null");
    }

    @Test
    void wrongTypeNamesBothAndShowsShortScalars() {
      assertProblems("{'type':'string'}", "42", p("", "must be a string, not a number 42"));
      assertProblems(
          "{'type':'integer'}", "'12'", p("", "must be an integer, not a string \"12\""));
      assertProblems("{'type':'integer'}", "5.5", p("", "must be an integer, not a number 5.5"));
      assertProblems("{'type':'object'}", "[1]", p("", "must be an object, not an array"));
      assertProblems("{'type':'array'}", "{}", p("", "must be an array, not an object"));
      assertProblems("{'type':'number'}", "true", p("", "must be a number, not a boolean true"));
      assertProblems("{'type':'boolean'}", "null", p("", "must be a boolean, not null"));
      assertProblems("{'type':'null'}", "0", p("", "must be null, not a number 0"));
      assertProblems(
          "{'type':['string','null']}",
          "false",
          p("", "must be a string or null, not a boolean false"));
      assertProblems(
          "{'type':['object','array','null']}",
          "'x'",
          p("", "must be an object, an array or null, not a string \"x\""));
    }

    @Test
    void longStringsAreCutInMessages() {
      String long50 = "a".repeat(50);
      assertProblems(
          "{'type':'integer'}",
          "'" + long50 + "'",
          p("", "must be an integer, not a string \"" + "a".repeat(40) + "\"... (50 characters)"));
    }

    @Test
    void integerAcceptsZeroFractionInEveryNumberRepresentation() throws Exception {
      SchemaValidator v = SchemaValidator.compile(j("{'type':'integer'}"));
      assertThat(v.validate(DECIMAL_MAPPER.readTree("5.0"))).isEmpty();
      assertThat(v.validate(DECIMAL_MAPPER.readTree("5.000"))).isEmpty();
      assertThat(v.validate(DECIMAL_MAPPER.readTree("5.01"))).hasSize(1);
      assertThat(v.validate(DoubleNode.valueOf(Double.NaN))).hasSize(1);
      assertThat(v.validate(DoubleNode.valueOf(Double.POSITIVE_INFINITY))).hasSize(1);
    }

    @Test
    void wrongTypeSuppressesTheOtherKeywordsOfThatValue() {
      assertProblems(
          "{'type':'string','enum':['a','b'],'minLength':3}",
          "5",
          p("", "must be a string, not a number 5"));
    }

    @Test
    void keywordsForOtherTypesDoNotApply() {
      assertValid(
          "{'minLength':3,'minimum':5,'minItems':2,'required':['a'],'pattern':'^x'}",
          "null",
          "true",
          "'xyz'",
          "7",
          "[1,2]",
          "{'a':1}");
    }
  }

  @Nested
  class ObjectKeywords {
    private static final String SCHEMA =
        "{'type':'object','properties':{"
            + "'customer_id':{'type':'string','description':'The customer ID, e.g. cus_123.'},"
            + "'page_size':{'type':'integer','minimum':1,'maximum':100},"
            + "'cursor':{'type':'string'}},"
            + "'required':['customer_id','cursor'],'additionalProperties':false}";

    @Test
    void validObject() {
      assertValid(
          SCHEMA,
          "{'customer_id':'c','cursor':'x'}",
          "{'customer_id':'c','cursor':'x','page_size':5}");
    }

    @Test
    void missingRequiredPropertyIsReportedAtItsOwnPointerWithItsDescription() {
      assertProblems(
          SCHEMA,
          "{}",
          p("/customer_id", "is required but missing (The customer ID, e.g. cus_123.)"),
          p("/cursor", "is required but missing"));
    }

    @Test
    void nullCountsAsPresent() {
      assertValid("{'required':['a']}", "{'a':null}");
    }

    @Test
    void unknownPropertyListsTheAllowedOnes() {
      assertProblems(
          SCHEMA,
          "{'customer_id':'c','cursor':'x','limit':5}",
          p("/limit", "is not an allowed argument; allowed: customer_id, page_size, cursor"));
    }

    @Test
    void unknownPropertySuggestsANameThatDiffersOnlyInCaseOrSeparators() {
      assertProblems(
          SCHEMA,
          "{'customer_id':'c','cursor':'x','pageSize':5}",
          p(
              "/pageSize",
              "is not an allowed argument; allowed: customer_id, page_size, cursor"
                  + " (did you mean page_size?)"));
    }

    @Test
    void noPropertiesAllowedAtAll() {
      assertProblems(
          "{'additionalProperties':false}",
          "{'x':1}",
          p("/x", "is not an allowed argument; no arguments are allowed here"));
    }

    @Test
    void additionalPropertiesAbsentOrTrueAllowsAnything() {
      assertValid("{'properties':{'a':{'type':'string'}}}", "{'a':'x','b':[1]}");
      assertValid("{'properties':{'a':true},'additionalProperties':true}", "{'a':1,'b':2}");
    }

    @Test
    void additionalPropertiesSchemaAppliesToUndeclaredProperties() {
      String schema =
          "{'properties':{'a':{'type':'string'}},'additionalProperties':{'type':'integer'}}";
      assertValid(schema, "{'a':'x','b':1,'c':2}");
      assertProblems(
          schema, "{'a':'x','b':'y'}", p("/b", "must be an integer, not a string \"y\""));
    }

    @Test
    void propertyCounts() {
      String schema = "{'minProperties':1,'maxProperties':2}";
      assertValid(schema, "{'a':1}", "{'a':1,'b':2}");
      assertProblems(schema, "{}", p("", "must have at least 1 property; got 0"));
      assertProblems(schema, "{'a':1,'b':2,'c':3}", p("", "must have at most 2 properties; got 3"));
    }

    @Test
    void propertyNamesAreCheckedAtTheKeysOwnPointer() {
      String schema = "{'propertyNames':{'pattern':'^[a-z_]+$','maxLength':5}}";
      assertValid(schema, "{'ab':1,'a_b':2}");
      assertProblems(
          schema,
          "{'ok':1,'Bad':2,'toolong':3}",
          p("/Bad", "property name must match the pattern ^[a-z_]+$; got \"Bad\""),
          p("/toolong", "property name must be at most 5 characters long; got 7"));
    }

    @Test
    void exclusivePropertiesAllowAtMostOne() {
      String schema = "{'type':'object','x-exclusive':['email','phone','id']}";
      assertValid(schema, "{}", "{'email':'a'}", "{'phone':'1','other':2}");
      assertProblems(
          schema,
          "{'id':1,'email':'a'}",
          p("", "must not contain email and id together; send only one of email, phone, id"));
      assertProblems(
          schema,
          "{'id':1,'email':'a','phone':'2'}",
          p(
              "",
              "must not contain email, phone and id together; send only one of email, phone, id"));
    }

    @Test
    void requiresAnyOfNamesWhatAPropertyNeedsAtItsPointer() {
      String schema =
          "{'type':'object','x-requiresAnyOf':{'id_flag':['ids','rows','file'],'mail_flag':['emails']}}";
      assertValid(
          schema,
          "{}",
          "{'ids':[1]}",
          "{'id_flag':true,'ids':[1]}",
          "{'id_flag':false,'file':'f'}",
          "{'mail_flag':true,'emails':['a']}");
      assertProblems(
          schema,
          "{'emails':['a'],'id_flag':true}",
          p(
              "/id_flag",
              "may be given only together with one of ids, rows or file, and none of them is"
                  + " given; add one of them, or leave id_flag out"));
      assertProblems(
          schema,
          "{'mail_flag':false,'id_flag':true}",
          p(
              "/id_flag",
              "may be given only together with one of ids, rows or file, and none of them is"
                  + " given; add one of them, or leave id_flag out"),
          p(
              "/mail_flag",
              "may be given only together with emails, which is not given; add emails, or leave"
                  + " mail_flag out"));
    }

    @Test
    void requiresAnyOfComesBeforeTheProblemsInsideProperties() {
      String schema =
          "{'type':'object','properties':{'flag':{'type':'boolean'}},"
              + "'x-requiresAnyOf':{'flag':['ids']}}";
      assertProblems(
          schema,
          "{'flag':'yes'}",
          p(
              "/flag",
              "may be given only together with ids, which is not given; add ids, or leave flag"
                  + " out"),
          p("/flag", "must be a boolean, not a string \"yes\""));
    }

    @Test
    void nestedPointers() {
      String schema =
          "{'properties':{'primary':{'type':'object','properties':{'email':{'format':'email'}}}}}";
      assertProblems(
          schema,
          "{'primary':{'email':'nope'}}",
          p("/primary/email", "must be an email address like name@example.com; got \"nope\""));
    }

    @Test
    void pointersEscapeTildeAndSlash() {
      String schema =
          "{'properties':{'a/b':{'type':'string'},'c~d':{'type':'string'}},'required':['e~/f']}";
      assertProblems(
          schema,
          "{'a/b':1,'c~d':2}",
          p("/e~0~1f", "is required but missing"),
          p("/a~1b", "must be a string, not a number 1"),
          p("/c~0d", "must be a string, not a number 2"));
      assertThat(SchemaValidator.pointerOf("", "a/b~c")).isEqualTo("/a~1b~0c");
      assertThat(SchemaValidator.pointerOf("/x", "~1")).isEqualTo("/x/~01");
      assertThat(SchemaValidator.pointerOf("/ids", 3)).isEqualTo("/ids/3");
    }
  }

  @Nested
  class ArrayKeywords {
    @Test
    void itemsAndCounts() {
      String schema = "{'type':'array','items':{'type':'integer'},'minItems':1,'maxItems':3}";
      assertValid(schema, "[1]", "[1,2,3]");
      assertProblems(schema, "[]", p("", "must have at least 1 item; got 0"));
      assertProblems(schema, "[1,2,3,4]", p("", "must have at most 3 items; got 4"));
      assertProblems(
          schema,
          "[1,'x',3,true]",
          p("", "must have at most 3 items; got 4"),
          p("/1", "must be an integer, not a string \"x\""),
          p("/3", "must be an integer, not a boolean true"));
    }

    @Test
    void largeCounts() {
      String schema = "{'maxItems':1000}";
      ArrayNode big = NODES.arrayNode();
      IntStream.range(0, 1001).forEach(big::add);
      assertThat(SchemaValidator.compile(j(schema)).validate(big))
          .containsExactly(p("", "must have at most 1000 items; got 1001"));
      assertProblems("{'minItems':2}", "[1]", p("", "must have at least 2 items; got 1"));
    }

    @Test
    void uniqueItemsReportsEachLaterDuplicate() {
      String schema = "{'uniqueItems':true}";
      assertValid(schema, "[]", "[1,2,'1',[1],{'a':1},{'a':2}]");
      assertProblems(
          schema,
          "[1,'a',1.0,{'x':1,'y':[2]},{'y':[2.0],'x':1}]",
          p("/2", "is a duplicate of item 0; all items must be unique"),
          p("/4", "is a duplicate of item 3; all items must be unique"));
      assertValid("{'uniqueItems':false}", "[1,1]");
    }

    @Test
    void uniqueItemsOnLargeArraysUsesJsonEquality() {
      ArrayNode big = NODES.arrayNode();
      IntStream.range(0, 100).forEach(big::add);
      big.add(NODES.numberNode(new java.math.BigDecimal("42.00")));
      SchemaValidator v = SchemaValidator.compile(j("{'uniqueItems':true}"));
      assertThat(v.validate(big))
          .containsExactly(p("/100", "is a duplicate of item 42; all items must be unique"));
      big.remove(100);
      assertThat(v.validate(big)).isEmpty();
    }

    @Test
    void duplicatesAndItemProblemsComeInDocumentOrder() {
      assertProblems(
          "{'uniqueItems':true,'items':{'type':'string','maxLength':2}}",
          "['ab','abc','ab']",
          p("/1", "must be at most 2 characters long; got 3"),
          p("/2", "is a duplicate of item 0; all items must be unique"));
    }

    @Test
    void falseItemsSchema() {
      assertValid("{'items':false}", "[]");
      assertProblems("{'items':false}", "[1]", p("/0", "is not allowed here"));
    }
  }

  @Nested
  class EnumConstNot {
    @Test
    void enumListsTheAllowedValues() {
      String schema = "{'enum':['in','out']}";
      assertValid(schema, "'in'", "'out'");
      assertProblems(
          schema, "'sideways'", p("", "must be one of \"in\", \"out\"; got \"sideways\""));
      assertProblems(schema, "3", p("", "must be one of \"in\", \"out\"; got 3"));
      assertProblems("{'enum':['only']}", "'x'", p("", "must be \"only\"; got \"x\""));
    }

    @Test
    void enumUsesJsonEquality() {
      String schema = "{'enum':[1,'a',null,{'k':[1,2]}]}";
      assertValid(schema, "1", "1.0", "'a'", "null", "{'k':[1.0,2]}");
      assertProblems(schema, "2", p("", "must be one of 1, \"a\", null, {\"k\":[1,2]}; got 2"));
      assertProblems(
          schema,
          "{'k':[2,1]}",
          p("", "must be one of 1, \"a\", null, {\"k\":[1,2]}; got an object"));
    }

    @Test
    void constUsesJsonEquality() {
      assertValid("{'const':1.0}", "1", "1.0", "1.00");
      assertValid("{'const':{'a':1,'b':[true]}}", "{'b':[true],'a':1.0}");
      assertProblems("{'const':'v1'}", "'v2'", p("", "must be \"v1\"; got \"v2\""));
      assertProblems("{'const':1}", "'1'", p("", "must be 1; got \"1\""));
    }

    @Test
    void notEnum() {
      String schema = "{'type':'string','not':{'enum':['.','..']}}";
      assertValid(schema, "'a'", "'...'");
      assertProblems(schema, "'..'", p("", "must not be one of \".\", \"..\"; got \"..\""));
    }

    @Test
    void notOfOtherSchemas() {
      assertProblems("{'not':{'const':0}}", "0.0", p("", "must not be 0; got 0.0"));
      assertProblems(
          "{'not':{'type':'string','minLength':2}}",
          "'ab'",
          p(
              "",
              "must not be valid against the schema {\"type\":\"string\",\"minLength\":2}; got"
                  + " \"ab\""));
      assertValid("{'not':{'type':'string','minLength':2}}", "'a'", "5");
      assertProblems("{'not':{}}", "5", p("", "must not be any value; got 5"));
    }
  }

  @Nested
  class Numbers {
    @Test
    void bounds() {
      String schema = "{'type':'integer','minimum':1,'maximum':100}";
      assertValid(schema, "1", "100", "50.0");
      assertProblems(schema, "0", p("", "must be at least 1; got 0"));
      assertProblems(schema, "500", p("", "must be at most 100; got 500"));
    }

    @Test
    void exclusiveBounds() {
      String schema = "{'exclusiveMinimum':0,'exclusiveMaximum':1.5}";
      assertValid(schema, "0.001", "1", "1.49");
      assertProblems(schema, "0", p("", "must be greater than 0; got 0"));
      assertProblems(schema, "-0.0", p("", "must be greater than 0; got -0.0"));
      assertProblems(schema, "1.5", p("", "must be less than 1.5; got 1.5"));
    }

    @Test
    void boundsAreShownAsWritten() {
      assertProblems("{'maximum':1e3}", "1001", p("", "must be at most 1000; got 1001"));
      assertProblems("{'minimum':0.25}", "0.2", p("", "must be at least 0.25; got 0.2"));
    }

    @Test
    void bigLongsAreComparedExactly() {
      // 2^53 + 1 and 2^53 are the same double.
      assertProblems(
          "{'maximum':9007199254740992}",
          "9007199254740993",
          p("", "must be at most 9007199254740992; got 9007199254740993"));
      assertValid("{'maximum':9223372036854775807}", "9223372036854775807");
      assertProblems(
          "{'maximum':9223372036854775807}",
          "9223372036854775808",
          p("", "must be at most 9223372036854775807; got 9223372036854775808"));
      assertProblems(
          "{'exclusiveMinimum':-9223372036854775808}",
          "-9223372036854775808",
          p("", "must be greater than -9223372036854775808; got -9223372036854775808"));
      assertValid("{'minimum':0.1}", "0.1");
    }

    @Test
    void decimalInstances() throws Exception {
      SchemaValidator v = SchemaValidator.compile(j("{'maximum':0.3}"));
      assertThat(v.validate(DECIMAL_MAPPER.readTree("0.30000000000000000001")))
          .containsExactly(p("", "must be at most 0.3; got 0.30000000000000000001"));
      assertThat(v.validate(DECIMAL_MAPPER.readTree("0.3"))).isEmpty();
    }

    @Test
    void nonFiniteNumbersNeverThrow() {
      SchemaValidator v = SchemaValidator.compile(j("{'minimum':0,'maximum':10}"));
      assertThat(v.validate(DoubleNode.valueOf(Double.NaN)))
          .containsExactly(
              p("", "must be at least 0; got NaN"), p("", "must be at most 10; got NaN"));
      assertThat(v.validate(DoubleNode.valueOf(Double.POSITIVE_INFINITY)))
          .containsExactly(p("", "must be at most 10; got Infinity"));
    }

    @Test
    void unixSeconds() {
      String schema = "{'type':'integer','format':'unix-seconds'}";
      assertValid(schema, "1700000000", "1000000000", "9999999999", "1700000000.0");
      assertProblems(
          schema,
          "1700000000123",
          p(
              "",
              "must be a Unix timestamp in whole seconds (10 digits, e.g. 1700000000); got"
                  + " 1700000000123, which looks like milliseconds; divide it by 1000"
                  + " (e.g. 1700000000)"));
      assertProblems(
          schema,
          "999999999",
          p(
              "",
              "must be a Unix timestamp in whole seconds (10 digits, e.g. 1700000000); got"
                  + " 999999999"));
      assertProblems(
          "{'format':'unix-seconds'}",
          "1700000000.5",
          p(
              "",
              "must be a Unix timestamp in whole seconds (10 digits, e.g. 1700000000); got"
                  + " 1700000000.5"));
      assertValid("{'format':'unix-seconds'}", "'not a number'");
    }
  }

  @Nested
  class Strings {
    @Test
    void lengthsCountCodePoints() {
      String schema = "{'minLength':2,'maxLength':3}";
      assertValid(schema, "'ab'", "'abc'", "'\uD83D\uDE00\uD83D\uDE00'", "'a\uD83D\uDE00'");
      assertProblems(schema, "'\uD83D\uDE00'", p("", "must be at least 2 characters long; got 1"));
      assertProblems(
          schema,
          "'\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00'",
          p("", "must be at most 3 characters long; got 4"));
      assertProblems("{'minLength':1}", "''", p("", "must be at least 1 character long; got 0"));
      assertValid("{'maxLength':1}", "'\uD83D\uDE00'");
    }

    @Test
    void maxLengthMessage() {
      assertProblems(
          "{'maxLength':100}",
          "'" + "x".repeat(130) + "'",
          p("", "must be at most 100 characters long; got 130"));
    }

    @Test
    void maxBytesCountsUtf8() {
      String schema = "{'x-maxBytes':4}";
      assertValid(schema, "'abcd'", "'\u00e9\u00e9'", "'\uD83D\uDE00'", "''");
      assertProblems(
          schema,
          "'\u00e9\u00e9a'",
          p(
              "",
              "must be at most 4 bytes long when encoded as UTF-8 (the limit is in bytes, not"
                  + " characters); got 5 bytes"));
      assertProblems(
          schema,
          "'\u20ac\u20ac'",
          p(
              "",
              "must be at most 4 bytes long when encoded as UTF-8 (the limit is in bytes, not"
                  + " characters); got 6 bytes"));
    }

    @Test
    void patternIsAnUnanchoredSearch() {
      assertValid("{'pattern':'b+'}", "'abbbc'");
      assertProblems(
          "{'pattern':'^[a-z]+$'}", "'ABC'", p("", "must match the pattern ^[a-z]+$; got \"ABC\""));
    }

    @Test
    void dollarMatchesOnlyAtTheVeryEnd() {
      assertProblems(
          "{'pattern':'^[a-z]+$'}",
          "'abc\\n'",
          p("", "must match the pattern ^[a-z]+$; got \"abc\\n\""));
    }

    @Test
    void ecmaSyntaxDifferences() {
      assertValid("{'pattern':'^[[]$'}", "'['");
      assertValid("{'pattern':'^a[^]c$'}", "'a\\nc'");
      assertValid("{'pattern':'^[&&]+$'}", "'&&'");
      assertValid("{'pattern':'^\\\\u{1F600}$'}", "'\uD83D\uDE00'");
      assertProblems("{'pattern':'[]'}", "'x'", p("", "must match the pattern []; got \"x\""));
      assertThat(EcmaRegex.translate("^a$\\$[$]")).isEqualTo("^a\\z\\$[$]");
    }

    @Test
    void catastrophicBacktrackingIsCutShort() {
      // Without a bound this search takes minutes on java.util.regex.
      String schema = "{'pattern':'(x+x+)+y'}";
      long start = System.nanoTime();
      assertProblems(
          schema,
          "'" + "x".repeat(3000) + "'",
          p(
              "",
              "could not be checked against the pattern (x+x+)+y because it is too long or"
                  + " complex for it; send a shorter value"));
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000L);
      assertValid(schema, "'" + "x".repeat(3000) + "y'");
    }

    @Test
    void deepRegexRecursionDoesNotEscape() {
      SchemaValidator v = SchemaValidator.compile(j("{'pattern':'^(a|b)*$'}"));
      // java.util.regex recurses once per repetition here and overflows the stack.
      assertThat(v.validate(TextNode.valueOf("ab".repeat(200_000))))
          .containsExactly(
              p(
                  "",
                  "could not be checked against the pattern ^(a|b)*$ because it is too long or"
                      + " complex for it; send a shorter value"));
      assertThat(v.validate(TextNode.valueOf("ab".repeat(100)))).isEmpty();
    }

    @Test
    void formats() {
      assertValid("{'format':'email'}", "'a@b'", "'first.last+tag@example.co.uk'", "5");
      String email = "must be an email address like name@example.com; got ";
      assertProblems("{'format':'email'}", "'a@b@c'", p("", email + "\"a@b@c\""));
      assertProblems("{'format':'email'}", "'@b'", p("", email + "\"@b\""));
      assertProblems("{'format':'email'}", "'a@'", p("", email + "\"a@\""));
      assertProblems("{'format':'email'}", "'a b@c'", p("", email + "\"a b@c\""));

      assertValid(
          "{'format':'uri'}", "'https://example.com/a?b=c'", "'mailto:a@b.c'", "'urn:isbn:1'");
      String uri = "must be an absolute URI with a scheme, like https://example.com/path; got ";
      assertProblems("{'format':'uri'}", "'/relative/path'", p("", uri + "\"/relative/path\""));
      assertProblems(
          "{'format':'uri'}", "'https://exa mple.com'", p("", uri + "\"https://exa mple.com\""));

      assertValid(
          "{'format':'date-time'}",
          "'2024-01-31T13:45:00Z'",
          "'2024-01-31t13:45:00.123+05:30'",
          "'2024-02-29T00:00:00-08:00'");
      String dt =
          "must be an RFC 3339 date-time with a time zone offset, like 2024-01-31T13:45:00Z; got ";
      assertProblems("{'format':'date-time'}", "'2024-01-31'", p("", dt + "\"2024-01-31\""));
      assertProblems(
          "{'format':'date-time'}", "'2024-01-31T13:45Z'", p("", dt + "\"2024-01-31T13:45Z\""));
      assertProblems(
          "{'format':'date-time'}",
          "'2023-02-29T00:00:00Z'",
          p("", dt + "\"2023-02-29T00:00:00Z\""));
      assertProblems(
          "{'format':'date-time'}", "'2024-01-31T13:45:00'", p("", dt + "\"2024-01-31T13:45:00\""));

      assertValid("{'format':'hostname'}", "'!!not a host!!'");
    }
  }

  @Nested
  class Whole {
    @Test
    void everyProblemInDocumentOrder() {
      String schema =
          "{'type':'object','required':['direction','ids','to'],'additionalProperties':false,"
              + "'properties':{"
              + "'direction':{'enum':['in','out']},"
              + "'page_size':{'type':'integer','minimum':1,'maximum':100},"
              + "'ids':{'type':'array','items':{'type':'string','pattern':'^[0-9]+$'}},"
              + "'to':{'type':'string'}}}";
      assertProblems(
          schema,
          "{'page_size':500,'ids':['1','x2',3],'extra':true,'direction':'sideways'}",
          p("/to", "is required but missing"),
          p("/page_size", "must be at most 100; got 500"),
          p("/ids/1", "must match the pattern ^[0-9]+$; got \"x2\""),
          p("/ids/2", "must be a string, not a number 3"),
          p("/extra", "is not an allowed argument; allowed: direction, page_size, ids, to"),
          p("/direction", "must be one of \"in\", \"out\"; got \"sideways\""));
    }

    @Test
    void annotationsAreIgnored() {
      assertValid(
          "{'$schema':'https://json-schema.org/draft/2020-12/schema','$id':'x','title':'t',"
              + "'description':'d','default':1,'examples':[1],'deprecated':true,'readOnly':false,"
              + "'writeOnly':false,'$comment':'c','x-anything':{'$ref':'#'},'format':'color',"
              + "'type':'integer'}",
          "1");
    }

    @Test
    void booleanSchemas() {
      assertValid("true", "1", "{}", "null");
      assertValid("{}", "1", "[[[]]]");
      assertProblems("false", "1", p("", "is not allowed here"));
    }

    @Test
    void nullAndMissingInstancesAreJsonNull() {
      SchemaValidator v = SchemaValidator.compile(j("{'type':'object'}"));
      assertThat(v.validate(null)).containsExactly(p("", "must be an object, not null"));
      assertThat(v.validate(MAPPER.missingNode()))
          .containsExactly(p("", "must be an object, not null"));
    }

    @Test
    void validationIsThreadSafe() {
      SchemaValidator v =
          SchemaValidator.compile(j("{'properties':{'a':{'type':'integer','maximum':5}}}"));
      List<Integer> sizes =
          IntStream.range(0, 2000)
              .parallel()
              .mapToObj(i -> v.validate(j("{'a':" + (i % 10) + "}")).size())
              .toList();
      assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(800);
    }

    @Test
    void problemToString() {
      assertThat(p("/a", "is required but missing").toString())
          .isEqualTo("/a: is required but missing");
      assertThat(p("", "must be an object, not null").toString())
          .isEqualTo("(root): must be an object, not null");
    }
  }

  @Nested
  class Depth {
    private JsonNode nestedArraySchema(int levels) {
      ObjectNode schema = NODES.objectNode().put("type", "array");
      ObjectNode current = schema;
      for (int i = 0; i < levels; i++) {
        ObjectNode inner = NODES.objectNode().put("type", "array");
        current.set("items", inner);
        current = inner;
      }
      return schema;
    }

    private JsonNode nestedArray(int levels) {
      ArrayNode root = NODES.arrayNode();
      ArrayNode current = root;
      for (int i = 0; i < levels; i++) {
        current = current.addArray();
      }
      return root;
    }

    @Test
    void instanceNestedTooDeeplyIsOneProblem() {
      SchemaValidator v = SchemaValidator.compile(nestedArraySchema(100));
      assertThat(v.validate(nestedArray(64))).isEmpty();
      List<SchemaProblem> problems = v.validate(nestedArray(70));
      assertThat(problems)
          .containsExactly(p("/0".repeat(65), "is nested too deeply (more than 64 levels)"));
    }

    @Test
    void deepInstancesUnderShallowSchemasAreNotWalked() {
      ArrayNode deep = (ArrayNode) nestedArray(5000);
      assertThat(SchemaValidator.compile(j("{'type':'array'}")).validate(deep)).isEmpty();
      assertThat(SchemaValidator.compile(j("{'enum':[[]]}")).validate(deep)).hasSize(1);
      ArrayNode pair = NODES.arrayNode().add(deep).add(nestedArray(5000));
      assertThat(SchemaValidator.compile(j("{'uniqueItems':true}")).validate(pair)).isNotNull();
    }

    @Test
    void schemaNestedTooDeeplyIsRejected() {
      String message =
          assertThrows(
                  IllegalArgumentException.class,
                  () -> SchemaValidator.compile(nestedArraySchema(200)))
              .getMessage();
      assertThat(message).contains("nested more than 128 levels deep");
    }
  }

  @Nested
  class Compile {
    @Test
    void unsupportedKeywordsNameTheirPointer() {
      assertThat(compileError("{'properties':{'a':{'$ref':'#/$defs/a'}}}"))
          .isEqualTo(
              "Cannot compile JSON Schema at \"/properties/a/$ref\": unsupported keyword \"$ref\""
                  + " (references are not supported; inline the referenced schema)");
      assertThat(compileError("{'oneOf':[{},{}]}"))
          .isEqualTo(
              "Cannot compile JSON Schema at \"/oneOf\": unsupported keyword \"oneOf\""
                  + " (combinators and conditionals are not supported)");
      assertThat(compileError("{'items':{'patternProperties':{}}}"))
          .isEqualTo(
              "Cannot compile JSON Schema at \"/items/patternProperties\": unsupported keyword"
                  + " \"patternProperties\"");
      assertThat(compileError("{'properties':{'a/b':{'nullable':true}}}"))
          .startsWith("Cannot compile JSON Schema at \"/properties/a~1b/nullable\"");
    }

    @Test
    void malformedKeywordValues() {
      assertThat(compileError("{'type':'str'}"))
          .startsWith("Cannot compile JSON Schema at \"/type\"");
      assertThat(compileError("{'type':[]}")).startsWith("Cannot compile JSON Schema at \"/type\"");
      assertThat(compileError("{'type':['string','string']}"))
          .startsWith("Cannot compile JSON Schema at \"/type\"");
      assertThat(compileError("{'minLength':-1}"))
          .isEqualTo(
              "Cannot compile JSON Schema at \"/minLength\": \"minLength\" must be a"
                  + " non-negative integer, not a number -1");
      assertThat(compileError("{'maxItems':1.5}"))
          .startsWith("Cannot compile JSON Schema at \"/maxItems\"");
      assertThat(compileError("{'pattern':'('}"))
          .startsWith("Cannot compile JSON Schema at \"/pattern\": not a valid regular expression");
      assertThat(compileError("{'items':[{}]}"))
          .startsWith("Cannot compile JSON Schema at \"/items\"");
      assertThat(compileError("{'exclusiveMinimum':true}"))
          .startsWith("Cannot compile JSON Schema at \"/exclusiveMinimum\"");
      assertThat(compileError("{'enum':'a'}"))
          .startsWith("Cannot compile JSON Schema at \"/enum\"");
      assertThat(compileError("{'required':[1]}"))
          .startsWith("Cannot compile JSON Schema at \"/required\"");
      assertThat(compileError("{'x-exclusive':'a'}"))
          .startsWith("Cannot compile JSON Schema at \"/x-exclusive\"");
      assertThat(compileError("{'x-requiresAnyOf':['a']}"))
          .isEqualTo(
              "Cannot compile JSON Schema at \"/x-requiresAnyOf\": \"x-requiresAnyOf\" must be"
                  + " an object of arrays of property names, not an array");
      assertThat(compileError("{'x-requiresAnyOf':{'a':'b'}}"))
          .startsWith("Cannot compile JSON Schema at \"/x-requiresAnyOf/a\"");
      assertThat(compileError("{'x-requiresAnyOf':{'a':[]}}"))
          .isEqualTo(
              "Cannot compile JSON Schema at \"/x-requiresAnyOf/a\": \"x-requiresAnyOf\" must"
                  + " list at least one name");
      assertThat(compileError("{'x-requiresAnyOf':{'a':[1]}}"))
          .startsWith("Cannot compile JSON Schema at \"/x-requiresAnyOf/a\"");
      assertThat(compileError("{'uniqueItems':1}"))
          .startsWith("Cannot compile JSON Schema at \"/uniqueItems\"");
      assertThat(compileError("{'properties':[]}"))
          .startsWith("Cannot compile JSON Schema at \"/properties\"");
      assertThat(compileError("{'not':5}")).startsWith("Cannot compile JSON Schema at \"/not\"");
      assertThat(compileError("{'format':3}"))
          .startsWith("Cannot compile JSON Schema at \"/format\"");
      assertThat(compileError("5")).startsWith("Cannot compile JSON Schema at \"\"");
      assertThrows(IllegalArgumentException.class, () -> SchemaValidator.compile(null));
    }
  }
}
