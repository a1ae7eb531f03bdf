package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.AuthSpec;
import ai.phinite.tools.runtime.ToolDescriptor.ConnectionTestSpec;
import ai.phinite.tools.runtime.ToolDescriptor.CredentialSpec;
import ai.phinite.tools.runtime.ToolDescriptor.Hints;
import ai.phinite.tools.runtime.ToolDescriptor.ServerSpec;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.ToolDescriptor.VariantSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a tool's descriptor as readable text: the tool (name, description, docs, credentials,
 * servers, connection checks, then every subtool) or one subtool in detail.
 */
final class DescriptorText {
  private DescriptorText() {}

  /** The whole tool. */
  static void tool(PrintWriter out, ToolDescriptor d) {
    tool(out, d, ai.phinite.tools.runtime.SubtoolSelection.all());
  }

  /** The tool with only the selected subtools. */
  static void tool(PrintWriter out, ToolDescriptor d,
      ai.phinite.tools.runtime.SubtoolSelection selection) {
    out.println(d.name() + " (" + d.id() + ")");
    Text.wrap(out, "", d.description());
    if (!d.docsUrl().isEmpty()) {
      out.println("Docs: " + d.docsUrl());
    }
    if (!d.toolClass().isEmpty()) {
      out.println("Tool class: " + d.toolClass());
    }
    out.println();
    out.println("Credentials");
    credentials(out, d.credentials());
    out.println();
    out.println("Servers");
    int idWidth = d.servers().keySet().stream().mapToInt(String::length).max().orElse(0);
    String under = "  " + " ".repeat(idWidth + 2);
    for (ServerSpec s : d.servers().values()) {
      out.println("  " + pad(s.id(), idWidth) + "  " + s.url());
      out.println(under + "auth: " + auth(s.auth()));
      for (VariantSpec v : s.variants()) {
        String when = v.equals() == null
            ? v.credential() + " is set" : v.credential() + " is \"" + v.equals() + "\"";
        out.println(under + "when " + when + ": " + v.url());
      }
    }
    if (!d.connectionTests().isEmpty()) {
      out.println();
      out.println("Connection checks (test-connection)");
      for (ConnectionTestSpec t : d.connectionTests()) {
        out.println("  " + t.label() + ": runs " + t.operation() + " on server " + t.server());
      }
    }
    out.println();
    java.util.List<SubtoolSpec> shown = selection.of(d);
    out.println("Subtools (" + (shown.size() == d.subtools().size() ? "" + shown.size()
        : shown.size() + " of " + d.subtools().size() + " selected") + ")");
    for (SubtoolSpec s : shown) {
      out.println();
      out.println("  " + s.name() + "  " + s.title());
      Text.wrap(out, "    ", s.description());
      out.println("    hints: " + hints(s.hints()));
      out.println("    request: " + request(s, null));
      out.println("    arguments:");
      SchemaText.arguments(out, "      ", s.inputSchema());
    }
  }

  /** One subtool in detail, with its server's base URL and authentication. */
  static void subtool(PrintWriter out, ToolDescriptor d, SubtoolSpec s) {
    out.println(s.name() + "  " + s.title());
    out.println("Tool: " + d.name() + " (" + d.id() + ")");
    Text.wrap(out, "", s.description());
    out.println();
    out.println("Hints: " + hints(s.hints()));
    ServerSpec server = s.http() == null ? null : d.servers().get(s.http().server());
    out.println("Request: " + request(s, server));
    if (server != null) {
      out.println("  server " + server.id() + ", auth: " + auth(server.auth()));
    }
    out.println();
    out.println("Arguments");
    SchemaText.arguments(out, "  ", s.inputSchema());
    out.println();
    out.println("Call: phinite-tools call " + d.id() + " " + s.name()
        + " --connection FILE --args JSON|@FILE [--dry-run]");
  }

  private static void credentials(PrintWriter out, List<CredentialSpec> credentials) {
    if (credentials.isEmpty()) {
      out.println("  (none)");
      return;
    }
    int keyWidth = credentials.stream().mapToInt(c -> c.key().length()).max().orElse(0);
    int labelWidth = credentials.stream().mapToInt(c -> c.label().length()).max().orElse(0);
    for (CredentialSpec c : credentials) {
      List<String> facts = new ArrayList<>();
      facts.add(c.required() ? "required" : "optional");
      if (c.secret()) {
        facts.add("secret");
      }
      if (c.defaultValue() != null) {
        facts.add("default \"" + c.defaultValue() + "\"");
      }
      if (!c.allowed().isEmpty()) {
        facts.add("allowed: " + String.join(", ", c.allowed()));
      }
      if (c.pattern() != null) {
        facts.add("matches " + c.pattern());
      }
      out.println("  " + pad(c.key(), keyWidth) + "  " + pad(c.label(), labelWidth) + "  "
          + String.join(", ", facts));
      Text.wrap(out, "  " + " ".repeat(keyWidth + 2), c.description());
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  /** The hints in words, e.g. {@code read-only, idempotent, open-world}. */
  static String hints(Hints h) {
    List<String> words = new ArrayList<>();
    if (h.readOnly()) {
      words.add("read-only");
    }
    if (h.destructive()) {
      words.add("destructive");
    }
    if (h.idempotent()) {
      words.add("idempotent");
    }
    if (h.openWorld()) {
      words.add("open-world");
    }
    return words.isEmpty() ? "none" : String.join(", ", words);
  }

  /** The HTTP request, with the server's base URL when given, else the server's id. */
  private static String request(SubtoolSpec s, ServerSpec server) {
    if (s.http() == null) {
      return "several requests (a multi-step subtool; --dry-run shows the first)";
    }
    if (server != null) {
      return s.http().method() + " " + server.url() + s.http().path();
    }
    return s.http().method() + " " + s.http().path() + "  (server " + s.http().server() + ")";
  }

  /** How a server authenticates, naming the credentials (never their values). */
  static String auth(AuthSpec a) {
    switch (a.type()) {
      case "bearer":
        return "Authorization: Bearer <" + a.credential() + ">";
      case "basic":
        return "HTTP Basic, user <" + a.username() + ">, password <" + a.password() + ">";
      case "header":
        return a.header() + ": <" + a.credential() + ">";
      case "oauth2":
        return "OAuth2 " + a.oauth2().grant().replace('_', ' ') + " grant at "
            + a.oauth2().tokenUrl() + ", credentials <" + String.join(">, <",
                a.oauth2().credentials()) + ">"
            + (a.oauth2().scopes().isEmpty() ? "" : ", scopes " + String.join(" ", a.oauth2().scopes()));
      case "none":
        return "none";
      default:
        return a.type();
    }
  }
}
