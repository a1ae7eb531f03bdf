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
 * read).
 */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait the response asks for, or {@code null} when it says nothing usable. */
  static Duration of(Response response, Instant now) {
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
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return null;
      }
      if (epochAllowed && seconds > 1e9) {
        long millis = (long) (seconds * 1000) - now.toEpochMilli();
        return Duration.ofMillis(Math.max(0, millis));
      }
      return Duration.ofMillis((long) (seconds * 1000));
    } catch (NumberFormatException notNumber) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Duration.ofMillis(Math.max(0, at.toEpochMilli() - now.toEpochMilli()));
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
