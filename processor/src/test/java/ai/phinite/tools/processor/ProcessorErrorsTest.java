package ai.phinite.tools.processor;

import static ai.phinite.tools.processor.TestSupport.assertOnlyError;
import static ai.phinite.tools.processor.TestSupport.compile;
import static ai.phinite.tools.processor.TestSupport.source;
import static ai.phinite.tools.processor.TestSupport.tool;
import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors about a tool as a whole: its {@code @Tool}, credentials and servers, several tools in one
 * compilation, and the processor's own failures. Each asserts the message and the line it is on.
 * Errors about methods and arguments are in {@link OperationErrorsTest} and
 * {@link ArgumentErrorsTest}.
 */
class ProcessorErrorsTest {
  private static final String TOOL = "@Tool(id = \"t\", name = \"T\", toolClass = \"TTool\","
      + " description = \"A test tool.\")";
  private static final String SERVER = "@Server(id = \"api\", url = \"https://api.example.com\")";
  private static final String PING = "@GET(\"/ping\") Response ping();";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"public abstract class T { | a class",
      "public enum T { | an enum", "public record T() { | a record",
      "public @interface T { | an annotation type"})
  void toolOnAClassIsRefused(String declaration, String kind) {
    JavaFileObject file = source("T", List.of(TOOL, SERVER, declaration));
    assertOnlyError(compile(file), file, "@Tool must annotate an interface, but T is " + kind
        + "; declare it as `interface T` and let the processor generate the implementation",
        "@Tool(");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Helpdesk", "help desk", "_helpdesk", ""})
  void badToolId(String id) {
    JavaFileObject file = source("T", List.of(
        "@Tool(name = \"T\", toolClass = \"TTool\", description = \"A test tool.\",",
        "    id = \"" + id + "\")", SERVER));
    assertOnlyError(compile(file), file,
        "@Tool(id = \"" + id + "\") is not a valid tool id; use 1-64 lowercase letters", "    id = ");
  }

  @Test
  void duplicateToolIdsInOneCompilation() {
    JavaFileObject first = source("First", List.of(
        "@Tool(id = \"dup\", name = \"A\", toolClass = \"A\", description = \"A.\")", SERVER));
    JavaFileObject second = source("Second", List.of(
        "@Tool(id = \"dup\", name = \"B\", toolClass = \"B\", description = \"B.\")", SERVER));
    assertOnlyError(compile(first, second), second,
        "@Tool(id = \"dup\") is already used by test.First; give each tool in the compilation its"
            + " own id", "@Tool(id = \"dup\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankToolDescription(String description) {
    JavaFileObject file = source("T", List.of(
        "@Tool(id = \"t\", name = \"T\", toolClass = \"TTool\",",
        "    description = \"" + description + "\")", SERVER));
    assertOnlyError(compile(file), file, "@Tool has no description; write one: it is what people"
        + " or language models read to use the tool", "    description = ");
  }

  @Test
  void docsUrlMustBeHttps() {
    JavaFileObject file = source("T", List.of(
        "@Tool(id = \"t\", name = \"T\", toolClass = \"TTool\", description = \"A test tool.\",",
        "    docsUrl = \"http://docs.example.com\")", SERVER));
    assertOnlyError(compile(file), file,
        "docsUrl \"http://docs.example.com\" is not an absolute https URL", "docsUrl = ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://api.example.com", "/v1", "api.example.com/v1", "https:///v1"})
  void baseUrlMustBeAbsoluteHttps(String url) {
    JavaFileObject file = source("T", List.of(TOOL, "@Server(id = \"api\",",
        "    url = \"" + url + "\")"));
    assertOnlyError(compile(file), file,
        "@Server(id = \"api\") url \"" + url + "\" is not an absolute https URL", "url = ");
  }

  @Test
  void secretCredentialInUrl() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"token\", label = \"Token\", description = \"The token.\", secret = true)",
        "@Server(id = \"api\",",
        "    url = \"https://api.example.com/{token}\")"));
    assertOnlyError(compile(file), file, "@Server(id = \"api\") url puts the secret credential"
        + " \"token\" in a URL, where it would be logged and shown; send secrets through @Auth",
        "url = ");
  }

  @Test
  void authNamesUndeclaredCredential() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"api_key\", label = \"Key\", description = \"The key.\", secret = true)",
        "@Server(id = \"api\", url = \"https://api.example.com\",",
        "    auth = @Auth(",
        "        bearer = \"token\"))"));
    assertOnlyError(compile(file), file, "@Auth(bearer) names the credential \"token\", which the"
        + " tool does not declare; declare @Credential(key = \"token\", ...) on the interface or"
        + " use one of [api_key]", "bearer = ");
  }

  @Test
  void serverVariantNamesUndeclaredCredential() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Server(id = \"api\", url = \"https://api.example.com\", variants = @ServerVariant(",
        "    credential = \"region\",",
        "    equals = \"eu\", url = \"https://eu.example.com\"))"));
    assertOnlyError(compile(file), file,
        "@ServerVariant names the credential \"region\", which the tool does not declare",
        "credential = \"region\"");
  }

  @Test
  void serverVariantValueOutsideTheCredentialsAllowedValues() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"region\", label = \"Region\", description = \"Where data lives.\",",
        "    required = false, allowed = {\"us\", \"eu\"})",
        "@Server(id = \"api\", url = \"https://api.example.com\", variants = @ServerVariant(",
        "    credential = \"region\",",
        "    equals = \"EU\", url = \"https://eu.example.com\"))"), PING);
    assertOnlyError(compile(file), file, "@ServerVariant(credential = \"region\", equals = \"EU\")"
        + " can never apply: \"EU\" is not among the allowed values [us, eu] of that credential;"
        + " use one of them, or add it to its allowed values", "equals = \"EU\"");
  }

  @Test
  void methodNamesUndeclaredServer() {
    JavaFileObject file = tool("@GET(value = \"/ping\", server = \"files\")", "Response ping();");
    assertOnlyError(compile(file), file, "@GET names the server \"files\", which the tool does not"
        + " declare; use one of [api] or declare @Server(id = \"files\", ...)", "server = \"files\"");
  }

  @Test
  void methodMustNameAServerWhenThereAreSeveral() {
    JavaFileObject file = source("T", List.of(TOOL, SERVER,
        "@Server(id = \"files\", url = \"https://files.example.com\")"),
        "@GET(value = \"/a\", server = \"api\") Response a();",
        "@GET(\"/b\") Response b();");
    assertOnlyError(compile(file), file, "@GET does not say which server it goes to, and the tool"
        + " has 2 servers [api, files]; add server = \"...\"", "@GET(\"/b\")");
  }

  @Test
  void toolWithoutServer() {
    JavaFileObject file = source("T", List.of(TOOL));
    assertOnlyError(compile(file), file, "The tool declares no @Server", "public interface T");
  }

  @Test
  void blankCredentialDescription() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"user\", label = \"User\",",
        "    description = \" \")", SERVER));
    assertOnlyError(compile(file), file,
        "@Credential(key = \"user\") has no description", "    description = ");
  }

  @Test
  void duplicateCredential() {
    // javac cannot place a message on one of several repeated annotations (they sit in a
    // container it synthesizes, which has no source position), so it lands on the interface
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"user\", label = \"User\", description = \"The user.\")",
        "@Credential(label = \"User 2\", description = \"The other user.\",",
        "    key = \"user\")", SERVER));
    assertOnlyError(compile(file), file,
        "@Credential(key = \"user\") is declared twice; remove one", "public interface T");
  }

  @Test
  void badCredentialKey() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(label = \"Key\", description = \"The key.\",", "    key = \"api key\")", SERVER));
    assertOnlyError(compile(file), file, "@Credential(key = \"api key\") is not a valid key; use"
        + " 1-64 letters, digits, '_' or '-'", "    key = ");
  }

  @Test
  void badCredentialPattern() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"user\", label = \"User\", description = \"The user.\",",
        "    pattern = \"(unclosed\")", SERVER));
    assertOnlyError(compile(file), file, "@Credential(key = \"user\") has a pattern that does not"
        + " compile: Unclosed group", "    pattern = ");
  }

  @Test
  void credentialDefaultNotAllowed() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"region\", label = \"Region\", description = \"The region.\",",
        "    allowed = {\"us\", \"eu\"},", "    defaultValue = \"de\")", SERVER));
    assertOnlyError(compile(file), file, "@Credential(key = \"region\") has defaultValue \"de\","
        + " which is not among its allowed values [us, eu]; fix one of them", "    defaultValue = ");
  }

  @Test
  void duplicateServer() {
    // repeated annotations: the message lands on the interface (see duplicateCredential)
    JavaFileObject file = source("T", List.of(TOOL, SERVER,
        "@Server(id = \"api\", url = \"https://other.example.com\")"));
    assertOnlyError(compile(file), file, "@Server(id = \"api\") is declared twice; give each"
        + " server its own id", "public interface T");
  }

  @Test
  void incompleteAuth() {
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"user\", label = \"User\", description = \"The user.\")",
        "@Server(id = \"api\", url = \"https://api.example.com\",",
        "    auth = @Auth(basicUsername = \"user\"))"));
    assertOnlyError(compile(file), file,
        "@Auth sets basicUsername without basicPassword; set both", "auth = @Auth(");
  }

  @Test
  void urlNamesUndeclaredCredential() {
    JavaFileObject file = source("T", List.of(TOOL, "@Server(id = \"api\",",
        "    url = \"https://{org}.example.com\")"));
    assertOnlyError(compile(file), file, "@Server(id = \"api\") url names the credential \"org\","
        + " which the tool does not declare", "    url = ");
  }

  @Test
  void secretCredentialInPath() {
    JavaFileObject file = tool("@GET(\"/keys/{api_key}\")", "Response key();");
    assertOnlyError(compile(file), file,
        "@GET puts the secret credential \"api_key\" in a URL", "@GET(");
  }

  @Test
  void invalidAuthWithDefaultConnectionTestLabelReportsOnlyTheAuthProblem() {
    // the connection test's default label is made from the server's auth: it must not crash on it
    JavaFileObject file = source("T", List.of(TOOL,
        "@Credential(key = \"a\", label = \"A\", description = \"A.\")",
        "@Credential(key = \"b\", label = \"B\", description = \"B.\")",
        "@Server(id = \"api\", url = \"https://api.example.com\",",
        "    auth = @Auth(bearer = \"a\", apiKeyHeader = \"X-Key\", apiKey = \"b\"))"),
        "@ConnectionTest @GET(\"/me\") Response me();");
    assertOnlyError(compile(file), file, "@Auth sets more than one scheme", "auth = @Auth(");
  }

  @Test
  void reportsEveryProblemOfEveryTool() {
    JavaFileObject first = source("T", List.of(
        "@Tool(id = \"Bad\", name = \"T\", toolClass = \"TTool\", description = \"A test tool.\")",
        "@Server(id = \"api\", url = \"http://api.example.com\")"),
        "@GET(\"/a/{id}\") Response a();",
        "Response b();",
        "@GET(\"/c\") Response c(String unbound);");
    JavaFileObject second = source("U", List.of(
        "@Tool(id = \"u\", name = \"U\", toolClass = \"UTool\", description = \" \")", SERVER),
        PING);
    Compilation compilation = compile(first, second);
    assertThat(compilation).hadErrorContaining("@Tool(id = \"Bad\") is not a valid tool id")
        .inFile(first).onLineContaining("@Tool(id = \"Bad\"");
    assertThat(compilation).hadErrorContaining("url \"http://api.example.com\" is not an absolute")
        .inFile(first).onLineContaining("http://api.example.com");
    assertThat(compilation).hadErrorContaining("{id} in \"/a/{id}\" has no @Path parameter")
        .inFile(first).onLineContaining("Response a()");
    assertThat(compilation).hadErrorContaining("Method b has no HTTP method")
        .inFile(first).onLineContaining("Response b()");
    assertThat(compilation).hadErrorContaining("Parameter unbound has no binding")
        .inFile(first).onLineContaining("Response c(");
    assertThat(compilation).hadErrorContaining("@Tool has no description")
        .inFile(second).onLineContaining("@Tool(");
    assertThat(compilation).hadErrorCount(6);
  }

  @Test
  void aReDeclaredInheritedMethodIsAnOverrideNotAnOverload() {
    JavaFileObject base = source("Base", List.of(), "@GET(\"/ping\") Response ping();");
    List<String> header = new java.util.ArrayList<>(TestSupport.HEADER);
    header.add("public interface T extends Base {");
    JavaFileObject file = source("T", header,
        "@Override @Subtool(title = \"Ping\", description = \"Ping the server.\")",
        "@GET(\"/ping\") Response ping();");
    Compilation compilation = compile(List.of(base, file));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(TestSupport.descriptor(compilation, "t").path("subtools")).hasSize(1);
  }

  @Test
  void aMissingTypeIsLeftToJavacsOwnError() {
    JavaFileObject file = tool(
        "@Subtool(title = \"Get\", description = \"Get one.\")",
        "@POST(\"/x\") Response get(@Body @Arg(\"A thing.\") NoSuchType thing);");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nestedArraysAreSupported() {
    // once a processor bug (no element reader for arrays inside lists) that crashed on this;
    // the safety net for such bugs is covered by the failing-environment test below
    JavaFileObject file = tool(
        "@Subtool(title = \"Import Rows\", description = \"Import rows of cells.\")",
        "@POST(\"/rows\") Response importRows(@BodyField @Arg(\"The rows.\") List<String[]> rows);");
    Compilation compilation = compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(TestSupport.descriptor(compilation, "t").path("subtools").get(0)
            .path("inputSchema").path("properties").path("rows").toString())
        .isEqualTo("{\"description\":\"The rows.\",\"type\":\"array\",\"items\":{\"type\":\"array\","
            + "\"items\":{\"type\":\"string\"}}}");
  }

  @Test
  void aFailingEnvironmentIsReportedOnTheToolInsteadOfCrashingJavac() {
    JavaFileObject file = tool(PING);
    Compilation compilation = TestSupport.compile(
        new FailingFilerProcessor(new IllegalStateException("disk on fire")), List.of(file));
    assertOnlyError(compilation, file, "The Phinite tool processor failed on test.T"
        + " (java.lang.IllegalStateException: disk on fire)", "public interface T");
  }
}
