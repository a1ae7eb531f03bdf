package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code describe TOOL [SUBTOOL]}: a tool (or one of its subtools) as readable text, or with
 * {@code --json} the descriptor (or the subtool's entry) exactly as generated, pretty-printed.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Describe a tool: credentials, servers and subtools with their arguments;"
        + " or one subtool in detail.")
public final class DescribeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOOL", description = "The tool's id (see list).")
  String tool;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SUBTOOL",
      description = "A subtool's name, to describe only that subtool.")
  String subtool;

  @picocli.CommandLine.Mixin Selection selection;

  @Option(names = "--json",
      description = "Print the descriptor JSON (or the subtool's entry) exactly as generated.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ai.phinite.tools.runtime.ToolProvider<?> provider = main.catalog().require(tool);
    ToolDescriptor d = provider.descriptor();
    ai.phinite.tools.runtime.SubtoolSelection chosen = selection.parse(java.util.List.of(provider));
    if (subtool == null) {
      if (json) {
        JsonOutput.print(out, ai.phinite.tools.runtime.export.ToolExport.graphStudio(d, chosen));
      } else {
        DescriptorText.tool(out, d, chosen);
      }
    } else {
      SubtoolSpec s = d.subtool(subtool);
      if (s == null || !chosen.allows(d.id(), subtool)) {
        throw ai.phinite.tools.runtime.UnknownNameException.subtool(d.id(), subtool, s != null,
            chosen.of(d).stream().map(SubtoolSpec::name).toList());
      }
      if (json) {
        JsonOutput.print(out, s.json());
      } else {
        DescriptorText.subtool(out, d, s);
      }
    }
    out.flush();
    return Main.OK;
  }
}
