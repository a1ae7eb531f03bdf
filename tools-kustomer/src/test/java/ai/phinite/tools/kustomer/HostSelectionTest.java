package ai.phinite.tools.kustomer;

import static ai.phinite.tools.kustomer.WireMockTestBase.TOKEN;
import static ai.phinite.tools.kustomer.WireMockTestBase.json;
import static ai.phinite.tools.kustomer.WireMockTestBase.provider;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.PreparedRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which host a request goes to, with and without {@code org_name} and {@code region} (dry runs:
 * nothing is sent), the {@code org_name} values that are refused because they could point a
 * request elsewhere, and the {@code region} values that are refused.
 */
class HostSelectionTest {

  private static PreparedRequest currentUser(Map<String, String> credentials) {
    Map<String, String> values = new HashMap<>(credentials);
    values.put("api_token", TOKEN);
    try (Connection c = provider().connect(values)) {
      return c.dryRun("get_current_user", json("{}"));
    }
  }

  @Test
  void withoutOrgNameRequestsGoToTheSharedHost() {
    assertThat(currentUser(Map.of()).url()).isEqualTo("https://api.kustomerapp.com/v1/users/current");
  }

  @Test
  void aBlankOrgNameCountsAsNone() {
    assertThat(currentUser(Map.of("org_name", "")).url())
        .isEqualTo("https://api.kustomerapp.com/v1/users/current");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme", "acme-support", "a", "org2"})
  void withOrgNameRequestsGoToTheOrgsHost(String org) {
    assertThat(currentUser(Map.of("org_name", org)).url())
        .isEqualTo("https://" + org + ".api.kustomerapp.com/v1/users/current");
  }

  @Test
  void theOrgHostKeepsPathsAndQueries() {
    Map<String, String> values = Map.of("api_token", TOKEN, "org_name", "acme");
    try (Connection c = provider().connect(values)) {
      PreparedRequest r = c.dryRun("get_customer_by_phone", json("{'phone': '+15551234567'}"));
      assertThat(r.url()).isEqualTo("https://acme.api.kustomerapp.com/v1/customers/phone=%2B15551234567");
      r = c.dryRun("list_users", json("{'page': 2, 'page_size': 500}"));
      assertThat(r.url()).isEqualTo("https://acme.api.kustomerapp.com/v1/users?page=2&pageSize=500");
    }
  }

  @ParameterizedTest
  @CsvSource({
      "us, https://api.kustomerapp.com/v1/users/current",
      "eu, https://api.prod2.kustomerapp.com/v1/users/current",
      "in, https://api.prod4.kustomerapp.com/v1/users/current",
      "'', https://api.kustomerapp.com/v1/users/current"})
  void withoutOrgNameTheRegionPicksTheHost(String region, String url) {
    assertThat(currentUser(Map.of("region", region)).url()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"us", "eu", "in"})
  void theOrgNameWinsOverTheRegion(String region) {
    assertThat(currentUser(Map.of("org_name", "acme", "region", region)).url())
        .isEqualTo("https://acme.api.kustomerapp.com/v1/users/current");
  }

  @Test
  void theRegionalHostKeepsPathsAndQueries() {
    Map<String, String> values = Map.of("api_token", TOKEN, "region", "eu");
    try (Connection c = provider().connect(values)) {
      PreparedRequest r = c.dryRun("list_users", json("{'page': 2, 'page_size': 500}"));
      assertThat(r.url()).isEqualTo("https://api.prod2.kustomerapp.com/v1/users?page=2&pageSize=500");
      assertThat(r.header("Authorization").value()).isEqualTo("Bearer " + TOKEN);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"EU", "uk", "prod2", "us-east", "eu "})
  void anUnknownRegionIsRefusedNamingTheAllowedValues(String region) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> provider().connect(Map.of("api_token", TOKEN, "region", region)));

    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(e.nothingSent()).isTrue();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).pointer()).isEqualTo("/region");
    assertThat(e.problems().get(0).message())
        .isEqualTo("must be one of us, eu, in; got '" + region + "'");
  }

  @Test
  void anUnknownRegionIsRefusedEvenBesideAnOrgName() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> provider().connect(Map.of("api_token", TOKEN, "org_name", "acme", "region", "mars")));
    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(e.problems().get(0).pointer()).isEqualTo("/region");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.evil.com", "a/b", "x@y", "evil.com#", "acme:8443", "acme?x=1",
      "Acme", "-acme", "acme-", "acme evil", "acme\\evil",
      "a123456789012345678901234567890123456789012345678901234567890123"})
  void anOrgNameThatIsNotADnsLabelIsRefusedBeforeAnyCall(String org) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> provider().connect(Map.of("api_token", TOKEN, "org_name", org)));

    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(e.nothingSent()).isTrue();
    assertThat(e.problems().get(0).pointer()).isEqualTo("/org_name");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void aMissingTokenIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> provider().connect(Map.of("org_name", "acme")));
    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(e.problems().get(0).pointer()).isEqualTo("/api_token");
  }

  @Test
  void theTokenIsSentAsABearerButNeverShown() {
    PreparedRequest r = currentUser(Map.of("org_name", "acme"));

    assertThat(r.header("Authorization").value()).isEqualTo("Bearer " + TOKEN);
    assertThat(r.header("Authorization").secret()).isTrue();
    assertThat(r.toJson().path("headers").path("Authorization").asText()).isEqualTo("***");
    assertThat(r.toString()).doesNotContain(TOKEN);
    try (Connection c = provider().connect(Map.of("api_token", TOKEN))) {
      assertThat(c.toString()).doesNotContain(TOKEN);
    }
  }
}
