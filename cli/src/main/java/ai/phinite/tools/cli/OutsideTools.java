package ai.phinite.tools.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A class loader over the jars and class directories of {@code --classpath}, whose parent is the
 * command line's own loader: outside tools see the runtime and Jackson of the command line, and
 * the bundled tools stay visible.
 */
final class OutsideTools implements AutoCloseable {
  private final URLClassLoader loader;

  private OutsideTools(URLClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Opens a class path: entries separated by the platform's path separator; {@code DIR/*} stands
   * for every jar in {@code DIR}, in name order.
   *
   * @throws IllegalArgumentException naming an entry that does not exist
   */
  static OutsideTools open(String classpath) {
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      if (entry.endsWith("*") && (entry.length() == 1 || isSeparator(entry.charAt(entry.length() - 2)))) {
        Path dir = Path.of(entry.length() == 1 ? "." : entry.substring(0, entry.length() - 2));
        if (!Files.isDirectory(dir)) {
          throw new IllegalArgumentException("--classpath entry '" + entry + "': " + dir
              + " is not a directory");
        }
        try (Stream<Path> jars = Files.list(dir)) {
          jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
              .forEach(p -> urls.add(url(p)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        Path path = Path.of(entry);
        if (!Files.exists(path)) {
          throw new IllegalArgumentException("--classpath entry '" + entry + "' does not exist;"
              + " give jars or class directories separated by '" + File.pathSeparator + "'");
        }
        urls.add(url(path));
      }
    }
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    return new OutsideTools(new URLClassLoader("phinite-outside-tools", urls.toArray(URL[]::new),
        parent != null ? parent : OutsideTools.class.getClassLoader()));
  }

  private static boolean isSeparator(char c) {
    return c == '/' || c == File.separatorChar;
  }

  private static URL url(Path path) {
    try {
      return path.toAbsolutePath().normalize().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("--classpath entry " + path + " is not a valid path", e);
    }
  }

  ClassLoader loader() {
    return loader;
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
