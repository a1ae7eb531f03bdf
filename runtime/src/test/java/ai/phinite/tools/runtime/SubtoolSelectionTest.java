package ai.phinite.tools.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubtoolSelectionTest {
  private final ToolDescriptor sample = Fixtures.sample();

  @Test
  void emptySelectsEverything() {
    SubtoolSelection all = SubtoolSelection.parse("  ");
    assertThat(all.isAll()).isTrue();
    assertThat(all.of(sample)).hasSize(3);
    assertThat(all.toString()).isEqualTo("*");
  }

  @Test
  void toolWildcardSelectsAllOfThatTool() {
    SubtoolSelection s = SubtoolSelection.parse("sample:*");
    assertThat(s.allows("sample", "notify")).isTrue();
    assertThat(s.allows("other", "notify")).isFalse();
    assertThat(s.includesTool(sample)).isTrue();
  }

  @Test
  void namedAndBareEntries() {
    SubtoolSelection s = SubtoolSelection.parse("sample:get_item, create_item");
    assertThat(s.of(sample).stream().map(ToolDescriptor.SubtoolSpec::name).toList())
        .containsExactly("get_item", "create_item").inOrder();
    assertThat(s.allows("sample", "notify")).isFalse();
  }

  @Test
  void aTrailingStarMatchesByPrefix() {
    SubtoolSelection s = SubtoolSelection.parse("sample:get_*,no*");
    assertThat(s.of(sample).stream().map(ToolDescriptor.SubtoolSpec::name).toList())
        .containsExactly("get_item", "notify").inOrder();
    assertThat(s.unknownEntries(List.of(sample))).isEmpty();
    assertThat(SubtoolSelection.parse("sample:zz*").unknownEntries(List.of(sample)))
        .containsExactly("tool 'sample' has no subtool 'zz*'");
  }

  @Test
  void unknownEntriesAreNamed() {
    SubtoolSelection s = SubtoolSelection.parse("sample:nope,ghost:*,missing");
    assertThat(s.unknownEntries(List.of(sample))).containsExactly(
        "tool 'sample' has no subtool 'nope'",
        "no tool 'ghost' (available: sample)",
        "no selected tool has a subtool 'missing'");
  }

  @Test
  void malformedEntryIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SubtoolSelection.parse("a:b:c"));
    assertThat(e).hasMessageThat()
        .isEqualTo("'a:b:c' is not a subtool selection; write tool:subtool, tool:* or subtool");
  }
}
