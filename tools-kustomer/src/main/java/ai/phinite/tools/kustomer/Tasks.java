package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.PUT;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kustomer tasks: subtools 22–26 of the product page.
 *
 * <p>Kustomer has no {@code /v1/tasks}: tasks are custom objects (KObjects) of a klass, under
 * {@code /v1/klasses/{klass}}. The {@code {task_klass}} placeholder is filled from the
 * connection's {@code task_klass} credential (default {@code task}), encoded as one path segment.
 *
 * <p>[I] That tasks are KObjects is documented (the comments API speaks of "a KObject (custom
 * object), such as a Task"), but the klass name is org-specific and not documented, hence the
 * credential; mapping the subtool's {@code name} to the KObject's {@code title} is inferred.
 */
public interface Tasks {

  /** [I] {@code name} is sent as the KObject's {@code title}. */
  @Subtool(title = "Create Task",
      description = "Create a task. Requires name. Tasks are Kustomer custom objects (KObjects)"
          + " of the connection's task klass; name is sent as the object's title.")
  @POST("/klasses/{task_klass}")
  Response createTask(
      @BodyField("title") @Arg(value = "The task's name, sent as its title.", minLength = 1) String name,
      @BodyMerge @Arg(value = ArgText.TASK_FIELDS, required = false) ObjectNode additionalFields);

  @Subtool(title = "Get Task",
      description = "Fetch a single task by id. Tasks are Kustomer custom objects (KObjects) of"
          + " the connection's task klass.")
  @GET("/klasses/{task_klass}/{task_id}")
  @Shape(item = "/data", itemSchema = Shapes.TASK_SCHEMA, fields = {"title",
      "description", "custom", "customer", "klass", "updatedAt"})
  Response getTask(@Path @Arg("The task's id.") String taskId);

  @Subtool(title = "List Tasks",
      description = "List tasks with pagination. Tasks are Kustomer custom objects (KObjects) of"
          + " the connection's task klass.")
  @GET("/klasses/{task_klass}")
  @Shape(items = "/data", itemSchema = Shapes.TASK_SCHEMA, fields = {"title", "description",
      "custom", "customer", "updatedAt"})
  @Paged(page = "page", size = "page_size", more = "/links/next", total = "/meta/total")
  Response listTasks(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  @Subtool(title = "Update Task",
      description = "Update a task (e.g. mark complete). Provide fields via update_fields. Tasks"
          + " are Kustomer custom objects (KObjects): the title, status and custom attributes"
          + " depend on the klass.")
  @PUT("/klasses/{task_klass}/{task_id}")
  Response updateTask(
      @Path @Arg("The task's id.") String taskId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS, minProperties = 1) ObjectNode updateFields);

  @Subtool(title = "Delete Task",
      description = "Delete a task by id. Irreversible. Tasks are Kustomer custom objects"
          + " (KObjects) of the connection's task klass.")
  @DELETE("/klasses/{task_klass}/{task_id}")
  Response deleteTask(@Path @Arg("The task's id.") String taskId);
}
