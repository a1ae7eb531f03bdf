package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds, in a test, the jar of a tool that is not on the command line's class path: javac with the
 * processor (from the test class path) compiles a one-subtool weather tool, and its classes,
 * descriptor and service registration are packed into a jar.
 */
final class OutsideToolJar {
  static final String SOURCE = """
      package com.example.weather;

      import ai.phinite.tools.annotations.Arg;
      import ai.phinite.tools.annotations.Auth;
      import ai.phinite.tools.annotations.Credential;
      import ai.phinite.tools.annotations.GET;
      import ai.phinite.tools.annotations.Query;
      import ai.phinite.tools.annotations.Server;
      import ai.phinite.tools.annotations.Subtool;
      import ai.phinite.tools.annotations.Tool;
      import ai.phinite.tools.runtime.Response;

      @Tool(id = "weather", name = "Weather", toolClass = "WeatherTool",
          description = "Forecasts from a weather service.")
      @Credential(key = "api_key", label = "API Key", description = "The service's key.", secret = true)
      @Server(id = "api", url = "https://weather.example.com/v3", auth = @Auth(bearer = "api_key"))
      public interface WeatherTool {
        @Subtool(title = "Get Forecast", description = "The forecast for a city.")
        @GET("/forecast")
        Response getForecast(@Query @Arg("The city, e.g. Oslo.") String city);
      }
      """;

  private OutsideToolJar() {}

  /** Compiles the weather tool in {@code dir} and returns {@code dir/weather-tool.jar}. */
  static Path build(Path dir) throws IOException {
    Path src = dir.resolve("src/com/example/weather/WeatherTool.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, SOURCE, UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("java.class.path");
    StringWriter out = new StringWriter();
    boolean ok = javac.getTask(out, null, null, List.of("-d", classes.toString(),
            "-classpath", classpath, "-processorpath", classpath, "--release", "17"),
        null, javac.getStandardFileManager(null, null, UTF_8).getJavaFileObjects(src.toFile()))
        .call();
    assertWithMessage("javac: %s", out).that(ok).isTrue();
    Path jar = dir.resolve("weather-tool.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(file);
        Stream<Path> all = Files.walk(classes)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(p));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
