package ai.phinite.tools.kustomer;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Path values stay one segment on the wire, and dot segments are refused. */
class PathSafetyTest extends KustomerServerTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "a/b                | a%2Fb",
      "a?b=1              | a%3Fb%3D1",
      "a#frag             | a%23frag",
      "a b                | a%20b",
      "a+b                | a%2Bb",
      "a%2Fb              | a%252Fb",
      "../users/current   | ..%2Fusers%2Fcurrent",
      "café               | caf%C3%A9",
      "...                | ...",
  })
  void anIdStaysOneSegment(String id, String encoded) {
    call("get_customer", "{'customer_id': '" + id + "'}");
    assertSent("GET", "/v1/customers/" + encoded);
  }

  @ParameterizedTest
  @ValueSource(strings = {"get_customer", "delete_customer", "list_customer_notes"})
  void anIdWithEveryDangerousCharacterStaysOneSegment(String subtool) {
    call(subtool, "{'customer_id': 'x/y?z#w v'}");
    String path = "/v1/customers/x%2Fy%3Fz%23w%20v" + (subtool.equals("list_customer_notes") ? "/notes" : "");
    assertSent(subtool.startsWith("delete") ? "DELETE" : "GET", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "."})
  void aDotSegmentIsRefusedBeforeAnythingIsSent(String id) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> call("delete_customer", "{'customer_id': '" + id + "'}"));

    assertThat(e.kind()).isEqualTo("invalid_arguments");
    assertThat(e.problems().get(0).pointer()).isEqualTo("/customer_id");
    assertNothingSent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "."})
  void aDotSegmentIsRefusedInsideAnyResource(String id) {
    assertThrows(InvalidInputException.class,
        () -> call("update_company", "{'company_id': '" + id + "', 'update_fields': {'a': 1}}"));
    assertThrows(InvalidInputException.class, () -> call("get_task", "{'task_id': '" + id + "'}"));
    assertNothingSent();
  }
}
