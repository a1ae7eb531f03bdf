package ai.phinite.tools.benchmarks.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Part 4, build cost: javac time for synthetic tools of 100, 1,000 and 5,000 subtools
 * ({@link SyntheticTool}), in one JVM, with javac in-process ({@code ToolProvider.getSystemJavaCompiler},
 * the way Maven's compiler plugin runs it), three ways:
 *
 * <ul>
 *   <li>{@code plain}: the interfaces with {@code -proc:none} (what javac costs without the processor);
 *   <li>{@code processor}: the interfaces with the phinite processor on {@code -processorpath}, so
 *       javac also compiles the client and provider it generates and writes the descriptor (what a
 *       build costs);
 *   <li>{@code plainWithGenerated}: the interfaces plus the generated client and provider as if
 *       written by hand, {@code -proc:none} (separates the processor's own work from compiling the
 *       code it writes).
 * </ul>
 *
 * Each size runs {@code warmups} untimed rounds then {@code reps} timed rounds of the three,
 * alternating; a fresh output directory each time. A task listener splits each compile into the
 * annotation-processing phase (the processor's rounds, including parsing what it generates) and the
 * rest (attribution, flow, desugaring, class writing). Writes {@code build.json}.
 */
public final class BuildCost {
  private BuildCost() {}

  public static void main(String[] argv) throws Exception {
    Path work = Path.of(argv[0]);
    Path out = Path.of(argv[1]);
    String compileClasspath = Files.readString(Path.of(argv[2])).trim();
    String processorPath = Files.readString(Path.of(argv[3])).trim();
    int[] sizes = Arrays.stream(argv[4].split(",")).mapToInt(Integer::parseInt).toArray();
    int warmups = Integer.parseInt(argv[5]);
    int reps = Integer.parseInt(argv[6]);
    // Optional: a second processor path (e.g. a candidate change), timed in the same rounds.
    String processorPathB = argv.length > 7 ? Files.readString(Path.of(argv[7])).trim() : null;
    Files.createDirectories(out);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode report = mapper.createObjectNode();
    report.put("javac", System.getProperty("java.vm.version"));
    report.put("warmups", warmups);
    report.put("reps", reps);
    ArrayNode rows = report.putArray("results");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int n : sizes) {
      Path dir = work.resolve("build-" + n);
      deleteTree(dir);
      List<Path> sources = SyntheticTool.write(dir.resolve("src"), n, "synth");
      long sourceBytes = 0;
      for (Path p : sources) {
        sourceBytes += Files.size(p);
      }
      // One processor run to get the generated sources for plainWithGenerated.
      Result first = compile(javac, dir, sources, List.of(), compileClasspath, processorPath, true);
      List<Path> generated;
      try (Stream<Path> s = Files.walk(first.generatedDir)) {
        generated = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      Path generatedCopy = dir.resolve("generated-copy");
      List<Path> copies = new ArrayList<>();
      long generatedBytes = 0;
      for (Path g : generated) {
        Path c = generatedCopy.resolve(first.generatedDir.relativize(g));
        Files.createDirectories(c.getParent());
        Files.copy(g, c);
        copies.add(c);
        generatedBytes += Files.size(g);
      }
      long descriptorBytes = Files.size(first.classesDir.resolve("META-INF/phinite/tools/synth.json"));
      List<double[]> plain = new ArrayList<>();
      List<double[]> proc = new ArrayList<>();
      List<double[]> plainGen = new ArrayList<>();
      List<double[]> procB = new ArrayList<>();
      double coldPlain = -1;
      double coldProc = first.wallMs;
      for (int r = 0; r < warmups + reps; r++) {
        Result a = compile(javac, dir, sources, List.of(), compileClasspath, processorPath, false);
        Result b = compile(javac, dir, sources, List.of(), compileClasspath, processorPath, true);
        Result c = compile(javac, dir, sources, copies, compileClasspath, processorPath, false);
        Result d = processorPathB == null ? null
            : compile(javac, dir, sources, List.of(), compileClasspath, processorPathB, true);
        if (r == 0) {
          coldPlain = a.wallMs;
        }
        if (r >= warmups) {
          plain.add(a.times());
          proc.add(b.times());
          plainGen.add(c.times());
          if (d != null) {
            procB.add(d.times());
          }
        }
        if (d != null) {
          System.out.printf("n=%d rep %d: processor B %.0f ms (processor's own %.0f)%n", n, r, d.wallMs, d.processorOwnMs);
        }
        System.out.printf("n=%d rep %d: plain %.0f ms, processor %.0f ms (processing phase %.0f, processor's own %.0f), plain+generated %.0f ms%n",
            n, r, a.wallMs, b.wallMs, b.processingMs, b.processorOwnMs, c.wallMs);
      }
      ObjectNode row = rows.addObject();
      row.put("subtools", n);
      row.put("sourceFiles", sources.size());
      row.put("sourceBytes", sourceBytes);
      row.put("generatedBytes", generatedBytes);
      row.put("descriptorBytes", descriptorBytes);
      row.put("firstCompileWithProcessorMs", coldProc);
      row.put("firstCompilePlainMs", coldPlain);
      put(row.putObject("plain"), plain);
      put(row.putObject("processor"), proc);
      put(row.putObject("plainWithGenerated"), plainGen);
      if (!procB.isEmpty()) {
        put(row.putObject("processorB"), procB);
      }
    }
    Files.writeString(out.resolve("build.json"), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
  }

  private static void put(ObjectNode node, List<double[]> runs) {
    node.put("medianMs", median(runs, 0));
    node.put("minMs", runs.stream().mapToDouble(t -> t[0]).min().orElse(-1));
    node.put("maxMs", runs.stream().mapToDouble(t -> t[0]).max().orElse(-1));
    node.put("processingMedianMs", median(runs, 1));
    node.put("processorOwnMedianMs", median(runs, 2));
    ArrayNode all = node.putArray("runsMs");
    runs.forEach(t -> all.add(Math.round(t[0] * 10) / 10.0));
  }

  private static double median(List<double[]> runs, int index) {
    double[] v = runs.stream().mapToDouble(t -> t[index]).sorted().toArray();
    return v.length == 0 ? -1 : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private record Result(double wallMs, double processingMs, double processorOwnMs, Path classesDir,
      Path generatedDir) {
    double[] times() {
      return new double[] {wallMs, processingMs, processorOwnMs};
    }
  }

  /** Delegates to a processor, adding the time spent in its init and process calls. */
  private static final class TimedProcessor implements javax.annotation.processing.Processor {
    private final javax.annotation.processing.Processor delegate;
    private final long[] total;

    TimedProcessor(javax.annotation.processing.Processor delegate, long[] total) {
      this.delegate = delegate;
      this.total = total;
    }

    @Override
    public java.util.Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public java.util.Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(javax.annotation.processing.ProcessingEnvironment env) {
      long t = System.nanoTime();
      delegate.init(env);
      total[0] += System.nanoTime() - t;
    }

    @Override
    public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      long t = System.nanoTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        total[0] += System.nanoTime() - t;
      }
    }

    @Override
    public Iterable<? extends javax.annotation.processing.Completion> getCompletions(
        javax.lang.model.element.Element element, javax.lang.model.element.AnnotationMirror annotation,
        javax.lang.model.element.ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }

  private static Result compile(JavaCompiler javac, Path dir, List<Path> sources, List<Path> extra,
      String classpath, String processorPath, boolean withProcessor) throws IOException {
    Path classes = dir.resolve("classes");
    Path generated = dir.resolve("generated");
    deleteTree(classes);
    deleteTree(generated);
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    List<String> options = new ArrayList<>(List.of(
        "--release", "17", "-g", "-encoding", "UTF-8", "-nowarn",
        "-d", classes.toString(), "-s", generated.toString(), "-classpath", classpath));
    if (!withProcessor) {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long[] processing = new long[2];
    long[] own = new long[1];
    long t0;
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<Path> all = new ArrayList<>(sources);
      all.addAll(extra);
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(all);
      StringWriter log = new StringWriter();
      t0 = System.nanoTime();
      JavacTask task = (JavacTask) javac.getTask(log, files, diagnostics, options, null, units);
      java.net.URLClassLoader loader = null;
      if (withProcessor) {
        // What -processorpath does: a new class loader over the path, processors found by
        // ServiceLoader; each is wrapped to time its own init and process calls.
        java.net.URL[] urls = Arrays.stream(processorPath.split(java.io.File.pathSeparator))
            .map(f -> {
              try {
                return Path.of(f).toUri().toURL();
              } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
              }
            }).toArray(java.net.URL[]::new);
        loader = new java.net.URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        List<javax.annotation.processing.Processor> found = new ArrayList<>();
        for (javax.annotation.processing.Processor p
            : java.util.ServiceLoader.load(javax.annotation.processing.Processor.class, loader)) {
          found.add(new TimedProcessor(p, own));
        }
        task.setProcessors(found);
      }
      task.addTaskListener(new TaskListener() {
        @Override
        public void started(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
            processing[0] = System.nanoTime();
          }
        }

        @Override
        public void finished(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
            processing[1] = System.nanoTime();
          }
        }
      });
      ok = task.call();
      if (loader != null) {
        loader.close();
      }
      if (!ok) {
        throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics() + log);
      }
    }
    double wall = (System.nanoTime() - t0) / 1e6;
    double proc = processing[1] > processing[0] ? (processing[1] - processing[0]) / 1e6 : 0;
    return new Result(wall, proc, own[0] / 1e6, classes, generated);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
