package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A client-side rate limit, enforced per connection so one busy agent slows itself down instead
 * of getting the whole workspace throttled: on a subtool, or as {@link Server#rateLimit()} for
 * every request to a server. Bursts up to {@link #requests()} go at once; then requests are spaced
 * at the limit's rate. A call that would wait longer than its retry budget is refused, nothing
 * sent, with a message saying when to try again.
 *
 * <pre>{@code
 * @RateLimit(requests = 1, perSeconds = 10)   // Customer.io: one broadcast trigger per 10 s
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD})
public @interface RateLimit {
  /** How many requests; 0 (the default of {@link Server#rateLimit()}) means no limit. */
  int requests() default 0;

  /** In how many seconds. */
  double perSeconds() default 1;
}
