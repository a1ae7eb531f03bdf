package ai.phinite.tools.runtime.internal;

import java.time.Duration;
import java.util.Locale;

/** Saturating arithmetic on durations and nanosecond times, and durations in words. */
public final class Durations {
  private Durations() {}

  /** The duration in nanoseconds, {@link Long#MAX_VALUE} when it does not fit (about 292 years). */
  public static long nanos(Duration d) {
    if (d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1) {
      return Long.MAX_VALUE;
    }
    return d.isNegative() ? 0 : d.toNanos();
  }

  /** {@code a + b} for non-negative {@code b}, {@link Long#MAX_VALUE} on overflow. */
  public static long plus(long a, long b) {
    long sum = a + b;
    return b > 0 && sum < a ? Long.MAX_VALUE : sum;
  }

  /** The duration as people say it: {@code 200 ms}, {@code 3 s}, {@code 1.5 s}, {@code 2 h}. */
  public static String text(Duration d) {
    long millis = d.getSeconds() > 86_400 ? Long.MAX_VALUE : d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis == Long.MAX_VALUE) {
      long days = d.toDays();
      return days + " days";
    }
    if (millis < 120_000) {
      return millis % 1000 == 0 ? millis / 1000 + " s"
          : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    if (millis < 7_200_000) {
      return (millis + 59_999) / 60_000 + " min";
    }
    return (millis + 3_599_999) / 3_600_000 + " h";
  }
}
