package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Hand-written descriptors for runtime tests (tool modules test generated ones). */
public final class Fixtures {
  private Fixtures() {}

  /** The sample descriptor in src/test/resources/fixtures/sample.json. */
  public static ToolDescriptor sample() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/sample.json")) {
      return ToolDescriptor.of((ObjectNode) Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
