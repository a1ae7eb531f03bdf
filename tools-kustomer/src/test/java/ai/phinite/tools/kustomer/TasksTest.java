package ai.phinite.tools.kustomer;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tasks on the wire: subtools 22–26, custom objects of the connection's task klass. */
class TasksTest extends KustomerServerTest {

  @Test
  void createTask_sendsNameAsTitleInTheDefaultKlass() {
    call("create_task", "{'name': 'Call back Ada', 'additional_fields':"
        + " {'description': 'About the refund', 'customer': 'c1', 'custom': null}}");
    assertSent("POST", "/v1/klasses/task", "{'title': 'Call back Ada',"
        + " 'description': 'About the refund', 'customer': 'c1', 'custom': null}");
  }

  @Test
  void getTask() {
    call("get_task", "{'task_id': 't1'}");
    assertSent("GET", "/v1/klasses/task/t1");
  }

  @Test
  void listTasks() {
    call("list_tasks", "{'page': 1, 'page_size': 100}");
    assertSent("GET", "/v1/klasses/task?page=1&pageSize=100");
  }

  @Test
  void updateTask() {
    call("update_task", "{'task_id': 't1', 'update_fields': {'custom': {'doneBool': true}}}");
    assertSent("PUT", "/v1/klasses/task/t1", "{'custom': {'doneBool': true}}");
  }

  @Test
  void deleteTask() {
    call("delete_task", "{'task_id': 't1'}");
    assertSent("DELETE", "/v1/klasses/task/t1");
  }

  @Test
  void theKlassComesFromTheConnection() {
    try (Connection custom = connect(Map.of("task_klass", "support-task"))) {
      custom.invoke("get_task", json("{'task_id': 't1'}"));
    }
    assertSent("GET", "/v1/klasses/support-task/t1");
  }

  @Test
  void aKlassIsEncodedAsOneSegment() {
    try (Connection custom = connect(Map.of("task_klass", "a/b c"))) {
      custom.invoke("list_tasks", json("{}"));
    }
    assertSent("GET", "/v1/klasses/a%2Fb%20c");
  }

  @Test
  void aDotDotKlassIsRefusedBeforeAnythingIsSent() {
    try (Connection custom = connect(Map.of("task_klass", ".."))) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> custom.invoke("list_tasks", json("{}")));
      assertThat(e.kind()).isEqualTo("invalid_connection");
      assertThat(e.getMessage()).contains("task_klass");
    }
    assertNothingSent();
  }
}
