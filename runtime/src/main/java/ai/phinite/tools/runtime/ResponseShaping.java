package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.internal.shape.ShapeSpec;
import ai.phinite.tools.runtime.internal.shape.Shaper;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether and how results are shaped for an agent: compact (no {@code null}s, empty lists or
 * empty objects; JSON:API flattened without its links, where the tool declares JSON:API),
 * projected to the subtool's default fields (the agent may ask for others with the
 * {@code fields} argument), and within a token budget: a larger result is cut at an item boundary
 * with a notice saying how many items were shown of how many and the exact arguments of the next
 * page. Nothing is cut without a word, and compaction drops no value that is there.
 *
 * <p>Off by default on a {@link Connection} (callers get the body as the API sent it); the MCP
 * server turns it on. Set it per connection with {@link Connection.Builder#shaping} or per call
 * with {@link CallOptions.Builder#shaping}:
 *
 * <pre>{@code
 * Connection c = provider.connection().credentials(values).shaping(ResponseShaping.budget(8_000)).build();
 * Response shaped = c.invoke("list_customers", args);   // body: {"items": [...], "next": {...}, "notice": "..."}
 * }</pre>
 *
 * <p>Token counts are estimated from the compact JSON's runs of digits, letters and punctuation,
 * which over-counts for the common tokenizers (measured in docs/responses.md), so a result within
 * the budget is within it for them too.
 */
public final class ResponseShaping {
  /** The default budget: about 20,000 tokens, under what agent hosts accept (about 25,000). */
  public static final int DEFAULT_BUDGET_TOKENS = 20_000;

  /** No shaping: the body as the API sent it. */
  public static final ResponseShaping OFF = new ResponseShaping(0);

  private final int budgetTokens;

  private ResponseShaping(int budgetTokens) {
    this.budgetTokens = budgetTokens;
  }

  /** Shaping with the default budget. */
  public static ResponseShaping defaults() {
    return budget(DEFAULT_BUDGET_TOKENS);
  }

  /**
   * Shaping with this budget.
   *
   * @throws IllegalArgumentException when {@code tokens} is below 1,000 (too little for a notice
   *     and one item)
   */
  public static ResponseShaping budget(int tokens) {
    if (tokens < 1_000) {
      throw new IllegalArgumentException("The token budget must be at least 1000, not " + tokens);
    }
    return new ResponseShaping(tokens);
  }

  /** Whether results are shaped. */
  public boolean enabled() {
    return budgetTokens > 0;
  }

  /** The most tokens a shaped result takes (0 when off). */
  public int budgetTokens() {
    return budgetTokens;
  }

  /**
   * A response with its body shaped for the subtool that returned it; the response itself when
   * shaping is off.
   *
   * @param subtool the subtool called
   * @param arguments the arguments it was called with (the next page's arguments start from them)
   * @param response what it returned
   */
  public Response apply(SubtoolSpec subtool, JsonNode arguments, Response response) {
    if (!enabled() || response == null) {
      return response;
    }
    JsonNode body = Shaper.shape(ShapeSpec.of(subtool.json()), subtool.name(), arguments,
        response.body(), budgetTokens);
    return new Response(response.status(), response.headers(), body);
  }

  @Override
  public String toString() {
    return enabled() ? "ResponseShaping[budget=" + budgetTokens + " tokens]" : "ResponseShaping[off]";
  }
}
