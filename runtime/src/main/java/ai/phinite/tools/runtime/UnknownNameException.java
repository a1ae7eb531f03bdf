package ai.phinite.tools.runtime;

import java.util.Collection;

/** A tool or subtool name that the catalog does not have (or that is not enabled); nothing was sent. */
public final class UnknownNameException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final String kind;

  private UnknownNameException(String kind, String message) {
    super(message, null);
    this.kind = kind;
  }

  static UnknownNameException tool(String id, Collection<String> known) {
    return new UnknownNameException(
        "unknown_tool", "No tool '" + id + "'; available tools: " + String.join(", ", known));
  }

  /**
   * A subtool the tool does not have ({@code exists} false) or that is not enabled; lists the
   * enabled ones.
   */
  public static UnknownNameException subtool(String tool, String name, boolean exists,
      Collection<String> enabled) {
    return new UnknownNameException("unknown_subtool", "Tool '" + tool + "' "
        + (exists ? "has subtool '" + name + "', but it is not enabled on this connection"
            : "has no subtool '" + name + "'")
        + (exists ? "; enabled subtools: " : "; available subtools: ") + String.join(", ", enabled));
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public boolean nothingSent() {
    return true;
  }
}
