package ai.phinite.tools.customerio;

/**
 * How Customer.io App API results are shaped for agents: the JSON Schema of one shaped item (the
 * App API reference's response schemas, with {@code null}s and empty values dropped). The fields
 * shown by default are declared on each read subtool; a segment, at about 50 tokens, shows every
 * field (naming hidden ones would cost more than hiding them saves).
 *
 * <p>Pagination, per the App API reference: {@code /campaigns} and {@code /segments} are not
 * paginated (one call returns everything); {@code /messages} takes a {@code start} cursor and a
 * {@code limit} and answers {@code next}. [I] That an empty or missing {@code next} means the last
 * page is inferred: the reference says only to pass {@code next} as {@code start}.
 */
final class Shapes {
  static final String CAMPAIGN_SCHEMA = """
      {"type": "object", "properties": {
        "id": {"type": "integer"}, "name": {"type": "string"},
        "type": {"type": "string"}, "state": {"type": "string"}, "active": {"type": "boolean"},
        "created": {"type": "integer", "description": "Unix seconds."},
        "updated": {"type": "integer", "description": "Unix seconds."},
        "actions": {"type": "array", "items": {"type": "object"}},
        "tags": {"type": "array", "items": {"type": "string"}}
      }, "required": ["id"]}""";

  /**
   * The metrics' series ({@code metric.series} of the body): one list per metric, so that the
   * default fields choose metrics.
   */
  static final String METRICS_SCHEMA = """
      {"type": "object", "description": "One list per metric (sent, delivered, ...), oldest step\
       first.", "additionalProperties": {"type": "array", "items": {"type": "integer"}}}""";

  static final String SEGMENT_SCHEMA = """
      {"type": "object", "properties": {
        "id": {"type": "integer"}, "name": {"type": "string"},
        "description": {"type": "string"}, "state": {"type": "string"},
        "type": {"type": "string", "enum": ["dynamic", "manual"]},
        "tags": {"type": "array", "items": {"type": "string"}}
      }, "required": ["id"]}""";

  static final String PERSON_SCHEMA = """
      {"type": "object", "properties": {
        "id": {"type": "string"},
        "attributes": {"type": "object", "description": "Attribute values, as strings."},
        "timestamps": {"type": "object", "description": "When each attribute was set, in Unix seconds."},
        "unsubscribed": {"type": "boolean"}
      }}""";

  static final String MESSAGE_SCHEMA = """
      {"type": "object", "properties": {
        "id": {"type": "string"}, "type": {"type": "string"},
        "recipient": {"type": "string"}, "subject": {"type": "string"},
        "campaign_id": {"type": "integer"}, "created": {"type": "integer"},
        "metrics": {"type": "object", "description": "When each metric was reached, in Unix seconds.",
          "additionalProperties": {"type": "integer"}}
      }, "required": ["id"]}""";

  private Shapes() {}
}
