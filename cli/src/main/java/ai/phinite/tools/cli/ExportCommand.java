package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.export.ExportFormat;
import ai.phinite.tools.runtime.export.ToolExport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code export}: writes each tool's descriptor for Graph Studio or an agent host, one file per
 * tool, {@code DIR/<id>.<format>.json}. All formats come from the generated descriptors.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Write each tool's descriptor for Graph Studio or an agent host, one file per"
        + " tool: DIR/<id>.<format>.json.",
        "Formats: graph-studio (the descriptor as generated), mcp (tools/list entries), openai"
        + " (function tools, strict where the schema allows), anthropic (tools), gemini"
        + " (function declarations in the Gemini API's OpenAPI 3.0 schema subset)."})
public final class ExportCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "graph-studio, mcp, openai, anthropic or gemini.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write to (created if missing).")
  Path out;

  @Option(names = "--prefix", negatable = true,
      description = "Prefix names with the tool id (kustomer_get_customer); default: when"
          + " several tools are exported.")
  Boolean prefix;

  @Mixin Selection selection;

  @Parameters(paramLabel = "TOOL", arity = "0..*",
      description = "The tools to export (default: every tool, or those --subtools names).")
  List<String> toolIds;

  @Override
  public Integer call() {
    ExportFormat exportFormat;
    try {
      exportFormat = ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw CliException.invalidInput("--format", e.getMessage());
    }
    List<ToolProvider<?>> tools = new ArrayList<>();
    if (toolIds == null || toolIds.isEmpty()) {
      tools.addAll(main.catalog().tools());
    } else {
      toolIds.forEach(id -> tools.add(main.catalog().require(id)));
    }
    SubtoolSelection chosen = selection.parse(tools);
    tools.removeIf(t -> !chosen.includesTool(t.descriptor()));
    boolean prefixNames = prefix != null ? prefix : tools.size() > 1;
    PrintWriter console = spec.commandLine().getOut();
    try {
      Files.createDirectories(out);
      for (ToolProvider<?> tool : tools) {
        ToolDescriptor d = tool.descriptor();
        ObjectNode doc;
        try {
          doc = ToolExport.export(d, exportFormat, chosen, prefixNames);
        } catch (IllegalArgumentException e) {
          throw CliException.invalidInput("--prefix", e.getMessage());
        }
        Path file = out.resolve(d.id() + "." + exportFormat.id() + ".json");
        Files.writeString(file, JsonOutput.pretty(doc) + "\n", StandardCharsets.UTF_8);
        console.println("wrote " + file + " (" + chosen.of(d).size() + " subtools)");
        if (exportFormat == ExportFormat.OPENAI) {
          for (String note : ToolExport.notStrict(d, chosen)) {
            console.println("  not strict: " + note);
          }
        }
        if (exportFormat == ExportFormat.GEMINI) {
          for (String note : ToolExport.notGemini(d, chosen, prefixNames)) {
            console.println("  not accepted by Gemini: " + note);
          }
        }
      }
    } catch (IOException e) {
      throw CliException.invalidInput("--out", "cannot write to " + out + ": " + e.getMessage());
    }
    console.flush();
    return Main.OK;
  }
}
