package ai.phinite.tools.processor;

import static ai.phinite.tools.processor.TestSupport.assertOnlyError;
import static ai.phinite.tools.processor.TestSupport.compile;
import static ai.phinite.tools.processor.TestSupport.source;
import static ai.phinite.tools.processor.TestSupport.tool;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The diagnostics of OAuth2, constant headers, header arguments, explicit nulls, query list styles
 * and form bodies: each asserts the message and the line it is on.
 */
class SaasModelErrorsTest {
  private static final String TOOL = "@Tool(id = \"t\", name = \"T\", toolClass = \"TTool\","
      + " description = \"A test tool.\")";
  private static final String ID = "@Credential(key = \"client_id\", label = \"Id\", description = \"Id.\")";
  private static final String SECRET = "@Credential(key = \"client_secret\", label = \"S\","
      + " description = \"S.\", secret = true)";
  private static final String PING = "@GET(\"/ping\") Response ping();";

  /** A tool whose one server has {@code @Auth(oauth2 = @OAuth2(<attributes>))}, one per line. */
  private static JavaFileObject oauth2(String... attributes) {
    List<String> lines = new ArrayList<>(List.of(TOOL, ID, SECRET,
        "@Credential(key = \"refresh\", label = \"R\", description = \"R.\", secret = true)",
        "@Credential(key = \"region\", label = \"Region\", description = \"R.\")",
        "@Server(id = \"api\", url = \"https://api.example.com\", auth = @Auth(oauth2 = @OAuth2("));
    for (int i = 0; i < attributes.length; i++) {
      lines.add("    " + attributes[i] + (i < attributes.length - 1 ? "," : ")))"));
    }
    return source("T", lines, PING);
  }

  private static final String CC = "grant = OAuth2.Grant.CLIENT_CREDENTIALS";
  private static final String URL = "tokenUrl = \"https://auth.example.com/token\"";

  @Test
  void oauth2WithoutAGrant() {
    JavaFileObject file = oauth2(URL, "clientId = \"client_id\"");
    assertOnlyError(compile(file), file, "@OAuth2 sets attributes but no grant; set grant ="
        + " OAuth2.Grant.CLIENT_CREDENTIALS or OAuth2.Grant.REFRESH_TOKEN", "auth = @Auth(oauth2");
  }

  @Test
  void clientCredentialsNeedTheSecret() {
    JavaFileObject file = oauth2(CC, URL, "clientId = \"client_id\"");
    assertOnlyError(compile(file), file, "@OAuth2(grant = CLIENT_CREDENTIALS) needs clientSecret;"
        + " name the credential that holds it", "auth = @Auth(oauth2");
  }

  @Test
  void clientCredentialsTakeNoRefreshToken() {
    JavaFileObject file = oauth2(CC, URL, "clientId = \"client_id\"",
        "clientSecret = \"client_secret\"", "refreshToken = \"refresh\"");
    assertOnlyError(compile(file), file, "@OAuth2(grant = CLIENT_CREDENTIALS) does not use"
        + " refreshToken; remove it", "refreshToken = ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://auth.example.com/token", "auth.example.com/token",
      "https://auth.example.com/token?x=1"})
  void theTokenUrlMustBeHttps(String url) {
    JavaFileObject file = oauth2(CC, "tokenUrl = \"" + url + "\"", "clientId = \"client_id\"",
        "clientSecret = \"client_secret\"");
    assertOnlyError(compile(file), file, "@OAuth2 tokenUrl \"" + url + "\" is not an absolute"
        + " https URL; token requests carry secrets, so write it as https://host/path (tests may"
        + " override it per connection with Connection.Builder.tokenUrl)", "tokenUrl = ");
  }

  @Test
  void theTokenUrlMayNameOnlyDeclaredNonSecretCredentials() {
    JavaFileObject file = oauth2(CC, "tokenUrl = \"https://{region}.auth.example.com/{client_secret}\"",
        "clientId = \"client_id\"", "clientSecret = \"client_secret\"");
    assertOnlyError(compile(file), file, "client_secret", "tokenUrl = ");
  }

  @Test
  void secretsMustBeDeclaredSecret() {
    JavaFileObject file = oauth2(CC, URL, "clientId = \"client_id\"",
        "clientSecret = \"region\"");
    assertOnlyError(compile(file), file, "@OAuth2(clientSecret) names the credential \"region\","
        + " which is not secret; declare it with secret = true so that it never appears in"
        + " descriptors, logs or errors", "clientSecret = ");
  }

  @Test
  void unknownCredential() {
    JavaFileObject file = oauth2("grant = OAuth2.Grant.REFRESH_TOKEN", URL,
        "refreshToken = \"refresh_tok\"");
    assertOnlyError(compile(file), file, "@OAuth2(refreshToken)", "refreshToken = ");
  }

  @Test
  void refreshGrantNeedsBothClientValuesOrNone() {
    JavaFileObject file = oauth2("grant = OAuth2.Grant.REFRESH_TOKEN", URL,
        "refreshToken = \"refresh\"", "clientId = \"client_id\"");
    assertOnlyError(compile(file), file, "@Auth sets clientId without clientSecret; set both",
        "clientId = ");
  }

  @Test
  void scopesAreSingleTokens() {
    JavaFileObject file = oauth2(CC, URL, "clientId = \"client_id\"",
        "clientSecret = \"client_secret\"", "scopes = {\"read\", \"read write\"}");
    assertOnlyError(compile(file), file, "@OAuth2 scope \"read write\" is not a valid OAuth2"
        + " scope; write one scope per array element, without spaces, quotes or backslashes",
        "scopes = ");
  }

  @Test
  void oauth2AndBearerAtOnce() {
    JavaFileObject file = source("T", List.of(TOOL, ID, SECRET,
        "@Server(id = \"api\", url = \"https://api.example.com\",",
        "    auth = @Auth(bearer = \"client_secret\", oauth2 = @OAuth2(" + CC + ", " + URL
            + ", clientId = \"client_id\", clientSecret = \"client_secret\")))"), PING);
    assertOnlyError(compile(file), file, "@Auth sets more than one scheme; set only bearer, only"
        + " basicUsername + basicPassword, only apiKeyHeader + apiKey, or only oauth2",
        "auth = @Auth(");
  }

  // --- constant headers ---

  @Test
  void constantHeaderNameMustBeAToken() {
    JavaFileObject file = source("T", List.of(TestSupport.HEADER.get(0), TestSupport.HEADER.get(1),
        TestSupport.HEADER.get(2), "@ConstantHeader(name = \"X Version\", value = \"1\")"), PING);
    assertOnlyError(compile(file), file, "@ConstantHeader(name = \"X Version\") names the header"
        + " \"X Version\", which is not a valid header name; use letters, digits and"
        + " !#$%&'*+.^_`|~- only, e.g. \"X-Api-Version\"", "@ConstantHeader(");
  }

  @Test
  void constantHeaderMayNotBeSetByTheRuntime() {
    JavaFileObject file = tool("@ConstantHeader(name = \"content-type\", value = \"text/plain\")",
        "@POST(\"/x\") Response x();");
    assertOnlyError(compile(file), file, "@ConstantHeader(name = \"content-type\") names the"
        + " header \"content-type\", which the runtime sets itself (from the body, the URL or the"
        + " connection); remove it", "@ConstantHeader(");
  }

  @Test
  void constantHeaderMayNotReplaceTheAuthentication() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"k\", label = \"K\", description = \"K.\", secret = true)",
        "@Server(id = \"api\", url = \"https://api.example.com\",",
        "    headers = @ConstantHeader(name = \"x-api-key\", value = \"public\"),",
        "    auth = @Auth(apiKeyHeader = \"X-Api-Key\", apiKey = \"k\"))"), PING);
    assertOnlyError(compile(file), file, "@ConstantHeader(name = \"x-api-key\") names the header"
        + " \"x-api-key\", which the authentication of server \"api\" sets; the declared @Auth"
        + " must not be replaced, so remove it or use another header", "headers = ");
  }

  @Test
  void toolLevelConstantAuthorizationIsRefused() {
    JavaFileObject file = source("T", List.of(TestSupport.HEADER.get(0), TestSupport.HEADER.get(1),
        TestSupport.HEADER.get(2), "@ConstantHeader(name = \"Authorization\", value = \"Basic x\")"),
        PING);
    assertOnlyError(compile(file), file, "which the authentication of server \"api\" sets",
        "@ConstantHeader(");
  }

  @Test
  void constantHeaderDeclaredTwiceAtOneLevel() {
    JavaFileObject file = tool("@ConstantHeader(name = \"Accept\", value = \"a/b\")",
        "@ConstantHeader(name = \"accept\", value = \"c/d\")", "@GET(\"/x\") Response x();");
    assertOnlyError(compile(file), file, "@ConstantHeader(name = \"accept\") is declared twice at"
        + " the same level (names are case-insensitive); keep one", "Response x();");
  }

  @Test
  void constantHeaderValueMustBePrintableAscii() {
    JavaFileObject file = tool("@ConstantHeader(name = \"X-Greeting\", value = \"grüß\")",
        "@GET(\"/x\") Response x();");
    assertOnlyError(compile(file), file, "@ConstantHeader(name = \"X-Greeting\") has a value that"
        + " is not printable ASCII (letters, digits, punctuation, space or tab); an HTTP header"
        + " cannot carry it", "@ConstantHeader(");
  }

  // --- @Header arguments ---

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "authorization", "AUTHORIZATION"})
  void aHeaderArgumentCannotReplaceTheAuthentication(String name) {
    JavaFileObject file = tool("@GET(\"/x\") Response x(",
        "    @Header(\"" + name + "\") @Arg(\"A token.\") String token);");
    assertOnlyError(compile(file), file, "@Header(\"" + name + "\") on token names the header \""
        + name + "\", which the authentication of server \"api\" sets; the declared @Auth must"
        + " not be replaced, so remove it or use another header", "@Header(");
  }

  @Test
  void aHeaderArgumentCannotReplaceAnApiKeyHeader() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"k\", label = \"K\", description = \"K.\", secret = true)",
        "@Server(id = \"api\", url = \"https://api.example.com\", auth = @Auth(apiKeyHeader ="
            + " \"X-Api-Key\", apiKey = \"k\"))"),
        "@GET(\"/x\") Response x(", "    @Header(\"x-api-key\") @Arg(\"A key.\") String key);");
    assertOnlyError(compile(file), file, "which the authentication of server \"api\" sets",
        "@Header(");
  }

  @Test
  void aHeaderArgumentCannotReplaceAConstant() {
    JavaFileObject file = tool("@ConstantHeader(name = \"X-Api-Version\", value = \"2\")",
        "@GET(\"/x\") Response x(",
        "    @Header(\"x-api-version\") @Arg(\"The version.\") String version);");
    assertOnlyError(compile(file), file, "Argument \"version\" is bound to the header"
        + " \"x-api-version\", which a @ConstantHeader of this request already sets; remove the"
        + " constant or the argument", "@Header(");
  }

  @ParameterizedTest
  @ValueSource(strings = {"X Trace", "X-Trace:", ""})
  void aHeaderArgumentNeedsAValidName(String name) {
    JavaFileObject file = tool("@GET(\"/x\") Response x(",
        "    @Header(\"" + name + "\") @Arg(\"A trace id.\") String trace);");
    assertOnlyError(compile(file), file, "which is not a valid header name", "@Header(");
  }

  @Test
  void aHeaderArgumentCannotSetTheHost() {
    JavaFileObject file = tool("@GET(\"/x\") Response x(",
        "    @Header(\"Host\") @Arg(\"A host.\") String host);");
    assertOnlyError(compile(file), file, "@Header(\"Host\") on host names the header \"Host\","
        + " which the runtime sets itself", "@Header(");
  }

  // --- explicit nulls ---

  @Test
  void optionalNeedsNullable() {
    JavaFileObject file = tool("@PATCH(\"/x\") Response x(",
        "    @BodyField @Arg(value = \"A phone.\", required = false) Optional<String> phone);");
    assertOnlyError(compile(file), file, "Argument phone is declared java.util.Optional<java.lang"
        + ".String>, but Optional is only for arguments that accept an explicit null; add"
        + " @Arg(nullable = true) (Optional.empty() sends null) or declare the plain type and use"
        + " required = false", "Optional<String> phone");
  }

  @Test
  void nullableNeedsOptional() {
    JavaFileObject file = tool("@PATCH(\"/x\") Response x(",
        "    @BodyField @Arg(value = \"A phone.\", required = false, nullable = true) String phone);");
    assertOnlyError(compile(file), file, "Argument phone has nullable = true but is declared"
        + " java.lang.String; declare it as Optional<java.lang.String> so that left out (a null"
        + " reference) and send null (Optional.empty()) stay distinct", "nullable = true");
  }

  @Test
  void nullableRecordComponentNeedsOptional() {
    JavaFileObject file = tool("record R(@Arg(value = \"A.\", nullable = true) String a) {}",
        "@PATCH(\"/x\") Response x(@BodyField @Arg(\"R.\") R r);");
    assertOnlyError(compile(file), file, "Argument a has nullable = true", "record R(");
  }

  @Test
  void nullableWithADefault() {
    JavaFileObject file = tool("@PATCH(\"/x\") Response x(",
        "    @BodyField @Arg(value = \"A.\", required = false, nullable = true,",
        "        defaultValue = \"x\") Optional<String> a);");
    assertOnlyError(compile(file), file, "Argument \"a\" has nullable = true and a defaultValue;"
        + " a nullable argument is left out or sent as given, so remove defaultValue",
        "defaultValue = ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"@Query", "@Header(\"X-A\")", "@Path"})
  void nullableOnlyWhereANullCanBeSent(String binding) {
    String path = binding.equals("@Path") ? "/x/{a}" : "/x";
    JavaFileObject file = tool("@GET(\"" + path + "\") Response x(",
        "    " + binding + " @Arg(value = \"A.\", nullable = true) Optional<String> a);");
    assertOnlyError(compile(file), file, "Argument \"a\" has nullable = true but is bound to "
        + binding.replaceAll("\\(.*", "") + ", which cannot carry a null; use nullable only on"
        + " @BodyField parameters, record components and arguments of multi-step subtools",
        "nullable = true");
  }

  // --- query lists ---

  @Test
  void queryStyleOnlyForLists() {
    JavaFileObject file = tool("@GET(\"/x\") Response x(",
        "    @Query(value = \"a\", style = Query.Style.COMMA) @Arg(\"A.\") String a);");
    assertOnlyError(compile(file), file, "Argument \"a\" sets @Query(style), which applies only"
        + " to a List, Set or array; remove style or make the parameter a list", "style = ");
  }

  @Test
  void queryArraysOfObjectsAreRefused() {
    JavaFileObject file = tool("record R(@Arg(\"A.\") String a) {}",
        "@GET(\"/x\") Response x(", "    @Query @Arg(\"Rs.\") R[] rs);");
    assertOnlyError(compile(file), file, "a @Query value is text, so use a String, number, enum,"
        + " or a List, Set or array of those", "R[] rs");
  }

  // --- form bodies ---

  @Test
  void formOnAGet() {
    JavaFileObject file = tool("@FormUrlEncoded", "@GET(\"/x\") Response x();");
    assertOnlyError(compile(file), file, "@FormUrlEncoded is on a GET request, which has no body;"
        + " remove it or use POST, PUT or PATCH", "@FormUrlEncoded");
  }

  @Test
  void aWholeFormBodyIsAnObject() {
    JavaFileObject file = tool("@FormUrlEncoded", "@POST(\"/x\") Response x(",
        "    @Body @Arg(\"The form.\") JsonNode form);");
    assertOnlyError(compile(file), file, "Parameter form is the whole form body but is declared"
        + " com.fasterxml.jackson.databind.JsonNode; a form is a set of named fields, so use a"
        + " record, Map<String, V> or ObjectNode", "JsonNode form");
  }

  @Test
  void repeatedArraysCannotHoldObjects() {
    JavaFileObject file = tool("record Item(@Arg(\"Id.\") String id) {}",
        "@FormUrlEncoded(arrays = FormUrlEncoded.ArrayStyle.REPEATED)",
        "@POST(\"/x\") Response x(", "    @BodyField @Arg(\"Items.\") List<Item> items);");
    assertOnlyError(compile(file), file, "Argument \"items\" is a list of objects in a form with"
        + " arrays = REPEATED, which cannot name their fields; use arrays = INDEXED or BRACKETS",
        "List<Item> items");
  }
}
