package ai.phinite.tools.customerio;

import static ai.phinite.tools.customerio.CustomerIoServerTest.Api.TRACK;
import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.Response;
import org.junit.jupiter.api.Test;

/**
 * The 12 Track API subtools, each called over real HTTP: server, method, path and query as sent,
 * Basic authentication (standard Base64 of site_id:track_api_key) and the exact JSON body.
 */
class TrackApiTest extends CustomerIoServerTest {

  @Test
  void identifyCustomer_sendsAttributesAsTheWholeBody() {
    Response r = call("identify_customer", """
        {"identifier": "42", "attributes": {"email": "ada@example.com", "plan": "pro",
         "created_at": 1700000000}}""");
    assertThat(r.status()).isEqualTo(200);
    assertSent(TRACK, "PUT", "/customers/42",
        "{\"email\": \"ada@example.com\", \"plan\": \"pro\", \"created_at\": 1700000000}");
  }

  @Test
  void identifyCustomer_sendsExplicitNullsSoTheAttributeIsDeleted() {
    call("identify_customer", """
        {"identifier": "42", "attributes": {"plan": null, "nested": {"a": null}, "keep": 1}}""");
    var request = assertSent(TRACK, "PUT", "/customers/42",
        "{\"plan\": null, \"nested\": {\"a\": null}, \"keep\": 1}");
    assertThat(request.bodyText()).contains("\"plan\":null");
  }

  @Test
  void identifyCustomer_withoutAttributesSendsEmptyObject() {
    call("identify_customer", "{\"identifier\": \"42\"}");
    assertSent(TRACK, "PUT", "/customers/42", "{}");
  }

  @Test
  void deleteCustomer() {
    call("delete_customer", "{\"identifier\": \"ada@example.com\"}");
    assertSent(TRACK, "DELETE", "/customers/ada%40example.com", null);
  }

  @Test
  void suppressCustomer_sendsEmptyObject() {
    call("suppress_customer", "{\"identifier\": \"42\"}");
    assertSent(TRACK, "POST", "/customers/42/suppress", "{}");
  }

  @Test
  void unsuppressCustomer_sendsEmptyObject() {
    call("unsuppress_customer", "{\"identifier\": \"cio_03000001\"}");
    assertSent(TRACK, "POST", "/customers/cio_03000001/unsuppress", "{}");
  }

  @Test
  void trackEvent_withEveryField() {
    call("track_event", """
        {"identifier": "42", "name": "purchase", "data": {"amount": 99.5, "coupon": null},
         "timestamp": 1700000000, "id": "01HGW2N7EHJKQ0Q4X5Z4W3J8TY"}""");
    assertSent(TRACK, "POST", "/customers/42/events", """
        {"name": "purchase", "data": {"amount": 99.5, "coupon": null}, "timestamp": 1700000000,
         "id": "01HGW2N7EHJKQ0Q4X5Z4W3J8TY"}""");
  }

  @Test
  void trackEvent_leavesOutWhatIsNotGiven() {
    call("track_event", "{\"identifier\": \"42\", \"name\": \"signed_up\"}");
    assertSent(TRACK, "POST", "/customers/42/events", "{\"name\": \"signed_up\"}");
  }

  @Test
  void trackAnonymousEvent() {
    call("track_anonymous_event", """
        {"anonymous_id": "anon-7", "name": "viewed_pricing", "data": {"plan": "pro"},
         "timestamp": 1700000001, "id": "01HGW2N7EHJKQ0Q4X5Z4W3J8TZ"}""");
    assertSent(TRACK, "POST", "/events", """
        {"anonymous_id": "anon-7", "name": "viewed_pricing", "data": {"plan": "pro"},
         "timestamp": 1700000001, "id": "01HGW2N7EHJKQ0Q4X5Z4W3J8TZ"}""");
  }

  @Test
  void trackPageView_sendsTypePageAndTheUrlAsName() {
    call("track_page_view", """
        {"identifier": "42", "url": "https://example.com/pricing?plan=pro",
         "data": {"referrer": "ad"}, "timestamp": 1700000002, "id": "pv-1"}""");
    assertSent(TRACK, "POST", "/customers/42/events", """
        {"type": "page", "name": "https://example.com/pricing?plan=pro",
         "data": {"referrer": "ad"}, "timestamp": 1700000002, "id": "pv-1"}""");
  }

  @Test
  void trackPageView_minimal() {
    call("track_page_view", "{\"identifier\": \"42\", \"url\": \"/docs\"}");
    assertSent(TRACK, "POST", "/customers/42/events", "{\"type\": \"page\", \"name\": \"/docs\"}");
  }

  @Test
  void addDevice_nestsEverythingUnderDevice() {
    call("add_device", """
        {"identifier": "42", "device_id": "fcm:tok/en+1", "platform": "android",
         "last_used": 1700000003, "attributes": {"app_version": "3.1.0", "push_enabled": "true"}}""");
    assertSent(TRACK, "PUT", "/customers/42/devices", """
        {"device": {"id": "fcm:tok/en+1", "platform": "android", "last_used": 1700000003,
                    "attributes": {"app_version": "3.1.0", "push_enabled": "true"}}}""");
  }

  @Test
  void addDevice_minimal() {
    call("add_device", "{\"identifier\": \"42\", \"device_id\": \"apns-1\", \"platform\": \"ios\"}");
    assertSent(TRACK, "PUT", "/customers/42/devices",
        "{\"device\": {\"id\": \"apns-1\", \"platform\": \"ios\"}}");
  }

  @Test
  void deleteDevice_encodesTheTokenAsOneSegment() {
    call("delete_device", "{\"identifier\": \"42\", \"device_id\": \"fcm:tok/en+1\"}");
    assertSent(TRACK, "DELETE", "/customers/42/devices/fcm%3Atok%2Fen%2B1", null);
  }

  @Test
  void mergeCustomers() {
    call("merge_customers", """
        {"primary": {"email": "ada@example.com"}, "secondary": {"cio_id": "03000001"}}""");
    assertSent(TRACK, "POST", "/merge_customers",
        "{\"primary\": {\"email\": \"ada@example.com\"}, \"secondary\": {\"cio_id\": \"03000001\"}}");
  }

  @Test
  void addToSegment_withIdType() {
    call("add_to_segment",
        "{\"segment_id\": 7, \"ids\": [\"ada@example.com\", \"bob@example.com\"], \"id_type\": \"email\"}");
    assertSent(TRACK, "POST", "/segments/7/add_customers?id_type=email",
        "{\"ids\": [\"ada@example.com\", \"bob@example.com\"]}");
  }

  @Test
  void addToSegment_idTypeDefaultsToId() {
    call("add_to_segment", "{\"segment_id\": 7, \"ids\": [\"42\"]}");
    assertSent(TRACK, "POST", "/segments/7/add_customers?id_type=id", "{\"ids\": [\"42\"]}");
  }

  @Test
  void removeFromSegment() {
    call("remove_from_segment", "{\"segment_id\": 7, \"ids\": [\"c1\", \"c2\"], \"id_type\": \"cio_id\"}");
    assertSent(TRACK, "POST", "/segments/7/remove_customers?id_type=cio_id",
        "{\"ids\": [\"c1\", \"c2\"]}");
  }
}
