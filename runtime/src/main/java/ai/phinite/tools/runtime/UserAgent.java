package ai.phinite.tools.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The User-Agent every request sends: this project and its version. */
final class UserAgent {
  static final String VALUE = "phinite-tools/" + version();

  private UserAgent() {}

  private static String version() {
    try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
