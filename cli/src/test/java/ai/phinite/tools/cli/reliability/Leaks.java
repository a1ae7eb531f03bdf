package ai.phinite.tools.cli.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.ToolException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a test saw printed or thrown, by where it came from, searched for secret values and
 * their encoded forms. The assertion lists every place a secret appeared.
 */
final class Leaks {
  private final Map<String, String> needles;
  private final List<String[]> seen = new ArrayList<>();

  /** @param needles what must never appear, by a name for the failure message */
  Leaks(Map<String, String> needles) {
    this.needles = new LinkedHashMap<>(needles);
  }

  /** Adds a needle (e.g. an invalid secret value given to a connection). */
  void secret(String name, String value) {
    needles.put(name, value);
  }

  /** Records output to search. */
  void add(String where, Object output) {
    seen.add(new String[] {where, String.valueOf(output)});
  }

  /**
   * Records a failure: its message, {@code toString()}, stack trace with causes, and for a
   * {@link ToolException} its {@code toJson()}.
   */
  void add(String where, Throwable t) {
    add(where + " message", t.getMessage());
    add(where + " toString", t.toString());
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    add(where + " stack trace", trace);
    if (t instanceof ToolException e) {
      add(where + " toJson", e.toJson());
    }
  }

  /** Runs an action expected to fail and records the failure; a success is recorded too. */
  void expectFailure(String where, Runnable action) {
    try {
      action.run();
      add(where + " (did not fail)", "");
    } catch (Throwable t) {
      add(where, t);
    }
  }

  int size() {
    return seen.size();
  }

  /** Fails naming every place a secret (or its Base64 form) appeared. */
  void assertNone() {
    List<String> hits = new ArrayList<>();
    for (String[] s : seen) {
      for (Map.Entry<String, String> n : needles.entrySet()) {
        int at = s[1].indexOf(n.getValue());
        if (at >= 0) {
          int from = Math.max(0, at - 60);
          hits.add(s[0] + " shows " + n.getKey() + ": ..."
              + s[1].substring(from, Math.min(s[1].length(), at + n.getValue().length() + 30))
              .replace("\n", "\\n") + "...");
        }
      }
    }
    assertWithMessage("secrets appeared in %s of %s outputs:\n%s", hits.size(), seen.size(),
        String.join("\n", hits)).that(hits).isEmpty();
  }
}
