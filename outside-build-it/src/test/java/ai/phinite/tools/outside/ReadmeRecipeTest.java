package ai.phinite.tools.outside;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Add a tool to your build" recipe is the one the outside project is built with
 * (by maven-invoker-plugin, after the tests of this module): every XML block of that section
 * appears, as written, in {@code src/it/github-issues/pom.xml}.
 */
class ReadmeRecipeTest {

  @Test
  void everyXmlBlockOfTheRecipe_isInTheOutsideProjectsPom() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String pom = Files.readString(Path.of("src", "it", "github-issues", "pom.xml"))
        .replace("@project.version@", System.getProperty("phinite.version"));

    List<String> blocks = xmlBlocks(section(readme, "## Add a tool to your build"));

    assertThat(blocks).isNotEmpty();
    for (String block : blocks) {
      assertThat(normalized(pom)).contains(normalized(block));
    }
  }

  private static String section(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading + "\n");
    assertThat(start).isAtLeast(0);
    int end = markdown.indexOf("\n## ", start + heading.length() + 2);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  private static List<String> xmlBlocks(String section) {
    List<String> out = new ArrayList<>();
    int at = 0;
    while ((at = section.indexOf("```xml\n", at)) >= 0) {
      int end = section.indexOf("```", at + 7);
      out.add(section.substring(at + 7, end));
      at = end + 3;
    }
    return out;
  }

  /** Lines trimmed and joined: indentation may differ between the README and the pom. */
  private static String normalized(String xml) {
    StringBuilder out = new StringBuilder();
    for (String line : xml.split("\n")) {
      if (!line.isBlank()) {
        out.append(line.strip()).append('\n');
      }
    }
    return out.toString();
  }
}
