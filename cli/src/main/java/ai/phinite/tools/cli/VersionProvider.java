package ai.phinite.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code --version} prints: the runtime's own version (written into the runtime jar at
 * build time), which the command line is always built with, and the Java that runs it.
 */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "/ai/phinite/tools/runtime/version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "phinite-tools " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  /** This build's version, or {@code dev} when it is not known. */
  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
