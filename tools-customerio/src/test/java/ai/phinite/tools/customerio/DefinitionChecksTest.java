package ai.phinite.tools.customerio;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.testkit.ToolChecks;
import org.junit.jupiter.api.Test;

/** The test kit's definition checks: what a language model reads is all there and usable. */
class DefinitionChecksTest {

  @Test
  void everySubtoolAndArgumentIsDescribed_andEverySchemaIsEnforceable() {
    ToolChecks.assertWellDescribed(ToolCatalog.load().require("customerio"));
  }

  @Test
  void everySchemaIsStrictModeReady_exceptThoseWithOpenObjects() {
    // attributes, event data and message data are maps of any keys by design
    ToolChecks.assertStrictModeReady(ToolCatalog.load().require("customerio"),
        "identify_customer", "track_event", "track_anonymous_event", "track_page_view",
        "add_device", "trigger_broadcast", "send_transactional_email", "send_transactional_push");
  }
}
