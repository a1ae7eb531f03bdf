package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --classpath} loads tools built outside: a jar compiled by this test. */
class ClasspathOptionTest {
  @TempDir static Path dir;
  static Path jar;

  private final Cli cli = new Cli();

  @BeforeAll
  static void buildJar() throws Exception {
    jar = OutsideToolJar.build(dir);
  }

  @Test
  void withoutTheOption_theToolIsUnknown() {
    Cli.Result r = cli.run("describe", "weather");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(Main.INVALID);
    assertThat(r.error().path("kind").asText()).isEqualTo("unknown_tool");
  }

  @Test
  void list_showsTheOutsideToolBesideTheBundledOnes() {
    Cli.Result r = cli.run("--classpath", jar.toString(), "list");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("weather");
    assertThat(r.out()).contains("kustomer");
  }

  @Test
  void theOptionWorksAfterTheCommandToo_andDryRunsTheOutsideTool() throws Exception {
    Path connection = Cli.write(dir.resolve("weather.json"), "{\"api_key\": \"wk-SECRET-1\"}");

    Cli.Result r = cli.run("call", "weather", "get_forecast", "-cp", jar.toString(),
        "--connection", connection.toString(), "--args", "{\"city\": \"Oslo\"}", "--dry-run");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(Main.OK);
    assertThat(r.outJson().path("method").asText()).isEqualTo("GET");
    assertThat(r.outJson().path("url").asText())
        .isEqualTo("https://weather.example.com/v3/forecast?city=Oslo");
    assertThat(r.out()).doesNotContain("wk-SECRET-1");
  }

  @Test
  void aDirectoryStar_isEveryJarInIt() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Files.copy(jar, plugins.resolve("weather-tool.jar"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    Cli.Result r = cli.run("--classpath", plugins + File.separator + "*", "describe", "weather");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("get_forecast");
  }

  @Test
  void aMissingEntry_isAUsageError() {
    String missing = dir.resolve("nope.jar").toString();

    Cli.Result r = cli.run("--classpath", jar + File.pathSeparator + missing, "list");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(Main.INVALID);
    assertThat(r.err()).contains("--classpath entry '" + missing.replace("\\", "\\\\")
        + "' does not exist; give jars or class directories separated by '" + File.pathSeparator + "'");
  }
}
