package ai.phinite.tools.benchmarks.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the source of a synthetic tool with {@code n} subtools, laid out like the real ones: one
 * {@code @Tool} interface extending one resource interface per 100 subtools, with the mix of
 * bindings real tools use, in rotation:
 *
 * <ol start="0">
 *   <li>GET by id: {@code @Path};
 *   <li>GET list: {@code @Query} integers with bounds, a list query, an enum query;
 *   <li>POST create: {@code @BodyField}s (one nested, one email), {@code @BodyMerge}, {@code @Header};
 *   <li>PATCH: {@code @Path} + whole {@code @Body} object;
 *   <li>POST items: {@code @Path} + a {@code @BodyField} list of records;
 *   <li>DELETE by id.
 * </ol>
 *
 * Generated into a directory under {@code target/} at run time; never committed.
 */
public final class SyntheticTool {
  public static final String PACKAGE = "bench.synth";
  public static final int PER_INTERFACE = 100;

  private SyntheticTool() {}

  /** Writes the sources of a tool with {@code subtools} subtools and id {@code toolId}; returns the files. */
  public static List<Path> write(Path sourceRoot, int subtools, String toolId) throws IOException {
    Path dir = sourceRoot.resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    String prefix = camel(toolId);
    files.add(write(dir.resolve("Status.java"), "package " + PACKAGE + ";\n\n"
        + "/** A thing's status. */\npublic enum Status { open, pending, closed }\n"));
    files.add(write(dir.resolve("Item.java"), "package " + PACKAGE + ";\n\n"
        + "import ai.phinite.tools.annotations.Arg;\n\n"
        + "/** One item of a thing. */\npublic record Item(\n"
        + "    @Arg(value = \"The item's id.\", required = false) String id,\n"
        + "    @Arg(value = \"The email address of the item's contact.\", required = false, format = \"email\") String email,\n"
        + "    @Arg(value = \"How many.\", required = false, min = 1, max = 1000) Integer quantity) {}\n"));
    int groups = (subtools + PER_INTERFACE - 1) / PER_INTERFACE;
    StringBuilder parents = new StringBuilder();
    for (int g = 0; g < groups; g++) {
      String name = prefix + "Group" + g;
      parents.append(g == 0 ? "" : ", ").append(name);
      StringBuilder s = new StringBuilder();
      s.append("package ").append(PACKAGE).append(";\n\n")
          .append("import ai.phinite.tools.annotations.*;\n")
          .append("import ai.phinite.tools.runtime.Response;\n")
          .append("import com.fasterxml.jackson.databind.node.ObjectNode;\n")
          .append("import java.util.List;\n\n")
          .append("/** Subtools ").append(g * PER_INTERFACE).append(" to ")
          .append(Math.min(subtools, (g + 1) * PER_INTERFACE) - 1).append(". */\n")
          .append("public interface ").append(name).append(" {\n");
      for (int i = g * PER_INTERFACE; i < Math.min(subtools, (g + 1) * PER_INTERFACE); i++) {
        subtool(s, i);
      }
      s.append("}\n");
      files.add(write(dir.resolve(name + ".java"), s.toString()));
    }
    String tool = "package " + PACKAGE + ";\n\n"
        + "import ai.phinite.tools.annotations.*;\n\n"
        + "/** A synthetic tool of " + subtools + " subtools. */\n"
        + "@Tool(id = \"" + toolId + "\", name = \"Synthetic " + subtools + "\", toolClass = \"" + prefix + "Tool\",\n"
        + "    description = \"A synthetic tool of " + subtools + " subtools for build and load benchmarks.\",\n"
        + "    docsUrl = \"https://docs.synthetic.example/\")\n"
        + "@Credential(key = \"api_key\", label = \"API Key\", description = \"The API key.\", secret = true)\n"
        + "@Server(id = \"api\", url = \"https://api.synthetic.example/v1\", auth = @Auth(bearer = \"api_key\"))\n"
        + "public interface " + prefix + "Tool extends " + parents + " {}\n";
    files.add(write(dir.resolve(prefix + "Tool.java"), tool));
    return files;
  }

  private static void subtool(StringBuilder s, int i) {
    String n = Integer.toString(i);
    switch (i % 6) {
      case 0 -> s.append("  @Subtool(title = \"Get Thing ").append(n).append("\", description = \"Fetch one thing of kind ").append(n).append(" by its id.\")\n")
          .append("  @GET(\"/things").append(n).append("/{thing_id}\")\n")
          .append("  Response getThing").append(n).append("(@Path @Arg(\"The thing's id.\") String thingId);\n\n");
      case 1 -> s.append("  @Subtool(title = \"List Things ").append(n).append("\", description = \"List things of kind ").append(n).append(", newest first, with optional filters.\")\n")
          .append("  @GET(\"/things").append(n).append("\")\n")
          .append("  Response listThings").append(n).append("(\n")
          .append("      @Query @Arg(value = \"The page to fetch, from 1.\", required = false, min = 1) Integer page,\n")
          .append("      @Query(\"pageSize\") @Arg(value = \"Things per page.\", required = false, min = 1, max = 100, defaultValue = \"25\") Integer pageSize,\n")
          .append("      @Query(\"tag\") @Arg(value = \"Only things with all these tags.\", required = false, maxItems = 10) List<String> tags,\n")
          .append("      @Query @Arg(value = \"Only things with this status.\", required = false) Status status);\n\n");
      case 2 -> s.append("  @Subtool(title = \"Create Thing ").append(n).append("\", description = \"Create a thing of kind ").append(n).append(".\")\n")
          .append("  @POST(\"/things").append(n).append("\")\n")
          .append("  Response createThing").append(n).append("(\n")
          .append("      @BodyField @Arg(value = \"A one-line name.\", minLength = 1, maxLength = 200) String name,\n")
          .append("      @BodyField(\"owner.email\") @Arg(value = \"The owner's email address.\", format = \"email\") String ownerEmail,\n")
          .append("      @BodyField @Arg(value = \"Priority from 1 (low) to 4 (urgent).\", required = false, min = 1, max = 4) Integer priority,\n")
          .append("      @BodyMerge @Arg(value = \"More fields, merged into the body.\", required = false) ObjectNode additionalFields,\n")
          .append("      @Header(\"Idempotency-Key\") @Arg(value = \"A key that makes retries safe.\", required = false, maxLength = 64) String idempotencyKey);\n\n");
      case 3 -> s.append("  @Subtool(title = \"Update Thing ").append(n).append("\", description = \"Change a thing of kind ").append(n).append("; give only the fields to change.\")\n")
          .append("  @PATCH(\"/things").append(n).append("/{thing_id}\")\n")
          .append("  Response updateThing").append(n).append("(\n")
          .append("      @Path @Arg(\"The thing's id.\") String thingId,\n")
          .append("      @Body @Arg(value = \"The fields to change; a null clears a field.\", minProperties = 1) ObjectNode updateFields);\n\n");
      case 4 -> s.append("  @Subtool(title = \"Add Items ").append(n).append("\", description = \"Add up to 100 items to a thing of kind ").append(n).append(".\")\n")
          .append("  @POST(\"/things").append(n).append("/{thing_id}/items\")\n")
          .append("  Response addItems").append(n).append("(\n")
          .append("      @Path @Arg(\"The thing's id.\") String thingId,\n")
          .append("      @BodyField @Arg(value = \"The items to add.\", minItems = 1, maxItems = 100) List<Item> items);\n\n");
      default -> s.append("  @Subtool(title = \"Delete Thing ").append(n).append("\", description = \"Delete a thing of kind ").append(n).append(". Irreversible.\")\n")
          .append("  @DELETE(\"/things").append(n).append("/{thing_id}\")\n")
          .append("  Response deleteThing").append(n).append("(@Path @Arg(\"The thing's id.\") String thingId);\n\n");
    }
  }

  private static String camel(String id) {
    StringBuilder out = new StringBuilder();
    boolean up = true;
    for (char c : id.toCharArray()) {
      if (c == '_' || c == '-') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** {@code java SyntheticTool <dir> <subtools> [id]}: writes the sources. */
  public static void main(String[] args) throws IOException {
    List<Path> files = write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? args[2] : "synth");
    System.out.println(files.size() + " files");
  }
}
