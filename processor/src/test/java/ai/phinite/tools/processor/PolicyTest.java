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

/** Sending policies: @Retry, @Timeout, @RateLimit, into the descriptor, and their errors. */
class PolicyTest {
  private static final String SUBTOOL =
      "@Subtool(title = \"Get Item\", description = \"Fetch one item.\")";

  private static JsonNode policy(Compilation compilation, int subtool) {
    return TestSupport.descriptor(compilation, "t").path("subtools").get(subtool).path("policy");
  }

  @Test
  void defaultsAreInferredFromTheHints() {
    Compilation c = compile(tool(SUBTOOL, "@GET(\"/items\") Response get();",
        "@Subtool(title = \"Create\", description = \"Create one.\")",
        "@POST(\"/items\") Response create();"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(policy(c, 0).toString())
        .isEqualTo("{\"maxRetries\":3,\"maxWaitSeconds\":30,\"retryFailures\":true}");
    assertThat(policy(c, 1).toString())
        .isEqualTo("{\"maxRetries\":3,\"maxWaitSeconds\":30,\"retryFailures\":false}");
  }

  @Test
  void declaredPoliciesOverrideAndTheToolSetsTheDefault() {
    List<String> header = new ArrayList<>(TestSupport.HEADER);
    header.add(0, "@Retry(maxRetries = 1, maxWaitSeconds = 5)");
    Compilation c = compile(source("T", header, SUBTOOL,
        "@Retry(maxRetries = 5, retryFailures = Hint.TRUE) @Timeout(seconds = 90)",
        "@RateLimit(requests = 1, perSeconds = 10)",
        "@POST(\"/items/search\") Response search();",
        "@Subtool(title = \"Ping\", description = \"Ping.\")",
        "@GET(\"/ping\") Response ping();"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(policy(c, 0).toString()).isEqualTo("{\"maxRetries\":5,\"maxWaitSeconds\":30,"
        + "\"retryFailures\":true,\"timeoutSeconds\":90,\"rateLimit\":{\"requests\":1,\"perSeconds\":10}}");
    assertThat(policy(c, 1).toString())
        .isEqualTo("{\"maxRetries\":1,\"maxWaitSeconds\":5,\"retryFailures\":true}");
  }

  @Test
  void serverRateLimitIsInTheDescriptor() {
    List<String> header = List.of(
        "@Tool(id = \"t\", name = \"T\", toolClass = \"TTool\", description = \"A test tool.\")",
        "@Server(id = \"api\", url = \"https://api.example.com\","
            + " rateLimit = @RateLimit(requests = 10, perSeconds = 0.5))");
    Compilation c = compile(source("T", header, SUBTOOL, "@GET(\"/items\") Response get();"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(TestSupport.descriptor(c, "t").path("servers").get(0).path("rateLimit").toString())
        .isEqualTo("{\"requests\":10,\"perSeconds\":0.5}");
  }

  @Test
  void retryOutOfRange() {
    JavaFileObject file = tool(SUBTOOL, "@Retry(maxRetries = 50)",
        "@GET(\"/items\") Response get();");
    assertOnlyError(compile(file), file, "@Retry maxRetries = 50 is out of range; use maxRetries"
        + " 0 to 10 and maxWaitSeconds 0 to 600", "@Retry(maxRetries = 50)");
  }

  @Test
  void rateLimitWithoutRequests() {
    JavaFileObject file = tool(SUBTOOL, "@RateLimit(perSeconds = 10)",
        "@GET(\"/items\") Response get();");
    assertOnlyError(compile(file), file, "@RateLimit needs requests of at least 1 and perSeconds"
        + " above 0, e.g. @RateLimit(requests = 10, perSeconds = 1)", "@RateLimit(perSeconds = 10)");
  }

  @Test
  void timeoutOutOfRange() {
    JavaFileObject file = tool(SUBTOOL, "@Timeout(seconds = 0)", "@GET(\"/items\") Response get();");
    assertOnlyError(compile(file), file,
        "@Timeout(seconds = 0) is out of range; use 1 to 600 seconds", "@Timeout(seconds = 0)");
  }
}
