package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long a server asks the client to wait: {@code Retry-After} in seconds or as an HTTP date
 * (RFC 9110), else a rate-limit reset header such as Kustomer's {@code x-ratelimit-reset} (epoch
 * seconds when larger than 10^9, otherwise seconds from now — the docs do not say which; both are
 * read). Absurd values (years ahead, {@code 1e300}) are capped at {@link #MAX}, so no arithmetic
 * on them can overflow.
 */
public final class RetryAfter {
  /** The longest wait ever reported: 100 years. */
  public static final Duration MAX = Duration.ofDays(36_525);

  private static final double MAX_MILLIS = MAX.toMillis();

  private RetryAfter() {}

  /** The wait the response asks for, or {@code null} when it says nothing usable. */
  public static Duration of(Response response, Instant now) {
    Duration d = parse(response.header("retry-after"), now, false);
    if (d == null) {
      d = parse(response.header("x-ratelimit-reset"), now, true);
    }
    return d;
  }

  static Duration parse(String value, Instant now, boolean epochAllowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      double seconds = Double.parseDouble(v);
      if (!(seconds >= 0) || Double.isInfinite(seconds)) {
        return null;
      }
      double millis = epochAllowed && seconds > 1e9
          ? seconds * 1000 - now.toEpochMilli()
          : seconds * 1000;
      return millis(millis);
    } catch (NumberFormatException notNumber) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return millis((double) at.toEpochMilli() - now.toEpochMilli());
      } catch (DateTimeParseException | ArithmeticException notDate) {
        return null;
      }
    }
  }

  /** Milliseconds as a duration, at least 0 and at most {@link #MAX}. */
  private static Duration millis(double millis) {
    if (!(millis > 0)) {
      return Duration.ZERO;
    }
    return millis >= MAX_MILLIS ? MAX : Duration.ofMillis((long) millis);
  }
}
