package ai.phinite.tools.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every tool found on a class path, by id. Tools are found through {@link ServiceLoader}
 * registrations that the annotation processor writes; their descriptors are read on first use.
 */
public final class ToolCatalog {
  private final Map<String, ToolProvider<?>> tools;

  private ToolCatalog(Map<String, ToolProvider<?>> tools) {
    this.tools = Collections.unmodifiableMap(tools);
  }

  /** Loads the tools visible to the context class loader (or this library's loader). */
  public static ToolCatalog load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(loader != null ? loader : ToolCatalog.class.getClassLoader());
  }

  /**
   * Loads the tools visible to a class loader.
   *
   * @throws IllegalStateException when two tools share an id
   */
  @SuppressWarnings("rawtypes")
  public static ToolCatalog load(ClassLoader loader) {
    TreeMap<String, ToolProvider<?>> found = new TreeMap<>();
    for (ToolProvider<?> provider : ServiceLoader.load(ToolProvider.class, loader)) {
      ToolProvider<?> clash = found.put(provider.id(), provider);
      if (clash != null && clash.getClass() != provider.getClass()) {
        throw new IllegalStateException("Two tools have the id '" + provider.id() + "': "
            + clash.getClass().getName() + " and " + provider.getClass().getName());
      }
    }
    return new ToolCatalog(new LinkedHashMap<>(found));
  }

  /** The tools, sorted by id. */
  public List<ToolProvider<?>> tools() {
    return new ArrayList<>(tools.values());
  }

  /** The ids of the tools, sorted. */
  public List<String> ids() {
    return new ArrayList<>(tools.keySet());
  }

  /** The tool with this id, if present. */
  public Optional<ToolProvider<?>> find(String id) {
    return Optional.ofNullable(tools.get(id));
  }

  /**
   * The tool with this id.
   *
   * @throws UnknownNameException when there is none
   */
  public ToolProvider<?> require(String id) {
    ToolProvider<?> tool = tools.get(id);
    if (tool == null) {
      throw UnknownNameException.tool(id, tools.keySet());
    }
    return tool;
  }
}
