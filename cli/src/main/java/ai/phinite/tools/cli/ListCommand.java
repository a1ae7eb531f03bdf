package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code list}: a table of the tools on the class path (id, name, number of subtools), or with
 * {@code --json} an array of {@code {"id","name","subtools"}}.
 */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List the tools on the class path: id, name and number of subtools.")
public final class ListCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON array of {\"id\",\"name\",\"subtools\"}.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ToolProvider<?>> tools = main.catalog().tools();
    if (json) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (ToolProvider<?> tool : tools) {
        ToolDescriptor d = tool.descriptor();
        list.addObject().put("id", d.id()).put("name", d.name()).put("subtools", d.subtools().size());
      }
      JsonOutput.print(out, list);
      return Main.OK;
    }
    if (tools.isEmpty()) {
      out.println("No tools found on the class path.");
      out.flush();
      return Main.OK;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "NAME", "SUBTOOLS"});
    for (ToolProvider<?> tool : tools) {
      ToolDescriptor d = tool.descriptor();
      rows.add(new String[] {d.id(), d.name(), Integer.toString(d.subtools().size())});
    }
    Text.table(out, rows);
    out.flush();
    return Main.OK;
  }
}
