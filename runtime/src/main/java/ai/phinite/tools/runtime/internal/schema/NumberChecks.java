package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** The keywords that apply to numbers: the four bounds and the {@code unix-seconds} format. */
final class NumberChecks {
  private NumberChecks() {}

  /** Which bound keyword a {@link BoundCheck} enforces. */
  enum Kind {
    MINIMUM("must be at least "),
    MAXIMUM("must be at most "),
    EXCLUSIVE_MINIMUM("must be greater than "),
    EXCLUSIVE_MAXIMUM("must be less than ");

    private final String phrase;

    Kind(String phrase) {
      this.phrase = phrase;
    }

    boolean accepts(int comparison) {
      return switch (this) {
        case MINIMUM -> comparison >= 0;
        case MAXIMUM -> comparison <= 0;
        case EXCLUSIVE_MINIMUM -> comparison > 0;
        case EXCLUSIVE_MAXIMUM -> comparison < 0;
      };
    }
  }

  /** {@code minimum}, {@code maximum}, {@code exclusiveMinimum} or {@code exclusiveMaximum}. */
  static final class BoundCheck implements Check {
    /** What {@link #compare} answers for NaN: no bound accepts it. */
    private static final int NAN = Integer.MIN_VALUE;

    private final Kind kind;
    private final BigDecimal bound;
    private final boolean boundIsLong;
    private final long boundLong;
    private final String message;

    BoundCheck(Kind kind, BigDecimal bound) {
      this.kind = kind;
      this.bound = bound;
      BigDecimal stripped = bound.signum() == 0 ? BigDecimal.ZERO : bound.stripTrailingZeros();
      this.boundIsLong =
          stripped.scale() <= 0
              && stripped.precision() - stripped.scale() <= 19
              && stripped.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
              && stripped.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
      this.boundLong = boundIsLong ? stripped.longValueExact() : 0;
      String shown =
          Math.abs(stripped.scale()) <= 40 ? stripped.toPlainString() : stripped.toString();
      this.message = kind.phrase + shown + "; got ";
    }

    /** Compares {@code node} with the bound exactly, without going through double. */
    private int compare(JsonNode node) {
      if (boundIsLong && JsonValues.isLongLike(node)) {
        return Long.compare(node.longValue(), boundLong);
      }
      if (JsonValues.isNonFinite(node)) {
        double d = node.doubleValue();
        return Double.isNaN(d) ? NAN : d > 0 ? 1 : -1;
      }
      return Integer.signum(node.decimalValue().compareTo(bound));
    }

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      int comparison = compare(node);
      if (comparison != NAN && kind.accepts(comparison)) {
        return true;
      }
      if (problems != null) {
        problems.add(message + JsonValues.shortValue(node));
      }
      return false;
    }
  }

  /**
   * {@code format: unix-seconds}: an integer of exactly ten digits, 1000000000 to 9999999999. A
   * thirteen-digit value is most likely milliseconds, and the message says so.
   */
  static final class UnixSecondsCheck implements Check {
    static final UnixSecondsCheck INSTANCE = new UnixSecondsCheck();

    private static final String MESSAGE =
        "must be a Unix timestamp in whole seconds (10 digits, e.g. 1700000000); got ";

    private UnixSecondsCheck() {}

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      boolean whole = JsonValues.isIntegral(node) && node.canConvertToLong();
      long value = whole ? node.longValue() : 0;
      if (whole && value >= 1_000_000_000L && value <= 9_999_999_999L) {
        return true;
      }
      if (problems != null) {
        String got = JsonValues.shortValue(node);
        if (whole && value >= 1_000_000_000_000L && value <= 9_999_999_999_999L) {
          problems.add(
              MESSAGE
                  + got
                  + ", which looks like milliseconds; divide it by 1000 (e.g. "
                  + value / 1000
                  + ")");
        } else {
          problems.add(MESSAGE + got);
        }
      }
      return false;
    }
  }
}
