package ai.phinite.tools.examples;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.export.ToolExport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Exports keep explicit nulls apart from leaving an argument out: OpenAI's strict mode, where an
 * optional argument is sent as null, is not used for a subtool whose optional arguments already
 * mean "clear it" by null; a required nullable argument stays strict.
 */
class NullableExportTest {
  private final ToolDescriptor crm = ToolCatalog.load().require("crm").descriptor();

  @Test
  void optionalNullableArgumentsAreNotMadeStrict() {
    ObjectNode update = ToolExport.openAi(crm, crm.subtool("update_contact"), false);

    assertThat(update.at("/function/strict").asBoolean()).isFalse();
    assertThat(update.at("/function/parameters/properties/phone/type").toString())
        .isEqualTo("[\"string\",\"null\"]");
    assertThat(ToolExport.notStrict(crm, SubtoolSelection.all())).contains("crm.update_contact:"
        + " 'phone' is optional and accepts null (which clears it), which strict mode cannot tell"
        + " from leaving it out");
  }

  @Test
  void subtoolsWithoutNullableArgumentsStayStrict() {
    ObjectNode search = ToolExport.openAi(crm, crm.subtool("search_contacts"), false);

    assertThat(search.at("/function/strict").asBoolean()).isTrue();
    assertThat(search.at("/function/parameters/properties/ids/type").toString())
        .isEqualTo("[\"array\",\"null\"]");
  }
}
