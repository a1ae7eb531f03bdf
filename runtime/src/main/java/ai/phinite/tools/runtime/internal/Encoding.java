package ai.phinite.tools.runtime.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding per RFC 3986. Everything but the unreserved characters
 * ({@code A-Z a-z 0-9 - . _ ~}) is encoded, so a value always stays one path segment or one query
 * component: space is {@code %20}, {@code +} is {@code %2B}, {@code /} is {@code %2F}.
 */
public final class Encoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Encoding() {}

  /** Encodes a value as one path segment or query component. */
  public static String encode(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && isUnreserved(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value;
    }
    StringBuilder out = new StringBuilder(n + 16).append(value, 0, i);
    byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** Whether a value has no CR, LF or other control characters (tab allowed). */
  public static boolean hasNoControlCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a value can be sent as an HTTP header value as is: printable ASCII and tab only.
   * HTTP has no reliable way to carry other characters in a header (RFC 9110 5.5), so they are
   * refused rather than sent mangled.
   */
  public static boolean isSafeHeaderValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
