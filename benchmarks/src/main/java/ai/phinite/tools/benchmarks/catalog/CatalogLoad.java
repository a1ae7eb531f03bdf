package ai.phinite.tools.benchmarks.catalog;

import ai.phinite.tools.benchmarks.build.SyntheticTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Part 3, catalog load: launches fresh JVMs ({@code java -cp ... CatalogLoadMain}) and records the
 * time from JVM start to a loaded catalog with every descriptor parsed, for the two real tools
 * (the runtime, the two tool jars and Jackson on the class path, nothing else) and for a synthetic
 * tool of 5,000 subtools (generated and compiled with the processor here), each with the JVM's
 * defaults and with an application class-data-sharing archive (AppCDS, made by one training run
 * with {@code -XX:ArchiveClassesAtExit}). Writes {@code catalog.json}.
 */
public final class CatalogLoad {
  private CatalogLoad() {}

  public static void main(String[] argv) throws Exception {
    Path work = Path.of(argv[0]);
    Path out = Path.of(argv[1]);
    String catalogClasspath = Files.readString(Path.of(argv[2])).trim();
    String compileClasspath = Files.readString(Path.of(argv[3])).trim();
    String processorPath = Files.readString(Path.of(argv[4])).trim();
    int runs = Integer.parseInt(argv[5]);
    int synthetic = argv.length > 6 ? Integer.parseInt(argv[6]) : 5000;
    Files.createDirectories(out);
    Path mainDir = work.resolve("catalog-main");
    copyMainClass(mainDir);
    Path mainJar = jar(mainDir, work.resolve("catalog-main.jar"));

    // The synthetic tool set, compiled with the processor.
    Path synthDir = work.resolve("catalog-" + synthetic);
    deleteTree(synthDir);
    List<Path> sources = SyntheticTool.write(synthDir.resolve("src"), synthetic, "synth");
    Path classes = synthDir.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-encoding", "UTF-8",
        "-d", classes.toString(), "-s", synthDir.resolve("generated").toString(),
        "-classpath", compileClasspath, "-processorpath", processorPath));
    Files.createDirectories(synthDir.resolve("generated"));
    sources.forEach(p -> args.add(p.toString()));
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
      String text = errors.toString(StandardCharsets.UTF_8);
      throw new IllegalStateException("The synthetic tool did not compile:\n"
          + text.substring(0, Math.min(text.length(), 3000)));
    }
    // Jars only, as tools ship (and as AppCDS requires).
    Path synthJar = jar(classes, synthDir.resolve("synth-tool.jar"));
    String synthClasspath = String.join(File.pathSeparator, mainJar.toString(), synthJar.toString(),
        only(catalogClasspath, "phinite-tools-runtime", "jackson-"));
    String realClasspath = mainJar + File.pathSeparator + catalogClasspath;

    ObjectMapper mapper = new ObjectMapper();
    ObjectNode report = mapper.createObjectNode();
    report.put("runs", runs);
    report.put("syntheticSubtools", synthetic);
    report.put("syntheticDescriptorBytes",
        Files.size(classes.resolve("META-INF/phinite/tools/synth.json")));
    ArrayNode rows = report.putArray("results");
    record Setup(String name, String classpath, String arg) {}
    List<Setup> setups = List.of(
        new Setup("empty main (JVM start-up alone)", realClasspath, "empty"),
        new Setup("kustomer + customerio", realClasspath, "load"),
        new Setup("synthetic " + synthetic + " subtools", synthClasspath, "load"));
    for (Setup s : setups) {
      for (boolean cds : new boolean[] {false, true}) {
        List<String> flags = new ArrayList<>();
        if (cds) {
          Path archive = work.resolve("cds-" + Math.abs(s.name().hashCode()) + ".jsa");
          Files.deleteIfExists(archive);
          run(List.of("-XX:ArchiveClassesAtExit=" + archive), s.classpath(), s.arg(), mapper);
          flags.add("-XX:SharedArchiveFile=" + archive);
        }
        run(flags, s.classpath(), s.arg(), mapper); // one untimed run: file-system caches
        List<JsonNode> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          results.add(run(flags, s.classpath(), s.arg(), mapper));
        }
        ObjectNode row = rows.addObject();
        row.put("setup", s.name());
        row.put("cds", cds);
        row.put("tools", results.get(0).path("tools").asInt());
        row.put("subtools", results.get(0).path("subtools").asInt());
        for (String field : List.of("startToLoadedMs", "jvmStartToMainMs", "mainToLoadedMs",
            "serviceLoaderMs", "descriptorsMs", "launchToLoadedMs", "launchToExitMs")) {
          double[] v = results.stream().mapToDouble(r -> r.path(field).asDouble()).sorted().toArray();
          ObjectNode f = row.putObject(field);
          f.put("median", v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
          f.put("min", v[0]);
          f.put("max", v[v.length - 1]);
        }
        System.out.println(row);
      }
    }
    report.put("command", "java [-XX:SharedArchiveFile=app.jsa] -cp <runtime, tool jars, Jackson> "
        + CatalogLoadMain.class.getName());
    Files.writeString(out.resolve("catalog.json"), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
  }

  private static JsonNode run(List<String> flags, String classpath, String arg, ObjectMapper mapper)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(List.of("-cp", classpath, CatalogLoadMain.class.getName(), arg));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    long launchWall = System.currentTimeMillis();
    long launch = System.nanoTime();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    double exitMs = (System.nanoTime() - launch) / 1e6;
    String line = Arrays.stream(output.split("\n")).filter(l -> l.startsWith("{")).findFirst().orElse(null);
    if (code != 0 || line == null) {
      throw new IllegalStateException("Child failed (" + code + "): " + output);
    }
    ObjectNode r = (ObjectNode) mapper.readTree(line);
    r.put("startToLoadedMs", r.path("jvmStartToMainMs").asDouble() + r.path("mainToLoadedMs").asDouble());
    r.put("launchToLoadedMs", r.path("wallAtMainMs").asLong() - launchWall + r.path("mainToLoadedMs").asDouble());
    r.put("launchToExitMs", exitMs);
    return r;
  }

  /** The entries of a class path whose file names contain one of the markers. */
  private static String only(String classpath, String... markers) {
    List<String> kept = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      for (String m : markers) {
        if (name.contains(m)) {
          kept.add(entry);
          break;
        }
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  /** Packs a directory into a jar. */
  private static Path jar(Path dir, Path jar) throws IOException {
    Files.deleteIfExists(jar);
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new java.util.jar.JarEntry(dir.relativize(p).toString().replace(File.separatorChar, '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void copyMainClass(Path dir) throws IOException {
    String resource = CatalogLoadMain.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = CatalogLoad.class.getClassLoader().getResourceAsStream(resource)) {
      Files.write(target, in.readAllBytes());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var s = Files.walk(dir)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
