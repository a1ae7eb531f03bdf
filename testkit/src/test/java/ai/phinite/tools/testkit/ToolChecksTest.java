package ai.phinite.tools.testkit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Description, schema and strict-mode checks: they pass on a good tool and name every fault. */
class ToolChecksTest {

  @Test
  void aWellDescribedTool_passes() {
    ToolProvider<?> notes = ToolCatalog.load().require("notes");

    ToolChecks.assertWellDescribed(notes);
    ToolChecks.assertStrictModeReady(notes);
  }

  @Test
  void everyMissingDescription_isNamedWithItsPointer() {
    ToolDescriptor bad = withSchema("""
        {"type": "object", "properties": {
          "id": {"type": "string"},
          "tags": {"type": "array", "description": "Tags.",
                   "items": {"type": "object", "properties": {"name": {"type": "string", "description": " "}}}}},
         "required": ["id"], "additionalProperties": false}""", "");

    assertThat(ToolChecks.descriptionProblems(bad)).containsExactly(
        "get_note: no description",
        "get_note: argument /properties/id has no description",
        "get_note: argument /properties/tags/items/properties/name has no description").inOrder();
  }

  @Test
  void schemasTheRuntimeCannotEnforce_areNamed() {
    ToolDescriptor bad = withSchema("""
        {"type": "object", "properties": {"id": {"type": "string", "description": "Id.",
          "oneOf": [{"minLength": 1}]}}, "required": ["id", "ghost"]}""", "Fetch.");

    assertThat(ToolChecks.schemaProblems(bad)).containsExactly(
        "get_note: required argument 'ghost' is not among the properties",
        "get_note: " + compileError(bad)).inOrder();
  }

  @Test
  void strictMode_failsOnAnOpenObject_unlessListed_andTheListMustStayTrue() {
    ToolProvider<?> notes = ToolCatalog.load().require("notes");
    AssertionFailedError listed = assertThrows(AssertionFailedError.class,
        () -> ToolChecks.assertStrictModeReady(notes, "get_note", "nope"));
    assertThat(listed).hasMessageThat().contains(
        "get_note: is strict-mode ready, yet it is listed as an exception");
    assertThat(listed).hasMessageThat().contains(
        "nope: no such subtool, yet it is listed as an exception");

    ToolDescriptor open = withSchema("""
        {"type": "object", "properties": {"fields": {"type": "object", "description": "Any."}}}""",
        "Fetch.");
    assertThat(ToolChecks.strictModeProblems(open)).containsExactly(
        "notes.get_note: 'fields' is an open object (any keys), which strict mode cannot express");
  }

  /** The notes descriptor with get_note's schema and description replaced. */
  private static ToolDescriptor withSchema(String schema, String description) {
    ObjectNode json = ToolCatalog.load().require("notes").descriptor().json().deepCopy();
    ObjectNode getNote = null;
    for (var s : json.withArray("subtools")) {
      if (s.path("name").asText().equals("get_note")) {
        getNote = (ObjectNode) s;
      }
    }
    getNote.set("inputSchema", TestJson.parse(schema));
    getNote.put("description", description);
    return ToolDescriptor.of(json);
  }

  private static String compileError(ToolDescriptor d) {
    try {
      ai.phinite.tools.runtime.internal.schema.SchemaValidator.compile(
          d.subtool("get_note").inputSchema());
      return "(compiled)";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
