package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolProvider;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --subtools a,b,c}: the subtools to expose, as Graph Studio enables them per agent
 * ({@code tool:subtool}, {@code tool:*}, or a bare subtool name).
 */
public final class Selection {
  @Option(names = "--subtools", paramLabel = "LIST",
      description = "Only these subtools: comma-separated tool:subtool, tool:* or subtool"
          + " (default: all).")
  String text;

  /**
   * The selection, checked against the tools it applies to.
   *
   * @throws CliException when it is malformed or names a tool or subtool that is not there
   */
  SubtoolSelection parse(List<ToolProvider<?>> tools) {
    SubtoolSelection selection;
    try {
      selection = SubtoolSelection.parse(text);
    } catch (IllegalArgumentException e) {
      throw CliException.invalidInput("--subtools", e.getMessage());
    }
    List<ToolDescriptor> descriptors = new ArrayList<>();
    tools.forEach(t -> descriptors.add(t.descriptor()));
    List<String> unknown = selection.unknownEntries(descriptors);
    if (!unknown.isEmpty()) {
      throw CliException.invalidInput("--subtools", "--subtools names what is not there: "
          + String.join("; ", unknown));
    }
    return selection;
  }
}
