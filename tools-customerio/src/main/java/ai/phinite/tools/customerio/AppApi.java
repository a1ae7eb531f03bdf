package ai.phinite.tools.customerio;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.AtMostOneOf;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.ConnectionTest;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.RateLimit;
import ai.phinite.tools.annotations.Requires;
import ai.phinite.tools.annotations.Retry;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The App API subtools (server {@code app}, {@code Authorization: Bearer <app_api_key>}):
 * campaigns, broadcasts, transactional messages, segments, person attributes and message
 * history. The App API allows 10 requests per second (429 above it); errors come as
 * {@code {"meta":{"error":"..."}}} or {@code {"errors":[{"detail","source","status"}]}}.
 */
public interface AppApi {

  /**
   * One recipient of a broadcast with data of their own ({@code per_user_data}): an id or an
   * email address, and the data for their message.
   *
   * @param id the person's id
   * @param email the person's email address
   * @param data the data for this person's message
   */
  record UserData(
      @Arg(value = "The person's id; give id or email.", required = false, minLength = 1)
      String id,
      @Arg(value = "The person's email address; give id or email.", required = false,
          format = "email")
      String email,
      @Arg(value = "Data for this person's message.", required = false) ObjectNode data) {}

  /** Get Campaign: {@code GET /campaigns/{campaign_id}}. */
  @Subtool(title = "Get Campaign", description = "Retrieves a single campaign by ID.")
  @GET(value = "/campaigns/{campaign_id}", server = "app")
  @Shape(item = "/campaign", itemSchema = Shapes.CAMPAIGN_SCHEMA, fields = {"name", "type",
      "state", "active", "updated"})
  Response getCampaign(@Path @Arg(value = "The campaign's id.", min = 1) int campaignId);

  /** List Campaigns: {@code GET /campaigns} (not paginated: one call returns every campaign). */
  @Subtool(title = "List Campaigns", description = "Lists all campaigns in the workspace.")
  @GET(value = "/campaigns", server = "app")
  @Shape(items = "/campaigns", itemSchema = Shapes.CAMPAIGN_SCHEMA, fields = {"name", "type",
      "state", "active", "updated", "tags"})
  Response listCampaigns();

  /**
   * Get Campaign Metrics: {@code GET /campaigns/{campaign_id}/metrics?version=1&period=&steps=&type=}.
   *
   * <p>⚠ The App spec of 2025 marks {@code version} as required ({@code 1}: period/steps,
   * deprecated; {@code 2}: res/tz/start/end), while the 2024 spec had no such parameter; whether
   * leaving it out fails is unverified, so {@code version=1} is always sent with period and steps.
   *
   * <p>The shaped result is the series themselves (the body's {@code metric.series}, its only
   * member), so that the default fields choose metrics: the funnel from sent to converted; the
   * others (attempted, bounced, failed, unsubscribed, ...) on request.
   */
  @Subtool(title = "Get Campaign Metrics",
      description = "Retrieves delivery metrics for a campaign over a period. Series run oldest"
          + " to newest, one value per step.")
  @GET(value = "/campaigns/{campaign_id}/metrics?version=1", server = "app")
  @Shape(item = "/metric/series", itemSchema = Shapes.METRICS_SCHEMA, fields = {"sent",
      "delivered", "opened", "clicked", "converted"})
  Response getCampaignMetrics(
      @Path @Arg(value = "The campaign's id.", min = 1) int campaignId,
      @Query @Arg(value = "The length of one step: hours, days (Customer.io's default), weeks or"
          + " months.", required = false, allowed = {"hours", "days", "weeks", "months"})
      String period,
      @Query @Arg(value = "How many steps to return: at most 24 hours, 45 days, 12 weeks or 120"
          + " months; 0 means the most there are.", required = false, min = 0)
      Integer steps,
      @Query @Arg(value = "Only metrics of messages of this type: " + ArgText.MESSAGE_TYPES + ".",
          required = false,
          allowed = {"email", "webhook", "twilio", "slack", "push", "in_app"})
      String type);

  /**
   * Trigger Broadcast: {@code POST /campaigns/{broadcast_id}/triggers} with the given fields. At
   * most one audience may be given; with none, the broadcast's own audience is used.
   *
   * <p>The three flags fit only some audiences, and the server rejects a flag beside an audience
   * it does not fit (the Go SDK drops such flags "since extra fields cause server-side rejection";
   * the Node SDK filters them the same way). So a call is refused before sending when it gives
   * {@code id_ignore_missing} without {@code ids}, {@code per_user_data} or {@code data_file_url},
   * or {@code email_ignore_missing} / {@code email_add_duplicates} without {@code emails},
   * {@code per_user_data} or {@code data_file_url}. Both SDKs send all three flags with
   * {@code per_user_data} and {@code data_file_url} (whose entries may carry an id or an email),
   * so those audiences accept every flag; whether the server checks each entry's key against the
   * flags is not documented.
   */
  @Subtool(title = "Trigger Broadcast",
      description = "Triggers an API-triggered broadcast campaign. Only API-triggered broadcasts"
          + " can be triggered. Give at most one audience (recipients, ids, emails, per_user_data"
          + " or data_file_url); with none, the broadcast's own audience is used. People must"
          + " already exist. Lists take at most 10,000 entries; at most 1 trigger per 10"
          + " seconds.")
  @AtMostOneOf({"recipients", "ids", "emails", "per_user_data", "data_file_url"})
  @Requires(arg = "id_ignore_missing", anyOf = {"ids", "per_user_data", "data_file_url"})
  @Requires(arg = "email_ignore_missing", anyOf = {"emails", "per_user_data", "data_file_url"})
  @Requires(arg = "email_add_duplicates", anyOf = {"emails", "per_user_data", "data_file_url"})
  @POST(value = "/campaigns/{broadcast_id}/triggers", server = "app")
  @RateLimit(requests = 1, perSeconds = 10) // documented: 1 trigger per 10 s
  @Retry(maxWaitSeconds = 60) // a 429 retry waits its 10 s turn
  Response triggerBroadcast(
      @Path @Arg(value = "The broadcast's id.", min = 1) int broadcastId,
      @BodyField @Arg(value = "Data the broadcast's messages can use (at most 50,000 bytes).",
          required = false)
      ObjectNode data,
      @BodyField @Arg(value = "Audience: a filter of people, e.g. {\"segment\": {\"id\": 7}} or"
          + " {\"and\": [{\"attribute\": {\"field\": \"plan\", \"operator\": \"eq\", \"value\":"
          + " \"pro\"}}]}; combine with and, or, not; attribute operators are eq and exists.",
          required = false)
      ObjectNode recipients,
      @BodyField @Arg(value = "Audience: the ids of the people to send to (at most 10,000).",
          required = false, minItems = 1, maxItems = 10000)
      List<String> ids,
      @BodyField @Arg(value = "Audience: the email addresses of the people to send to (at most"
          + " 10,000).", required = false, minItems = 1, maxItems = 10000)
      List<String> emails,
      @BodyField @Arg(value = "Audience: people with data of their own (at most 10,000), e.g."
          + " [{\"id\": \"42\", \"data\": {\"coupon\": \"X1\"}}].", required = false,
          minItems = 1, maxItems = 10000)
      List<UserData> perUserData,
      @BodyField @Arg(value = "Audience: an https URL of a file with one JSON object per line,"
          + " each like a per_user_data entry.", required = false, format = "uri",
          pattern = "^https://")
      String dataFileUrl,
      @BodyField @Arg(value = "With ids, per_user_data or data_file_url: skip people who do not"
          + " exist instead of failing (default false).", required = false)
      Boolean idIgnoreMissing,
      @BodyField @Arg(value = "With emails, per_user_data or data_file_url: skip addresses that"
          + " match no person instead of failing (default false).", required = false)
      Boolean emailIgnoreMissing,
      @BodyField @Arg(value = "With emails, per_user_data or data_file_url: true sends to every"
          + " person who shares a given address instead of failing on it (default false).",
          required = false)
      Boolean emailAddDuplicates);

  /**
   * Send Transactional Email: {@code POST /send/email} with
   * {transactional_message_id, identifiers, to, message_data} ∪ additional_fields.
   *
   * <p>{@code to} is required: the official send-email reference marks it so and the Node SDK's
   * required options are {@code to} and {@code identifiers} (the Python and Go SDKs leave it
   * optional; the reference wins).
   *
   * <p>⚠ Whether a {@code cio_id} in {@code identifiers} takes the {@code cio_} prefix is not
   * stated by any source; presumably it does not.
   */
  @Subtool(title = "Send Transactional Email",
      description = "Sends a transactional email using a transactional message template. At most"
          + " 15 recipients across to and bcc; at most 100 sends per second.")
  @POST(value = "/send/email", server = "app")
  @RateLimit(requests = 100, perSeconds = 1) // documented for transactional email: 100/s
  Response sendTransactionalEmail(
      @BodyField @Arg(value = ArgText.TRANSACTIONAL_MESSAGE_ID, jsonTypes = {"string", "integer"})
      JsonNode transactionalMessageId,
      @BodyField @Arg(value = ArgText.IDENTIFIERS, minProperties = 1, maxProperties = 1)
      PersonIdentifier identifiers,
      @BodyField @Arg(value = "The recipient address or addresses, comma-separated; a display"
          + " name is allowed, e.g. \"Ada Lovelace <ada@example.com>\".", minLength = 1)
      String to,
      @BodyField @Arg(value = ArgText.MESSAGE_DATA, required = false) ObjectNode messageData,
      @BodyMerge @Arg(value = "More request fields, merged into the body, e.g. from, subject,"
          + " body, body_plain, preheader, reply_to, bcc, headers, attachments ({\"name.pdf\":"
          + " \"<base64>\"}), send_at (Unix seconds, at most 90 days ahead), tracked,"
          + " send_to_unsubscribed, queue_draft, disable_message_retention, language. Must not"
          + " repeat a named argument.", required = false)
      ObjectNode additionalFields);

  /**
   * Send Transactional Push: {@code POST /send/push} with the given fields ∪ additional_fields.
   *
   * <p>⚠ The App spec states the 100-per-second limit only for email; the same limit for push is
   * assumed, not stated, so the description does not claim it. ⚠ The spec's shared schema lists
   * {@code to} as required, but it defaults to {@code all} and the SDKs treat it as optional, as
   * here. ⚠ Whether a {@code cio_id} in {@code identifiers} takes the {@code cio_} prefix is not
   * stated.
   */
  @Subtool(title = "Send Transactional Push",
      description = "Sends a transactional push notification using a transactional push"
          + " template.")
  @POST(value = "/send/push", server = "app")
  @RateLimit(requests = 100, perSeconds = 1) // assumed like email (not documented for push)
  Response sendTransactionalPush(
      @BodyField @Arg(value = ArgText.TRANSACTIONAL_MESSAGE_ID, jsonTypes = {"string", "integer"})
      JsonNode transactionalMessageId,
      @BodyField @Arg(value = ArgText.IDENTIFIERS, minProperties = 1, maxProperties = 1)
      PersonIdentifier identifiers,
      @BodyField @Arg(value = "Which of the person's devices: all (the default), last_used, or"
          + " one device token.", required = false, minLength = 1)
      String to,
      @BodyField @Arg(value = "The notification's title; overrides the template's.",
          required = false)
      String title,
      @BodyField @Arg(value = "The notification's text; overrides the template's.",
          required = false)
      String message,
      @BodyField @Arg(value = ArgText.MESSAGE_DATA, required = false) ObjectNode messageData,
      @BodyMerge @Arg(value = "More request fields, merged into the body, e.g. image_url, link,"
          + " sound (default or none, iOS), custom_data, custom_payload, custom_device, send_at"
          + " (Unix seconds), send_to_unsubscribed, queue_draft, disable_message_retention,"
          + " language. Must not repeat a named argument.", required = false)
      ObjectNode additionalFields);

  /**
   * List Segments: {@code GET /segments} (not paginated). Also the check of the App API key.
   */
  @Subtool(title = "List Segments", description = "Lists all segments in the workspace.")
  @ConnectionTest("App API key (app_api_key)")
  @GET(value = "/segments", server = "app")
  @Shape(items = "/segments", itemSchema = Shapes.SEGMENT_SCHEMA)
  Response listSegments();

  /** Get Segment: {@code GET /segments/{segment_id}}. */
  @Subtool(title = "Get Segment", description = "Retrieves a single segment by ID.")
  @GET(value = "/segments/{segment_id}", server = "app")
  @Shape(item = "/segment", itemSchema = Shapes.SEGMENT_SCHEMA)
  Response getSegment(@Path @Arg(value = "The segment's id.", min = 1) int segmentId);

  /** Create Manual Segment: {@code POST /segments} with {@code {"segment":{name, description}}}. */
  @Subtool(title = "Create Manual Segment",
      description = "Creates a manual segment that people can be added to or removed from via the"
          + " Track API. The new segment is empty; the answer holds its id.")
  @POST(value = "/segments", server = "app")
  Response createManualSegment(
      @BodyField("segment.name") @Arg(value = "The segment's name.", minLength = 1) String name,
      @BodyField("segment.description") @Arg(value = "What the segment is for.",
          required = false)
      String description);

  /** Delete Segment: {@code DELETE /segments/{segment_id}}; Customer.io answers 204. */
  @Subtool(title = "Delete Segment",
      description = "Deletes a segment by ID. Only manual segments can be deleted.")
  @DELETE(value = "/segments/{segment_id}", server = "app")
  Response deleteSegment(@Path @Arg(value = "The segment's id.", min = 1) int segmentId);

  /**
   * Get Customer Attributes: {@code GET /customers/{identifier}/attributes?id_type=...}.
   *
   * <p>⚠ A newer App spec says a cio_id used as a customer id in query-string lookups needs the
   * {@code cio_} prefix; for this path form no source says, and the Node SDK sends the value as
   * given with {@code id_type=cio_id}. ⚠ The {@code phone} id type exists only in the newer spec
   * and is not offered.
   */
  @Subtool(title = "Get Customer Attributes",
      description = "Retrieves a person’s stored attributes via the App API. Attribute values come"
          + " back as strings; \"fields\": [\"timestamps\"] adds when each was set (Unix"
          + " seconds).")
  @GET(value = "/customers/{identifier}/attributes", server = "app")
  @Shape(item = "/customer", itemSchema = Shapes.PERSON_SCHEMA, fields = {"attributes",
      "unsubscribed"})
  Response getCustomerAttributes(
      @Path @Arg(value = "The person, as a value of id_type (at most 150 bytes).", maxBytes = 150)
      String identifier,
      @Query("id_type") @Arg(value = "What identifier is: id (the default), email or cio_id.",
          required = false, allowed = {"id", "email", "cio_id"}, defaultValue = "id")
      String idType);

  /**
   * List Messages: {@code GET /messages} with the given filters.
   *
   * <p>⚠ The {@code next} cursor is named in the {@code start} parameter's text but not in this
   * endpoint's response schema; that an empty or missing {@code next} means the last page is
   * inferred.
   */
  @Subtool(title = "List Messages",
      description = "Lists message-delivery history for the workspace with optional filters. At"
          + " most 1000 per page (default 50); pass a response's next as start for the next page."
          + " Covers at most the last 6 months.")
  @GET(value = "/messages", server = "app")
  @Shape(items = "/messages", itemSchema = Shapes.MESSAGE_SCHEMA, fields = {"type", "recipient",
      "subject", "campaign_id", "created", "metrics", "failure_message"})
  @Paged(cursor = "start", size = "limit", next = "/next")
  Response listMessages(
      @Query @Arg(value = "Only messages of this type: " + ArgText.MESSAGE_TYPES + ".",
          required = false,
          allowed = {"email", "webhook", "twilio", "slack", "push", "in_app"})
      String type,
      @Query @Arg(value = "Only messages that reached this metric.", required = false,
          allowed = {"attempted", "sent", "delivered", "opened", "clicked", "converted",
              "bounced", "spammed", "unsubscribed", "dropped", "failed", "undeliverable"})
      String metric,
      @Query @Arg(value = "true: only draft messages; false: only sent ones.", required = false)
      Boolean drafts,
      @Query("campaign_id") @Arg(value = "Only messages of this campaign.", required = false,
          min = 1)
      Integer campaignId,
      @Query("newsletter_id") @Arg(value = "Only messages of this newsletter.", required = false,
          min = 1)
      Integer newsletterId,
      @Query("action_id") @Arg(value = "Only messages of this campaign action.",
          required = false, min = 1)
      Integer actionId,
      @Query @Arg(value = "The cursor of the page to fetch: a previous response's next.",
          required = false, minLength = 1)
      String start,
      @Query @Arg(value = "Messages per page, 1 to 1000 (Customer.io's default is 50).",
          required = false, min = 1, max = 1000)
      Integer limit);
}
