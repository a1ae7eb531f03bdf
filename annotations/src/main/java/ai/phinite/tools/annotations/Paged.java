package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how a list subtool pages (with {@link Shape#items}), so that the next page's arguments
 * are computed for the agent, never written by hand: page number and page size
 * ({@link #page}, {@link #size}), a cursor ({@link #cursor}, taken from {@link #next} in the
 * body), or a next link ({@link #link}, whose query parameters become the arguments).
 *
 * <pre>{@code
 * @Paged(page = "page", size = "page_size", more = "/links/next")   // page numbers
 * @Paged(cursor = "start", next = "/next", size = "limit")          // a cursor
 * @Paged(link = "/links/next")                                      // a next link
 * }</pre>
 *
 * <p>When a page is cut to fit the budget, page-number paging resumes at the first item not shown
 * (with a page size that makes it land there); cursor and link paging cannot resume inside a page,
 * so the notice names the items skipped and how to see them (a smaller {@link #size}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Paged {
  /** The argument (as the agent names it) holding the page number, counted from 1. */
  String page() default "";

  /** The argument holding the cursor of the page to fetch. */
  String cursor() default "";

  /**
   * A JSON Pointer to the URL of the next page in the body, e.g. {@code "/links/next"} (absent,
   * {@code null} or empty on the last page). The next arguments are the call's, with each query
   * parameter of the link set on the argument bound to it by {@code @Query}; a link with a
   * parameter no argument takes cannot be followed, and the notice says so.
   */
  String link() default "";

  /** The argument holding the page size; optional for cursor and link paging. */
  String size() default "";

  /**
   * Page numbers: the size used when the agent gives none (the API's default page size). Zero:
   * unknown, in which case a cut page resumes with an explicit size.
   */
  int defaultSize() default 0;

  /**
   * A JSON Pointer to a member of the body that is present and not {@code null} (or, for a cursor,
   * the next cursor, not empty) exactly when there is a next page, e.g. {@code "/links/next"}.
   * Without it, page-number paging assumes more pages while pages come back full.
   */
  String more() default "";

  /** Cursor paging: a JSON Pointer to the next page's cursor in the body, e.g. {@code "/next"}. */
  String next() default "";

  /** A JSON Pointer to the total number of items, when the API says it, e.g. {@code "/meta/total"}. */
  String total() default "";
}
