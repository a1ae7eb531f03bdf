package ai.phinite.tools.runtime.internal.schema;

import java.util.regex.Pattern;

/**
 * ECMA-262 regular expressions on {@link java.util.regex}: translates the few constructs that
 * differ, and bounds the work (and stack) a hostile string can cost.
 */
final class EcmaRegex {
  private EcmaRegex() {}

  /**
   * Compiles an ECMA-262 pattern (no flags). Differences from Java that matter are translated:
   * {@code $} matches only at the very end of the input ({@code \z}, where Java's {@code $} would
   * also match before a final line break), {@code [} and {@code &} are literal inside a class,
   * {@code []} matches nothing, {@code [^]} matches anything, {@code \0} is NUL and a backslash, u
   * and a braced hexadecimal number is that code point.
   *
   * @throws java.util.regex.PatternSyntaxException if the pattern is malformed
   */
  static Pattern compile(String ecma) {
    return Pattern.compile(translate(ecma));
  }

  /** Translates an ECMA-262 pattern to {@link java.util.regex.Pattern} syntax. */
  static String translate(String src) {
    StringBuilder out = new StringBuilder(src.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\\' && i + 1 < src.length()) {
        char next = src.charAt(i + 1);
        if (next == '0' && (i + 2 >= src.length() || !Character.isDigit(src.charAt(i + 2)))) {
          out.append("\\x00");
        } else if (next == 'u' && i + 2 < src.length() && src.charAt(i + 2) == '{') {
          out.append("\\x");
        } else {
          out.append(c).append(next);
        }
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
          out.append(c);
        } else if (c == '[' || c == '&') {
          out.append('\\').append(c);
        } else {
          out.append(c);
        }
      } else if (c == '[') {
        if (src.startsWith("[]", i)) {
          out.append("(?!)");
          i += 1;
        } else if (src.startsWith("[^]", i)) {
          out.append("[\\s\\S]");
          i += 2;
        } else {
          inClass = true;
          out.append(c);
          if (i + 1 < src.length() && src.charAt(i + 1) == '^') {
            out.append('^');
            i++;
          }
        }
      } else if (c == '$') {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Searches {@code s} for {@code pattern} (unanchored, like ECMA-262 {@code test}).
   *
   * @return 1 if found, 0 if not, -1 if the search was given up as too costly
   */
  static int find(Pattern pattern, String s) {
    try {
      return pattern.matcher(new Budgeted(s)).find() ? 1 : 0;
    } catch (OverBudget | StackOverflowError e) {
      return -1;
    }
  }

  /** Thrown when a search reads the input far more often than any sane pattern would. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super("regular expression search took too long", null, false, false);
    }
  }

  /** A string that allows a bounded number of character reads, to stop runaway backtracking. */
  private static final class Budgeted implements CharSequence {
    private final String s;
    private long budget;

    Budgeted(String s) {
      this(s, 1_000_000L + 200L * s.length());
    }

    private Budgeted(String s, long budget) {
      this.s = s;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if (--budget < 0) {
        throw new OverBudget();
      }
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Budgeted(s.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
