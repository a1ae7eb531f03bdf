package ai.phinite.tools.kustomer;

import org.junit.jupiter.api.Test;

/** Customers on the wire: subtools 1–8. */
class CustomersTest extends KustomerServerTest {

  @Test
  void createCustomer_postsNameMergedWithAdditionalFields() {
    call("create_customer", "{'name': 'Ada Lovelace', 'additional_fields': {"
        + "'emails': [{'email': 'ada@example.com', 'type': 'work'}], 'externalId': 'ext-1',"
        + " 'locale': null}}");
    assertSent("POST", "/v1/customers", "{'name': 'Ada Lovelace',"
        + " 'emails': [{'email': 'ada@example.com', 'type': 'work'}], 'externalId': 'ext-1',"
        + " 'locale': null}");
  }

  @Test
  void createCustomer_withNothingSendsAnEmptyObject() {
    call("create_customer", "{}");
    assertSent("POST", "/v1/customers", "{}");
  }

  @Test
  void getCustomer() {
    call("get_customer", "{'customer_id': '58228e05d4e96711004eccb7'}");
    assertSent("GET", "/v1/customers/58228e05d4e96711004eccb7");
  }

  @Test
  void getCustomerByEmail_encodesTheAddressInsideTheSegment() {
    call("get_customer_by_email", "{'email': 'ada+vip@example.com'}");
    assertSent("GET", "/v1/customers/email=ada%2Bvip%40example.com");
  }

  @Test
  void getCustomerByPhone_sendsPlusAsPercent2B() {
    call("get_customer_by_phone", "{'phone': '+15551234567'}");
    assertSent("GET", "/v1/customers/phone=%2B15551234567");
  }

  @Test
  void listCustomers_sendsPageAndPageSize() {
    call("list_customers", "{'page': 2, 'page_size': 100}");
    assertSent("GET", "/v1/customers?page=2&pageSize=100");
  }

  @Test
  void listCustomers_leavesOutWhatIsNotGiven() {
    call("list_customers", "{}");
    assertSent("GET", "/v1/customers");
  }

  @Test
  void updateCustomer_sendsUpdateFieldsAsTheBodyWithNulls() {
    call("update_customer", "{'customer_id': 'c1', 'update_fields': "
        + "{'name': 'Ada King', 'custom': {'tierStr': 'gold'}, 'company': null}}");
    assertSent("PUT", "/v1/customers/c1",
        "{'name': 'Ada King', 'custom': {'tierStr': 'gold'}, 'company': null}");
  }

  @Test
  void deleteCustomer() {
    call("delete_customer", "{'customer_id': 'c1'}");
    assertSent("DELETE", "/v1/customers/c1");
  }

  @Test
  void searchCustomers_postsTheQueryWithPagingInTheQueryString() {
    String query = "{'queryContext': 'customer',"
        + " 'and': [{'customer_updated_at': {'gte': '2024-01-01T00:00:00Z'}}],"
        + " 'sort': [{'customer_updated_at': 'asc'}]}";
    call("search_customers", "{'query': " + query + ", 'page': 3, 'page_size': 500}");
    assertSent("POST", "/v1/customers/search?page=3&pageSize=500", query);
  }
}
