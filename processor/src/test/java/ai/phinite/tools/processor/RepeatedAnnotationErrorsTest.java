package ai.phinite.tools.processor;

import static ai.phinite.tools.processor.TestSupport.assertOnlyError;
import static ai.phinite.tools.processor.TestSupport.compile;
import static ai.phinite.tools.processor.TestSupport.source;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An error about one of several {@code @Credential} or {@code @Server} annotations lands on that
 * annotation (on its value where written), not on the interface.
 */
class RepeatedAnnotationErrorsTest {
  private static final String TOOL =
      "@Tool(id = \"t\", name = \"T\", toolClass = \"TTool\", description = \"A test tool.\")";
  private static final String KEY =
      "@Credential(key = \"api_key\", label = \"API Key\", description = \"The key.\", secret = true)";
  private static final String SERVER =
      "@Server(id = \"api\", url = \"https://api.example.com\", auth = @Auth(bearer = \"api_key\"))";
  private static final String[] MEMBERS = {
      "@Subtool(title = \"Get Item\", description = \"Fetch one item.\")",
      "@GET(value = \"/a\", server = \"api\") Response getItem();"};

  @Test
  void aBadKeyOfTheSecondCredential_isOnThatKey() {
    JavaFileObject file = source("T", List.of(TOOL, KEY,
        "@Credential(key = \"bad key\", label = \"Other\", description = \"Another value.\")",
        SERVER), MEMBERS);
    Compilation compilation = compile(file);
    assertOnlyError(compilation, file, "@Credential(key = \"bad key\") is not a valid key",
        "\"bad key\"");
    // line 11 of the source: package, blank, 5 imports, blank, @Tool, the first @Credential
    assertThat(compilation).hadErrorContaining("is not a valid key").inFile(file)
        .onLine(11).atColumn(19);
  }

  @Test
  void aBlankDescriptionOfTheSecondCredential_isOnThatDescription() {
    JavaFileObject file = source("T", List.of(TOOL, KEY,
        "@Credential(key = \"region\", label = \"Region\",",
        "    description = \"\")",
        SERVER), MEMBERS);
    assertOnlyError(compile(file), file,
        "@Credential(key = \"region\") has no description", "description = \"\"");
  }

  @Test
  void aDuplicateServerId_isOnTheSecondServer() {
    JavaFileObject file = source("T", List.of(TOOL, KEY, SERVER,
        "@Server(id = \"api\", url = \"https://other.example.com\")"), MEMBERS);
    assertOnlyError(compile(file), file, "is declared twice", "other.example.com");
  }

  @Test
  void aProblemInsideTheSecondServersAuth_isOnThatServer() {
    JavaFileObject file = source("T", List.of(TOOL, KEY,
        "@Server(id = \"files\", url = \"https://files.example.com\")",
        "@Server(id = \"api\", url = \"https://api.example.com\", auth = @Auth(bearer = \"nope\"))"),
        MEMBERS);
    assertOnlyError(compile(file), file, "names the credential \"nope\"", "bearer = \"nope\"");
  }
}
