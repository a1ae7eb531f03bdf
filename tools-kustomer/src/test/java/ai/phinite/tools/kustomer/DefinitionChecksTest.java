package ai.phinite.tools.kustomer;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.testkit.ToolChecks;
import org.junit.jupiter.api.Test;

/** The test kit's definition checks: what a language model reads is all there and usable. */
class DefinitionChecksTest {

  @Test
  void everySubtoolAndArgumentIsDescribed_andEverySchemaIsEnforceable() {
    ToolChecks.assertWellDescribed(ToolCatalog.load().require("kustomer"));
  }

  @Test
  void everySchemaIsStrictModeReady_exceptThoseWithOpenObjects() {
    // additional_fields, update_fields and a search query are maps of any keys by design
    ToolChecks.assertStrictModeReady(ToolCatalog.load().require("kustomer"),
        "create_customer", "update_customer", "search_customers", "create_conversation",
        "update_conversation", "create_message", "update_message", "create_note", "create_task",
        "update_task", "create_company", "update_company", "create_tag", "update_tag",
        "create_team", "update_team", "create_user", "update_user", "create_shortcut",
        "update_shortcut");
  }
}
