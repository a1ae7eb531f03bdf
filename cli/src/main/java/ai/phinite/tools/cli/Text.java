package ai.phinite.tools.cli;

import java.io.PrintWriter;
import java.util.List;

/** Small helpers for readable text output: aligned tables and word-wrapped paragraphs. */
final class Text {
  /** The width paragraphs are wrapped to. */
  static final int WIDTH = 100;

  private Text() {}

  /** Prints rows as columns separated by two spaces, each as wide as its widest cell. */
  static void table(PrintWriter out, List<String[]> rows) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /**
   * Prints text word-wrapped to {@link #WIDTH} columns, every line starting with {@code indent};
   * line breaks in the text are kept. Nothing is printed for blank text.
   */
  static void wrap(PrintWriter out, String indent, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    int room = Math.max(40, WIDTH - indent.length());
    for (String paragraph : text.strip().split("\\R")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        if (line.length() > 0 && line.length() + 1 + word.length() > room) {
          out.println(indent + line);
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      out.println(indent + line);
    }
  }
}
