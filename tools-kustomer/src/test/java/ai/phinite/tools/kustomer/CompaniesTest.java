package ai.phinite.tools.kustomer;

import org.junit.jupiter.api.Test;

/** Companies on the wire: subtools 27–31 (delete is a soft delete). */
class CompaniesTest extends KustomerServerTest {

  @Test
  void createCompany() {
    call("create_company", "{'name': 'Acme Corp', 'additional_fields':"
        + " {'externalId': 'acme-1', 'urls': ['https://acme.example'], 'avatarUrl': null}}");
    assertSent("POST", "/v1/companies", "{'name': 'Acme Corp', 'externalId': 'acme-1',"
        + " 'urls': ['https://acme.example'], 'avatarUrl': null}");
  }

  @Test
  void getCompany() {
    call("get_company", "{'company_id': 'co1'}");
    assertSent("GET", "/v1/companies/co1");
  }

  @Test
  void listCompanies() {
    call("list_companies", "{'page': 5}");
    assertSent("GET", "/v1/companies?page=5");
  }

  @Test
  void updateCompany() {
    call("update_company", "{'company_id': 'co1', 'update_fields': {'name': 'Acme Inc'}}");
    assertSent("PUT", "/v1/companies/co1", "{'name': 'Acme Inc'}");
  }

  @Test
  void deleteCompany_isASoftDeleteByPut() {
    call("delete_company", "{'company_id': 'co1'}");
    assertSent("PUT", "/v1/companies/co1", "{'deleted': true}");
  }
}
