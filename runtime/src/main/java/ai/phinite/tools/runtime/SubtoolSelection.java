package ai.phinite.tools.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which subtools are enabled, as Graph Studio enables them per agent: a comma-separated list of
 * {@code tool:subtool}, {@code tool:*} (every subtool of a tool), or a bare {@code subtool} (that
 * subtool of whichever selected tool has it). A name ending in {@code *} matches every subtool
 * that starts with what comes before it ({@code kustomer:get_*}). The empty selection enables
 * everything.
 *
 * <pre>{@code
 * SubtoolSelection.parse("kustomer:*,customerio:track_event")
 * }</pre>
 */
public final class SubtoolSelection {
  private static final SubtoolSelection ALL = new SubtoolSelection(Map.of(), Set.of());

  /** tool id → subtool names ({@code *} for all). */
  private final Map<String, Set<String>> byTool;
  private final Set<String> bare;

  private SubtoolSelection(Map<String, Set<String>> byTool, Set<String> bare) {
    this.byTool = byTool;
    this.bare = bare;
  }

  /** Everything enabled. */
  public static SubtoolSelection all() {
    return ALL;
  }

  /**
   * Parses a selection; {@code null} or blank selects everything.
   *
   * @throws IllegalArgumentException for an entry that is not {@code tool:subtool}, {@code tool:*}
   *     or {@code subtool}
   */
  public static SubtoolSelection parse(String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    Map<String, Set<String>> byTool = new LinkedHashMap<>();
    Set<String> bare = new LinkedHashSet<>();
    for (String raw : text.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon < 0) {
        bare.add(entry);
      } else if (colon == 0 || colon == entry.length() - 1 || entry.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException("'" + entry + "' is not a subtool selection; write"
            + " tool:subtool, tool:* or subtool");
      } else {
        byTool.computeIfAbsent(entry.substring(0, colon), k -> new LinkedHashSet<>())
            .add(entry.substring(colon + 1));
      }
    }
    return new SubtoolSelection(byTool, bare);
  }

  /** Whether nothing is restricted. */
  public boolean isAll() {
    return byTool.isEmpty() && bare.isEmpty();
  }

  /** Whether the tool has any subtool selected (always true for the empty selection). */
  public boolean includesTool(ToolDescriptor tool) {
    return isAll() || byTool.containsKey(tool.id())
        || tool.subtools().keySet().stream().anyMatch(s -> matchesAny(bare, s));
  }

  /** Whether a subtool is enabled. */
  public boolean allows(String tool, String subtool) {
    if (isAll() || matchesAny(bare, subtool)) {
      return true;
    }
    Set<String> names = byTool.get(tool);
    return names != null && matchesAny(names, subtool);
  }

  private static boolean matchesAny(Set<String> patterns, String subtool) {
    for (String p : patterns) {
      if (matches(p, subtool)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String subtool) {
    return pattern.endsWith("*")
        ? subtool.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(subtool);
  }

  /** The enabled subtools of a tool, in descriptor order. */
  public List<ToolDescriptor.SubtoolSpec> of(ToolDescriptor tool) {
    List<ToolDescriptor.SubtoolSpec> out = new ArrayList<>();
    for (ToolDescriptor.SubtoolSpec s : tool.subtools().values()) {
      if (allows(tool.id(), s.name())) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Every entry that names a tool or subtool the given tools do not have, as messages; empty
   * when the selection is sound.
   */
  public List<String> unknownEntries(Collection<ToolDescriptor> tools) {
    List<String> problems = new ArrayList<>();
    Map<String, ToolDescriptor> byId = new LinkedHashMap<>();
    tools.forEach(t -> byId.put(t.id(), t));
    byTool.forEach((tool, names) -> {
      ToolDescriptor d = byId.get(tool);
      if (d == null) {
        problems.add("no tool '" + tool + "' (available: " + String.join(", ", byId.keySet()) + ")");
        return;
      }
      for (String n : names) {
        if (d.subtools().keySet().stream().noneMatch(s -> matches(n, s))) {
          problems.add("tool '" + tool + "' has no subtool '" + n + "'");
        }
      }
    });
    for (String n : bare) {
      if (tools.stream().noneMatch(t -> t.subtools().keySet().stream().anyMatch(s -> matches(n, s)))) {
        problems.add("no selected tool has a subtool '" + n + "'");
      }
    }
    return problems;
  }

  @Override
  public String toString() {
    if (isAll()) {
      return "*";
    }
    List<String> parts = new ArrayList<>(bare);
    byTool.forEach((tool, names) -> names.forEach(n -> parts.add(tool + ":" + n)));
    return String.join(",", parts);
  }
}
