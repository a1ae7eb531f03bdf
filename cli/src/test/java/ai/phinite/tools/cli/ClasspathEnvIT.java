package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar loads outside tools from {@code PHINITE_TOOLS_CLASSPATH}. */
class ClasspathEnvIT {
  @TempDir Path dir;

  @Test
  void theEnvironmentVariable_addsTheTools() throws Exception {
    Path jar = OutsideToolJar.build(dir);
    ProcessBuilder pb = new ProcessBuilder(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("phinite.cli.jar"), "describe", "weather");
    pb.environment().put(Main.CLASSPATH_ENV, jar.toString());
    pb.redirectErrorStream(true);
    Path output = dir.resolve("out.txt");
    pb.redirectOutput(output.toFile());
    Process p = pb.start();

    assertWithMessage("the command line did not end within 60 s")
        .that(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(output, UTF_8);
    assertWithMessage(out).that(p.exitValue()).isEqualTo(0);
    assertThat(out).contains("get_forecast");
    assertThat(out).contains("Forecasts from a weather service.");
  }
}
