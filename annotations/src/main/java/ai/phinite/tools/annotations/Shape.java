package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how a subtool's result is shaped for agents: where its item (or list of items) is in
 * the body, which fields an agent sees by default, and the JSON Schema of one shaped item.
 *
 * <p>Every shaped result is compact: {@code null}s, empty lists and empty objects are dropped
 * (with {@link JsonApi}, also {@code links}, and resources are flattened), and no value that is
 * there is ever dropped. A result larger than the token budget is cut at an item boundary, with a
 * notice saying how many items were shown of how many and the exact arguments that show the next
 * ones (see {@link Paged}).
 *
 * <pre>{@code
 * @Shape(items = "/data", fields = {"id", "name", "emails", "phones", "updatedAt"})
 * @Paged(page = "page", size = "page_size", more = "/links/next", total = "/meta/total")
 * @GET("/customers")
 * Response listCustomers(...);
 * }</pre>
 *
 * <p>One object may show default fields too, so that it reaches the agent at a fraction of its
 * size while {@code "fields": ["all"]} still gives every value:
 *
 * <pre>{@code
 * @Shape(item = "/data", fields = {"name", "emails", "phones", "externalId", "updatedAt"})
 * @GET("/customers/{customer_id}")
 * Response getCustomer(...);
 * }</pre>
 *
 * <p>The shaped result is an object: {@code {"items": [...]}} for a list ({@link #items}) or
 * {@code {"item": {...}}} for one object ({@link #item}), beside the body's other (compacted)
 * members, then {@code "next"} (the arguments of the next page, when there is one) and
 * {@code "notice"} (what was cut or hidden, when anything was).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Shape {
  /**
   * A JSON Pointer to the list of items in the response body, e.g. {@code "/data"}; {@code ""}
   * (the default) when the result is one object. Set at most one of {@code items} and
   * {@link #item}.
   */
  String items() default "";

  /**
   * A JSON Pointer to the one object the result is about, e.g. {@code "/data"} or
   * {@code "/campaign"}; {@code ""} with {@link #items} also {@code ""} means the whole body.
   */
  String item() default "";

  /**
   * The top-level fields an agent sees unless it asks for more, in order: of the one object
   * ({@link #item}) or of each item of the list ({@link #items}); {@code id} is always shown.
   * Empty (the default) shows every field. When set, the subtool gains an optional
   * {@code fields} argument (a list of field names, or {@code ["all"]}), and every result names
   * the fields it hid.
   */
  String[] fields() default {};

  /**
   * The JSON Schema (2020-12) of one shaped item, as JSON text, e.g.
   * {@code "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}"}; the
   * subtool's output schema wraps it. Empty: any object. With {@link #fields}, other fields are
   * hidden by default, so list none as {@code required} unless it is always shown ({@code id}).
   */
  String itemSchema() default "";
}
