package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a subtool's requests are retried; on the tool interface, the default of all its subtools.
 * Without it: 3 retries within 30 s.
 *
 * <p>429 and 503 answers are always retried (the server did not process the request), honouring
 * {@code Retry-After} (seconds or an HTTP date) and rate-limit reset headers. Other 5xx answers,
 * timeouts and connection failures may have changed something on the server, so they are retried
 * only when {@link #retryFailures()} holds — by default, when the subtool is idempotent. Waits
 * are jittered and exponential, and the last error says how many attempts were made and whether
 * a retry later is advisable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Retry {
  /** Retries after the first attempt, 0 to 10. */
  int maxRetries() default 3;

  /** The most time spent waiting between attempts, in seconds, in total (0 to 600). */
  int maxWaitSeconds() default 30;

  /**
   * Whether 5xx answers other than 503, timeouts and connection failures are retried; inferred
   * from the subtool's idempotent hint.
   */
  Hint retryFailures() default Hint.INFER;
}
