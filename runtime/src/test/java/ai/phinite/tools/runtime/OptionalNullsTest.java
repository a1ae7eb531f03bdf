package ai.phinite.tools.runtime;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OptionalNullsTest {
  private final ToolDescriptor sample = Fixtures.sample();

  private JsonNode strip(String subtool, String json) throws Exception {
    return OptionalNulls.strip(sample.subtool(subtool).inputSchema(), Json.MAPPER.readTree(json));
  }

  @Test
  void nullForOptionalArgumentIsLeftOut() throws Exception {
    assertThat(strip("get_item", "{\"item_id\":\"a\",\"page_size\":null,\"fields\":null}").toString())
        .isEqualTo("{\"item_id\":\"a\"}");
  }

  @Test
  void nullForRequiredArgumentStaysSoValidationReportsIt() throws Exception {
    assertThat(strip("get_item", "{\"item_id\":null}").toString()).isEqualTo("{\"item_id\":null}");
  }

  @Test
  void nullsInsideOpenObjectsAreData() throws Exception {
    assertThat(strip("create_item", "{\"name\":\"n\",\"additional_fields\":{\"x\":null}}").toString())
        .isEqualTo("{\"name\":\"n\",\"additional_fields\":{\"x\":null}}");
  }

  @Test
  void nullsInsideRecordsAreLeftOut() throws Exception {
    assertThat(strip("notify", "{\"person\":{\"id\":null,\"email\":\"a@b.c\"}}").toString())
        .isEqualTo("{\"person\":{\"email\":\"a@b.c\"}}");
  }

  @Test
  void untouchedInputIsReturnedAsIs() throws Exception {
    JsonNode in = Json.MAPPER.readTree("{\"item_id\":\"a\"}");
    assertThat(OptionalNulls.strip(sample.subtool("get_item").inputSchema(), in)).isSameInstanceAs(in);
  }
}
