package ai.phinite.tools.customerio;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyConstant;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.ConnectionTest;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.PUT;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Track API subtools (server {@code track}, Basic authentication with
 * {@code site_id:track_api_key}): people, events, devices, merges and manual-segment membership.
 * Track answers {@code 200 {}} on success and {@code {"meta":{"errors":[...]}}} or
 * {@code {"meta":{"error":"..."}}} on errors.
 *
 * <p>A person in a path is their id, email address or {@code cio_<cio_id>} (at most 150 bytes),
 * percent-encoded as one path segment.
 */
public interface TrackApi {

  /**
   * Identify Customer: {@code PUT /customers/{identifier}} with the attributes as the whole body
   * ({@code {}} when none are given). Explicit JSON {@code null} values are sent as {@code null}.
   *
   * <p>⚠ That a {@code null} value deletes a <em>person</em> attribute is what the product page
   * says, but no Customer.io source read states it for person attributes (the Track spec says so
   * only for objects and relationship attributes); unverified, to be checked in a sandbox.
   */
  @Subtool(title = "Identify Customer",
      description = "Creates or updates a person (upsert) with attributes. Merge semantics; a null"
          + " attribute value deletes it. Attribute names are at most 150 bytes and values at most"
          + " 1000 bytes, with at most 300 attributes per call; times such as created_at are Unix"
          + " seconds.")
  @PUT(value = "/customers/{identifier}", server = "track")
  Response identifyCustomer(
      @Path @Arg(value = ArgText.IDENTIFIER, maxBytes = 150) String identifier,
      @Body @Arg(value = "The attributes to set, e.g. {\"email\": \"ada@example.com\", \"plan\":"
          + " \"pro\", \"created_at\": 1700000000}. Attributes not given are kept; an attribute"
          + " set to null is deleted. Reserved keys: id, email, anonymous_id, created_at,"
          + " _timestamp, _update (true: only update an existing person), unsubscribed,"
          + " cio_relationships, cio_subscription_preferences.", required = false)
      ObjectNode attributes);

  /**
   * Delete Customer: {@code DELETE /customers/{identifier}}, no body.
   *
   * <p>⚠ Whether Track accepts a DELETE without a body or wants {@code {}} is not stated; the SDKs
   * do both, so both appear to work. None is sent (the annotations never send a DELETE body).
   */
  @Subtool(title = "Delete Customer",
      description = "Deletes a person and their associated data. Any later call that names the"
          + " person creates them again.")
  @DELETE(value = "/customers/{identifier}", server = "track")
  Response deleteCustomer(@Path @Arg(value = ArgText.IDENTIFIER, maxBytes = 150) String identifier);

  /**
   * Suppress Customer: {@code POST /customers/{identifier}/suppress} with body {@code {}}.
   *
   * <p>⚠ The SDKs send {@code {}} (Node, Python); whether an empty body also works is not stated.
   */
  @Subtool(title = "Suppress Customer",
      description = "Suppresses a person — deletes their profile and stops all messaging to them."
          + " The profile cannot be restored; Unsuppress Customer only frees the identifier.",
      destructive = Hint.TRUE, idempotent = Hint.TRUE)
  @POST(value = "/customers/{identifier}/suppress", server = "track")
  Response suppressCustomer(
      @Path @Arg(value = ArgText.IDENTIFIER, maxBytes = 150) String identifier);

  /**
   * Unsuppress Customer: {@code POST /customers/{identifier}/unsuppress} with body {@code {}}.
   *
   * <p>⚠ As for suppress, whether an empty body also works is not stated; {@code {}} is sent.
   */
  @Subtool(title = "Unsuppress Customer",
      description = "Removes a person from the suppression list, allowing messaging to resume."
          + " It does not restore a deleted profile; identify the person again to re-create it.",
      idempotent = Hint.TRUE)
  @POST(value = "/customers/{identifier}/unsuppress", server = "track")
  Response unsuppressCustomer(
      @Path @Arg(value = ArgText.IDENTIFIER, maxBytes = 150) String identifier);

  /** Track Event: {@code POST /customers/{identifier}/events} with {name, data, timestamp, id}. */
  @Subtool(title = "Track Event",
      description = "Tracks an event for a known person. Can trigger campaigns and is recorded on"
          + " the person’s activity timeline. The name is at most 100 bytes; timestamp is in Unix"
          + " seconds.")
  @POST(value = "/customers/{identifier}/events", server = "track")
  Response trackEvent(
      @Path @Arg(value = ArgText.IDENTIFIER, maxBytes = 150) String identifier,
      @BodyField @Arg(value = ArgText.EVENT_NAME, minLength = 1, maxBytes = 100) String name,
      @BodyField @Arg(value = ArgText.EVENT_DATA, required = false) ObjectNode data,
      @BodyField @Arg(value = ArgText.EVENT_TIMESTAMP, required = false, format = "unix-seconds")
      Long timestamp,
      @BodyField @Arg(value = ArgText.EVENT_ID, required = false, minLength = 1) String id);

  /** Track Anonymous Event: {@code POST /events} with {anonymous_id, name, data, timestamp, id}. */
  @Subtool(title = "Track Anonymous Event",
      description = "Tracks an event not yet tied to a known person, identified by an"
          + " anonymous_id. Identifying a person with the same anonymous_id later merges the"
          + " events (up to 30 days old) into their profile. The name is at most 100 bytes.")
  @POST(value = "/events", server = "track")
  Response trackAnonymousEvent(
      @BodyField @Arg(value = "The anonymous visitor's id, e.g. from a cookie or device.",
          minLength = 1)
      String anonymousId,
      @BodyField @Arg(value = ArgText.EVENT_NAME, minLength = 1, maxBytes = 100) String name,
      @BodyField @Arg(value = ArgText.EVENT_DATA, required = false) ObjectNode data,
      @BodyField @Arg(value = ArgText.EVENT_TIMESTAMP, required = false, format = "unix-seconds")
      Long timestamp,
      @BodyField @Arg(value = ArgText.EVENT_ID, required = false, minLength = 1) String id);

  /**
   * Track Page View: {@code POST /customers/{identifier}/events} with
   * {@code {"type":"page","name":<url>, data, timestamp, id}}. The page's URL is the event's
   * name, so the 100-byte event-name limit applies to it (the spec lists the same limits as for
   * Track Event).
   */
  @Subtool(title = "Track Page View",
      description = "Records a page view for a known person (an event with type=‘page’). The url"
          + " is the event's name, so at most 100 bytes; timestamp is in Unix seconds.")
  @POST(value = "/customers/{identifier}/events", server = "track")
  @BodyConstant(field = "type", value = "page")
  Response trackPageView(
      @Path @Arg(value = ArgText.IDENTIFIER, maxBytes = 150) String identifier,
      @BodyField("name") @Arg(value = "The URL or path of the page viewed (at most 100 bytes in"
          + " UTF-8), e.g. https://example.com/pricing.", minLength = 1, maxBytes = 100)
      String url,
      @BodyField @Arg(value = "Properties of the page view, usable in campaigns (at most 100,000"
          + " bytes).", required = false)
      ObjectNode data,
      @BodyField @Arg(value = ArgText.EVENT_TIMESTAMP, required = false, format = "unix-seconds")
      Long timestamp,
      @BodyField @Arg(value = ArgText.EVENT_ID, required = false, minLength = 1) String id);

  /**
   * Add Device: {@code PUT /customers/{identifier}/devices} with
   * {@code {"device":{"id","platform","last_used","attributes"}}}; an upsert keyed by the token.
   */
  @Subtool(title = "Add Device",
      description = "Adds or updates a push device (token + platform) for a person. Sending a"
          + " known token updates that device.")
  @PUT(value = "/customers/{identifier}/devices", server = "track")
  Response addDevice(
      @Path @Arg(value = ArgText.IDENTIFIER, maxBytes = 150) String identifier,
      @BodyField("device.id") @Arg(value = "The device's push token (from APNs or FCM).",
          minLength = 1)
      String deviceId,
      @BodyField("device.platform") @Arg(value = "The device's platform: ios or android.",
          allowed = {"ios", "android"})
      String platform,
      @BodyField("device.last_used") @Arg(value = "When the device was last used, as a Unix"
          + " timestamp in seconds (10 digits).", required = false, format = "unix-seconds")
      Long lastUsed,
      @BodyField("device.attributes") @Arg(value = "Device attributes, e.g. {\"device_os\":"
          + " \"17.2\", \"device_model\": \"iPhone15,2\", \"app_version\": \"3.1.0\","
          + " \"device_locale\": \"en-US\", \"push_enabled\": \"true\"}, plus custom ones.",
          required = false)
      ObjectNode attributes);

  /** Delete Device: {@code DELETE /customers/{identifier}/devices/{device_id}}, no body. */
  @Subtool(title = "Delete Device", description = "Removes a push device from a person.")
  @DELETE(value = "/customers/{identifier}/devices/{device_id}", server = "track")
  Response deleteDevice(
      @Path @Arg(value = ArgText.IDENTIFIER, maxBytes = 150) String identifier,
      @Path @Arg("The device's push token.") String deviceId);

  /**
   * Merge Customers: {@code POST /merge_customers} with {@code {"primary":{..},"secondary":{..}}},
   * each object with exactly one of id, email, cio_id.
   *
   * <p>⚠ Whether a {@code cio_id} value takes the {@code cio_} prefix is not stated by any
   * source; presumably it does not (the SDKs send it as given).
   */
  @Subtool(title = "Merge Customers",
      description = "Merges two people; the primary survives and the secondary is deleted, with"
          + " its data folded in. The primary must already exist; a merge cannot be undone.",
      destructive = Hint.TRUE)
  @POST(value = "/merge_customers", server = "track")
  Response mergeCustomers(
      @BodyField @Arg(value = "The person who remains, by exactly one identifier: {\"id\": ...},"
          + " {\"email\": ...} or {\"cio_id\": ...}.", minProperties = 1, maxProperties = 1)
      PersonIdentifier primary,
      @BodyField @Arg(value = "The person merged into the primary and then deleted, by exactly"
          + " one identifier: {\"id\": ...}, {\"email\": ...} or {\"cio_id\": ...}.",
          minProperties = 1, maxProperties = 1)
      PersonIdentifier secondary);

  /**
   * Add To Segment: {@code POST /segments/{segment_id}/add_customers?id_type=...} with
   * {@code {"ids":[...]}} (1 to 1000). A Track API call, although segments are App resources.
   */
  @Subtool(title = "Add To Segment",
      description = "Adds people to a manual segment (max 1000 IDs per call). The segment must"
          + " already exist and be manual.",
      idempotent = Hint.TRUE)
  @POST(value = "/segments/{segment_id}/add_customers", server = "track")
  Response addToSegment(
      @Path @Arg(value = "The manual segment's id.", min = 1) int segmentId,
      @BodyField @Arg(value = ArgText.SEGMENT_IDS, minItems = 1, maxItems = 1000) List<String> ids,
      @Query("id_type") @Arg(value = ArgText.ID_TYPE, required = false,
          allowed = {"id", "email", "cio_id"}, defaultValue = "id")
      String idType);

  /**
   * Remove From Segment: {@code POST /segments/{segment_id}/remove_customers?id_type=...} with
   * {@code {"ids":[...]}} (1 to 1000).
   */
  @Subtool(title = "Remove From Segment",
      description = "Removes people from a manual segment (max 1000 IDs per call).",
      destructive = Hint.TRUE, idempotent = Hint.TRUE)
  @POST(value = "/segments/{segment_id}/remove_customers", server = "track")
  Response removeFromSegment(
      @Path @Arg(value = "The manual segment's id.", min = 1) int segmentId,
      @BodyField @Arg(value = ArgText.SEGMENT_IDS, minItems = 1, maxItems = 1000) List<String> ids,
      @Query("id_type") @Arg(value = ArgText.ID_TYPE, required = false,
          allowed = {"id", "email", "cio_id"}, defaultValue = "id")
      String idType);

  /**
   * Checks the Track credentials (not offered to agents): {@code GET /accounts/region} answers
   * {@code {"url","region","environment_id"}} for a valid {@code site_id:track_api_key}.
   */
  @ConnectionTest("Track API credentials (site_id, track_api_key)")
  @GET(value = "/accounts/region", server = "track")
  Response trackAccountRegion();
}
