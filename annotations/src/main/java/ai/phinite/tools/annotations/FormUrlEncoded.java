package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends the method's body as {@code application/x-www-form-urlencoded} instead of JSON (Stripe-
 * and Twilio-style APIs). The body is built from {@link BodyField}, {@link BodyMerge},
 * {@link BodyConstant} and an object {@link Body} exactly as for JSON, then written as form fields:
 *
 * <ul>
 *   <li>names and values are UTF-8, percent-encoded as HTML forms do (space as {@code +}); the
 *       content type is {@code application/x-www-form-urlencoded} with no {@code charset}
 *       parameter, which that media type does not define (UTF-8 is implied);
 *   <li>strings are sent as they are, numbers and booleans as their JSON text;
 *   <li>nested objects use brackets: {@code metadata[order_id]=6735}; a dotted
 *       {@code @BodyField("card.number")} is {@code card[number]=...};
 *   <li>arrays follow {@link #arrays()};
 *   <li>an explicit {@code null} (an argument with {@code @Arg(nullable = true)}) is sent as an
 *       empty value, {@code description=}, which is how these APIs clear a field; empty objects and
 *       arrays send nothing.
 * </ul>
 *
 * Not allowed on {@code GET} or {@code DELETE}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface FormUrlEncoded {
  /** How array elements are named. */
  ArrayStyle arrays() default ArrayStyle.INDEXED;

  /** How an array {@code tags: ["a", "b"]} is written. */
  enum ArrayStyle {
    /** {@code tags[0]=a&tags[1]=b} (Stripe). */
    INDEXED,
    /** {@code tags[]=a&tags[]=b} (Rails, PHP). */
    BRACKETS,
    /** {@code tags=a&tags=b} (Twilio); arrays of objects are refused at compile time. */
    REPEATED
  }
}
