package ai.phinite.tools.customerio;

/** Argument descriptions shared by several subtools (annotation values must be constants). */
final class ArgText {
  static final String IDENTIFIER = "The person: their id, their email address, or cio_ followed"
      + " by their cio_id (at most 150 bytes).";

  static final String EVENT_NAME = "The event's name (at most 100 bytes in UTF-8; spaces at both"
      + " ends are trimmed by Customer.io).";

  static final String EVENT_DATA = "Properties of the event, usable in campaigns and messages (at"
      + " most 100,000 bytes). Reserved keys: recipient, from_address, reply_to.";

  static final String EVENT_TIMESTAMP = "When it happened, as a Unix timestamp in seconds (10"
      + " digits); defaults to now. Only events from the last 72 hours can trigger campaigns.";

  static final String EVENT_ID = "A unique id for the event (a ULID); Customer.io uses it to"
      + " ignore a repeated send of the same event.";

  static final String SEGMENT_IDS = "The people to change (1 to 1000 per call), as values of"
      + " id_type; values that do not match id_type are ignored.";

  static final String ID_TYPE = "What the values identify people by: id (the default), email or"
      + " cio_id.";

  static final String IDENTIFIERS = "The person to send to, by exactly one identifier: {\"id\":"
      + " ...}, {\"email\": ...} or {\"cio_id\": ...}.";

  static final String TRANSACTIONAL_MESSAGE_ID = "The transactional message (template) to send:"
      + " its id (an integer) or its trigger name (a string, case-insensitive).";

  static final String MESSAGE_DATA = "Values for the template's variables, e.g. {\"order_id\":"
      + " \"A-17\"}.";

  static final String MESSAGE_TYPES = "email, webhook, twilio, slack, push or in_app";

  private ArgText() {}
}
