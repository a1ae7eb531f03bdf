package ai.phinite.tools.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection values are checked before any call, and secrets are never quoted. */
class ConnectionValuesTest {
  private final SampleProvider sample = new SampleProvider();

  private InvalidInputException refused(Map<String, String> values) {
    return assertThrows(InvalidInputException.class, () -> sample.connect(values));
  }

  @Test
  void aTokenSentAsAHeaderMustBePrintableAscii() {
    InvalidInputException e = refused(Map.of("token", "t\u00f6ken\u65e5"));
    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(e.problems()).containsExactly(new Problem("/token", "is sent in an HTTP header, so"
        + " it must be printable ASCII (check that it was copied whole and without extra"
        + " characters)"));
    assertThat(e.getMessage()).doesNotContain("t\u00f6ken");
  }

  @Test
  void lineBreaksAreRefusedAndNotQuoted() {
    InvalidInputException e = refused(Map.of("token", "abc\r\nX-Evil: 1"));
    assertThat(e.problems()).containsExactly(
        new Problem("/token", "must not contain line breaks or control characters"));
    assertThat(e.getMessage()).doesNotContain("abc");
  }

  @Test
  void missingAndUnknownValuesAreAllListed() {
    InvalidInputException e = refused(Map.of("tokn", "x"));
    assertThat(e.problems()).containsExactly(
        new Problem("/tokn", "is not a credential of Sample; expected token"),
        new Problem("/token", "is required (Token: An API token.)")).inOrder();
  }

  @Test
  void toStringMasksSecrets() {
    try (Connection c = sample.connect(Map.of("token", "s3cr3t"))) {
      assertThat(c.toString()).isEqualTo("Connection[sample, token=***]");
    }
  }
}
