package ai.phinite.tools.kustomer;

/**
 * How Kustomer results are shaped for agents: the JSON Schema of one shaped (flattened JSON:API)
 * resource. The fields shown by default are declared on each read subtool: a list's are what
 * tells items apart; one resource's add what an agent acts on (contact details, status, custom
 * attributes, the latest message's preview, key timestamps and the ids of related resources),
 * leaving out display settings, revision counters, audit ids and timestamps that repeat others
 * ({@code modifiedAt}, {@code lastMessageIn}). {@code "fields": ["all"]} shows every field.
 *
 * <p>Pagination, per the API reference's pagination concept page: lists take {@code page} (from 1)
 * and {@code pageSize}, answer {@code links.next} (null on the last page) and, on some lists,
 * {@code meta.total}. [I] Which lists say {@code meta.total} (not teams, users or notes) and the
 * default page size of 100 on conversations, messages and notes come from a generated client's
 * parameter docs, not the reference; the others' default page size is not documented, so none is
 * declared for them.
 */
final class Shapes {
  /** A flattened resource: its id and type, its attributes, and the ids of related resources. */
  private static final String RESOURCE = """
      "id": {"type": "string", "description": "The resource's id."},
      "type": {"type": "string", "description": "The resource's JSON:API type."},
      "createdAt": {"type": "string", "format": "date-time"},
      "updatedAt": {"type": "string", "format": "date-time"},
      "org": {"type": "string", "description": "The org's id."}""";

  private static final String CONTACTS = """
      "emails": {"type": "array", "items": {"type": "object", "properties": {
        "email": {"type": "string"}, "type": {"type": "string"}, "verified": {"type": "boolean"}}}},
      "phones": {"type": "array", "items": {"type": "object", "properties": {
        "phone": {"type": "string"}, "type": {"type": "string"}, "verified": {"type": "boolean"}}}},
      "tags": {"type": "array", "items": {"type": "string"}}""";

  static final String CUSTOMER_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + ","
      + CONTACTS + """
      , "name": {"type": "string"}, "displayName": {"type": "string"},
      "externalId": {"type": "string"}, "locale": {"type": "string"},
      "lastActivityAt": {"type": "string", "format": "date-time"},
      "custom": {"type": "object", "description": "Custom attributes, named with a type suffix"}
      }, "required": ["id"]}""";

  static final String CONVERSATION_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE
      + """
      , "name": {"type": "string"}, "status": {"type": "string"},
      "priority": {"type": "integer"}, "channels": {"type": "array", "items": {"type": "string"}},
      "customer": {"type": "string", "description": "The customer's id."},
      "tags": {"type": "array", "items": {"type": "string"}}
      }, "required": ["id"]}""";

  static final String MESSAGE_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + """
      , "channel": {"type": "string"}, "direction": {"type": "string", "enum": ["in", "out"]},
      "preview": {"type": "string"}, "subject": {"type": "string"},
      "sentAt": {"type": "string", "format": "date-time"},
      "conversation": {"type": "string"}, "customer": {"type": "string"}
      }, "required": ["id"]}""";

  static final String NOTE_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + """
      , "body": {"type": "string"}, "conversation": {"type": "string"},
      "customer": {"type": "string"}
      }, "required": ["id"]}""";

  static final String TASK_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + """
      , "title": {"type": "string"}, "description": {"type": "string"},
      "custom": {"type": "object"}, "customer": {"type": "string"}
      }, "required": ["id"]}""";

  static final String COMPANY_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + ","
      + CONTACTS + """
      , "name": {"type": "string"}, "externalId": {"type": "string"},
      "domains": {"type": "array", "items": {"type": "string"}}
      }, "required": ["id"]}""";

  static final String TAG_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + """
      , "name": {"type": "string"}, "color": {"type": "string"}
      }, "required": ["id"]}""";

  static final String TEAM_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + """
      , "name": {"type": "string"}, "displayName": {"type": "string"},
      "members": {"type": "array", "items": {"type": "string"}, "description": "User ids."}
      }, "required": ["id"]}""";

  static final String USER_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + """
      , "name": {"type": "string"}, "displayName": {"type": "string"},
      "email": {"type": "string"}, "userType": {"type": "string"},
      "roles": {"type": "array", "items": {"type": "string"}}
      }, "required": ["id"]}""";

  static final String SHORTCUT_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE + """
      , "name": {"type": "string"},
      "draft": {"type": "object", "properties": {"text": {"type": "string"}}},
      "categories": {"type": "array", "items": {"type": "string"}}
      }, "required": ["id"]}""";

  /** What a search finds depends on its queryContext: any flattened resource. */
  static final String ANY_SCHEMA = "{\"type\": \"object\", \"properties\": {" + RESOURCE
      + "}, \"required\": [\"id\"]}";

  private Shapes() {}
}
