package ai.phinite.tools.customerio;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The region credential routes both servers: us (default) and eu; anything else is refused. */
class RegionTest {
  private static final ToolProvider<?> PROVIDER = ToolCatalog.load().require("customerio");

  private static Connection connect(String region) {
    Map<String, String> values = CustomerIoServerTest.credentials();
    if (region != null) {
      values.put("region", region);
    }
    return PROVIDER.connect(values);
  }

  private static String trackUrl(Connection c) {
    return c.dryRun("delete_customer", CustomerIoServerTest.json("{\"identifier\": \"42\"}")).url();
  }

  private static String appUrl(Connection c) {
    return c.dryRun("list_segments", CustomerIoServerTest.json("{}")).url();
  }

  @Test
  void euRoutesBothServersToTheEuHosts() {
    try (Connection eu = connect("eu")) {
      assertThat(trackUrl(eu)).isEqualTo("https://track-eu.customer.io/api/v1/customers/42");
      assertThat(appUrl(eu)).isEqualTo("https://api-eu.customer.io/v1/segments");
      assertThat(eu.dryRun("delete_customer", CustomerIoServerTest.json("{\"identifier\": \"42\"}"))
          .header("Authorization").value()).isEqualTo(CustomerIoServerTest.TRACK_AUTH);
      assertThat(eu.dryRun("list_segments", CustomerIoServerTest.json("{}"))
          .header("Authorization").value()).isEqualTo(CustomerIoServerTest.APP_AUTH);
    }
  }

  @Test
  void usIsTheDefault() {
    try (Connection none = connect(null); Connection us = connect("us")) {
      for (Connection c : new Connection[] {none, us}) {
        assertThat(trackUrl(c)).isEqualTo("https://track.customer.io/api/v1/customers/42");
        assertThat(appUrl(c)).isEqualTo("https://api.customer.io/v1/segments");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"EU", "de", "eu ", "track-eu.customer.io"})
  void unknownRegionIsRefused(String region) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> connect(region));
    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(e.getMessage()).contains("region");
  }

  @Test
  void missingKeysAreRefusedWithoutShowingSecrets() {
    Map<String, String> values = CustomerIoServerTest.credentials();
    values.remove("app_api_key");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> PROVIDER.connect(values));
    assertThat(e.getMessage()).contains("app_api_key");
    assertThat(e.getMessage()).doesNotContain(CustomerIoServerTest.TRACK_API_KEY);
  }
}
