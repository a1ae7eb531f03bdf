package ai.phinite.tools.customerio;

import static ai.phinite.tools.customerio.WireMockTestBase.Api.APP;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.Response;
import org.junit.jupiter.api.Test;

/**
 * The 12 App API subtools, each called over real HTTP: server, method, path and query as sent,
 * Bearer authentication with the App API key and the exact JSON body.
 */
class AppApiTest extends WireMockTestBase {

  @Test
  void getCampaign() {
    app.stubFor(get(anyUrl()).willReturn(okJson("{\"campaign\": {\"id\": 12, \"state\": \"running\"}}")));
    Response r = call("get_campaign", "{\"campaign_id\": 12}");
    assertSent(APP, "GET", "/campaigns/12", null);
    assertThat(r.body().path("campaign").path("state").asText()).isEqualTo("running");
  }

  @Test
  void listCampaigns() {
    call("list_campaigns", "{}");
    assertSent(APP, "GET", "/campaigns", null);
  }

  @Test
  void getCampaignMetrics_sendsVersion1AndTheFilters() {
    call("get_campaign_metrics",
        "{\"campaign_id\": 12, \"period\": \"weeks\", \"steps\": 8, \"type\": \"email\"}");
    assertSent(APP, "GET", "/campaigns/12/metrics?version=1&period=weeks&steps=8&type=email", null);
  }

  @Test
  void getCampaignMetrics_onlyVersionWhenNothingElseIsGiven() {
    call("get_campaign_metrics", "{\"campaign_id\": 12}");
    assertSent(APP, "GET", "/campaigns/12/metrics?version=1", null);
  }

  @Test
  void triggerBroadcast_withIds() {
    call("trigger_broadcast", """
        {"broadcast_id": 3, "data": {"headline": "Sale"}, "ids": ["1", "2"],
         "id_ignore_missing": true}""");
    assertSent(APP, "POST", "/campaigns/3/triggers",
        "{\"data\": {\"headline\": \"Sale\"}, \"ids\": [\"1\", \"2\"], \"id_ignore_missing\": true}");
  }

  @Test
  void triggerBroadcast_withDefaultAudienceSendsEmptyObject() {
    call("trigger_broadcast", "{\"broadcast_id\": 3}");
    assertSent(APP, "POST", "/campaigns/3/triggers", "{}");
  }

  @Test
  void triggerBroadcast_withRecipientsFilter() {
    call("trigger_broadcast", """
        {"broadcast_id": 3, "recipients": {"and": [{"segment": {"id": 7}},
          {"attribute": {"field": "plan", "operator": "eq", "value": "pro"}}]}}""");
    assertSent(APP, "POST", "/campaigns/3/triggers", """
        {"recipients": {"and": [{"segment": {"id": 7}},
          {"attribute": {"field": "plan", "operator": "eq", "value": "pro"}}]}}""");
  }

  @Test
  void triggerBroadcast_withPerUserData() {
    call("trigger_broadcast", """
        {"broadcast_id": 3, "per_user_data": [{"id": "1", "data": {"coupon": "X1"}},
          {"email": "bob@example.com"}], "email_ignore_missing": false,
         "email_add_duplicates": true}""");
    assertSent(APP, "POST", "/campaigns/3/triggers", """
        {"per_user_data": [{"id": "1", "data": {"coupon": "X1"}}, {"email": "bob@example.com"}],
         "email_ignore_missing": false, "email_add_duplicates": true}""");
  }

  @Test
  void triggerBroadcast_withEmailsOrDataFile() {
    call("trigger_broadcast", "{\"broadcast_id\": 3, \"emails\": [\"ada@example.com\"]}");
    assertSent(APP, "POST", "/campaigns/3/triggers", "{\"emails\": [\"ada@example.com\"]}");
    app.resetRequests();
    call("trigger_broadcast",
        "{\"broadcast_id\": 3, \"data_file_url\": \"https://files.example.com/audience.jsonl\"}");
    assertSent(APP, "POST", "/campaigns/3/triggers",
        "{\"data_file_url\": \"https://files.example.com/audience.jsonl\"}");
  }

  @Test
  void triggerBroadcast_withDataFileTakesEveryFlag() {
    call("trigger_broadcast", """
        {"broadcast_id": 3, "data_file_url": "https://files.example.com/audience.jsonl",
         "id_ignore_missing": true, "email_ignore_missing": true, "email_add_duplicates": false}""");
    assertSent(APP, "POST", "/campaigns/3/triggers", """
        {"data_file_url": "https://files.example.com/audience.jsonl", "id_ignore_missing": true,
         "email_ignore_missing": true, "email_add_duplicates": false}""");
  }

  @Test
  void sendTransactionalEmail_mergesAdditionalFields() {
    call("send_transactional_email", """
        {"transactional_message_id": 44, "identifiers": {"id": "42"},
         "to": "Ada Lovelace <ada@example.com>", "message_data": {"order_id": "A-17"},
         "additional_fields": {"subject": "Your order", "bcc": "audit@example.com",
                               "send_at": 1700000500, "reply_to": null}}""");
    assertSent(APP, "POST", "/send/email", """
        {"transactional_message_id": 44, "identifiers": {"id": "42"},
         "to": "Ada Lovelace <ada@example.com>", "message_data": {"order_id": "A-17"},
         "subject": "Your order", "bcc": "audit@example.com", "send_at": 1700000500,
         "reply_to": null}""");
  }

  @Test
  void sendTransactionalEmail_acceptsATriggerNameAsMessageId() {
    call("send_transactional_email", """
        {"transactional_message_id": "order_shipped", "identifiers": {"email": "ada@example.com"},
         "to": "ada@example.com"}""");
    assertSent(APP, "POST", "/send/email", """
        {"transactional_message_id": "order_shipped", "identifiers": {"email": "ada@example.com"},
         "to": "ada@example.com"}""");
  }

  @Test
  void sendTransactionalPush() {
    call("send_transactional_push", """
        {"transactional_message_id": "7", "identifiers": {"cio_id": "03000001"}, "to": "last_used",
         "title": "Shipped", "message": "Your order is on its way", "message_data": {"n": 1},
         "additional_fields": {"link": "app://orders/17", "sound": "none"}}""");
    assertSent(APP, "POST", "/send/push", """
        {"transactional_message_id": "7", "identifiers": {"cio_id": "03000001"}, "to": "last_used",
         "title": "Shipped", "message": "Your order is on its way", "message_data": {"n": 1},
         "link": "app://orders/17", "sound": "none"}""");
  }

  @Test
  void listSegments() {
    call("list_segments", "{}");
    assertSent(APP, "GET", "/segments", null);
  }

  @Test
  void getSegment() {
    call("get_segment", "{\"segment_id\": 7}");
    assertSent(APP, "GET", "/segments/7", null);
  }

  @Test
  void createManualSegment_nestsUnderSegment() {
    call("create_manual_segment", "{\"name\": \"VIP\", \"description\": \"Top customers\"}");
    assertSent(APP, "POST", "/segments",
        "{\"segment\": {\"name\": \"VIP\", \"description\": \"Top customers\"}}");
  }

  @Test
  void createManualSegment_withoutDescription() {
    call("create_manual_segment", "{\"name\": \"VIP\"}");
    assertSent(APP, "POST", "/segments", "{\"segment\": {\"name\": \"VIP\"}}");
  }

  @Test
  void deleteSegment() {
    call("delete_segment", "{\"segment_id\": 7}");
    assertSent(APP, "DELETE", "/segments/7", null);
  }

  @Test
  void getCustomerAttributes() {
    call("get_customer_attributes", "{\"identifier\": \"ada@example.com\", \"id_type\": \"email\"}");
    assertSent(APP, "GET", "/customers/ada%40example.com/attributes?id_type=email", null);
  }

  @Test
  void getCustomerAttributes_idTypeDefaultsToId() {
    call("get_customer_attributes", "{\"identifier\": \"42\"}");
    assertSent(APP, "GET", "/customers/42/attributes?id_type=id", null);
  }

  @Test
  void listMessages_withEveryFilter() {
    call("list_messages", """
        {"type": "email", "metric": "opened", "drafts": false, "campaign_id": 12,
         "newsletter_id": 5, "action_id": 99, "start": "abc+/=", "limit": 1000}""");
    assertSent(APP, "GET", "/messages?type=email&metric=opened&drafts=false&campaign_id=12"
        + "&newsletter_id=5&action_id=99&start=abc%2B%2F%3D&limit=1000", null);
  }

  @Test
  void listMessages_withoutFiltersSendsNoQuery() {
    call("list_messages", "{}");
    assertSent(APP, "GET", "/messages", null);
  }
}
