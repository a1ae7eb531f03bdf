package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keywords that apply to strings: {@code minLength}, {@code maxLength}, {@code x-maxBytes},
 * {@code pattern} and the string formats.
 */
final class StringChecks {
  private StringChecks() {}

  /** {@code minLength} or {@code maxLength}, counted in Unicode code points. */
  static final class LengthCheck implements Check {
    private final long limit;
    private final boolean isMax;
    private final String message;

    LengthCheck(long limit, boolean isMax) {
      this.limit = limit;
      this.isMax = isMax;
      this.message =
          (isMax ? "must be at most " : "must be at least ")
              + JsonValues.count(limit, "character", "characters")
              + " long; got ";
    }

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      String s = node.textValue();
      // A code point is one or two chars, so the char count often answers on its own.
      if (isMax ? s.length() <= limit : s.length() / 2 >= limit) {
        return true;
      }
      int length = s.codePointCount(0, s.length());
      if (isMax ? length <= limit : length >= limit) {
        return true;
      }
      if (problems != null) {
        problems.add(message + length);
      }
      return false;
    }
  }

  /** {@code x-maxBytes}: the longest the string may be once encoded as UTF-8. */
  static final class MaxBytesCheck implements Check {
    private final long limit;
    private final String message;

    MaxBytesCheck(long limit) {
      this.limit = limit;
      this.message =
          "must be at most "
              + JsonValues.count(limit, "byte", "bytes")
              + " long when encoded as UTF-8 (the limit is in bytes, not characters); got ";
    }

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      String s = node.textValue();
      // No char takes more than three bytes (a surrogate pair takes four for two chars).
      if (3L * s.length() <= limit) {
        return true;
      }
      long bytes = utf8Length(s);
      if (bytes <= limit) {
        return true;
      }
      if (problems != null) {
        problems.add(message + bytes + " bytes");
      }
      return false;
    }

    /** The length of {@code s} in UTF-8, without encoding it (a lone surrogate counts 3). */
    static long utf8Length(String s) {
      long bytes = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          bytes += 1;
        } else if (c < 0x800) {
          bytes += 2;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 4;
          i++;
        } else {
          bytes += 3;
        }
      }
      return bytes;
    }
  }

  /** {@code pattern}: an ECMA-262 regular expression that must match somewhere in the string. */
  static final class PatternCheck implements Check {
    private final Pattern pattern;
    private final String message;
    private final String tooComplex;

    /**
     * @param source the pattern as written in the schema
     * @param pattern {@code source} compiled with {@link EcmaRegex#compile}
     */
    PatternCheck(String source, Pattern pattern) {
      this.pattern = pattern;
      this.message = "must match the pattern " + source + "; got ";
      this.tooComplex =
          "could not be checked against the pattern "
              + source
              + " because it is too long or complex for it; send a shorter value";
    }

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      int found = EcmaRegex.find(pattern, node.textValue());
      if (found > 0) {
        return true;
      }
      if (problems != null) {
        problems.add(found == 0 ? message + JsonValues.shortValue(node) : tooComplex);
      }
      return false;
    }
  }

  /** The string formats that are asserted; other formats are annotations only. */
  enum Format implements Check {
    EMAIL("must be an email address like name@example.com; got ") {
      @Override
      boolean accepts(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
          return false;
        }
        return s.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
      }
    },
    URI_FORMAT("must be an absolute URI with a scheme, like https://example.com/path; got ") {
      @Override
      boolean accepts(String s) {
        try {
          return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
          return false;
        }
      }
    },
    DATE_TIME(
        "must be an RFC 3339 date-time with a time zone offset, like 2024-01-31T13:45:00Z;"
            + " got ") {
      @Override
      boolean accepts(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        if (!RFC_3339.matcher(upper).matches()) {
          return false;
        }
        try {
          OffsetDateTime.parse(upper);
          return true;
        } catch (DateTimeParseException e) {
          return false;
        }
      }
    };

    private static final Pattern RFC_3339 =
        Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})");

    private final String message;

    Format(String message) {
      this.message = message;
    }

    /** Whether {@code s} is in this format. */
    abstract boolean accepts(String s);

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      if (accepts(node.textValue())) {
        return true;
      }
      if (problems != null) {
        problems.add(message + JsonValues.shortValue(node));
      }
      return false;
    }
  }
}
