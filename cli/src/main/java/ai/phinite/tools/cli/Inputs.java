package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what the user gives on the command line: subtool arguments ({@code --args JSON} or
 * {@code --args @FILE}) and connection files. Every failure is a {@link CliException} or an
 * {@link InvalidInputException} that says what to fix; nothing read from a connection file is ever
 * quoted, since it holds secrets.
 */
final class Inputs {
  /** Rejects duplicate keys and anything after the first value. */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Inputs() {}

  /**
   * The subtool arguments: JSON text, or {@code @FILE} for a file holding it; an empty object when
   * none are given. Whether they suit the subtool is checked later, by the runtime.
   */
  static JsonNode arguments(String given) {
    if (given == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    String text = given;
    String source = "--args";
    if (given.startsWith("@")) {
      Path file = Path.of(given.substring(1));
      text = read(file, "--args", "arguments file");
      source = "The arguments file '" + file + "'";
    }
    if (text.isBlank()) {
      throw CliException.invalidInput("--args", source + " is empty; give a JSON object of named"
          + " arguments, e.g. {\"ticket_id\": \"123\"}");
    }
    try {
      return STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw CliException.invalidInput("--args", source + " is not valid JSON: "
          + e.getOriginalMessage() + where(e.getLocation()));
    }
  }

  /**
   * The credential values in a connection file: one JSON object of strings (a {@code null} counts
   * as not given).
   *
   * @param tool the tool's id, for the error message
   * @throws CliException when the file cannot be read or is not a JSON object
   * @throws InvalidInputException when a value is not a string
   */
  static Map<String, String> connectionValues(Path file, String tool) {
    String text = read(file, "--connection", "connection file");
    JsonNode json;
    try {
      json = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the file's text, which holds secrets: give the place only.
      throw CliException.invalidInput("--connection", "The connection file '" + file
          + "' is not valid JSON" + where(e.getLocation()) + "; the parser's message is not shown"
          + " because the file holds secrets");
    }
    if (json == null || !json.isObject()) {
      String found = json == null || json.isMissingNode()
          ? "nothing" : "a " + json.getNodeType().name().toLowerCase(Locale.ROOT);
      throw CliException.invalidInput("--connection", "The connection file '" + file
          + "' must hold one JSON object of credential values, e.g. {\"api_key\": \"...\"};"
          + " it holds " + found);
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        values.put(e.getKey(), v.asText());
      } else if (!v.isNull()) {
        problems.add(new Problem(pointer(e.getKey()), "must be a string (in the connection file"
            + " every value is text); it is a " + v.getNodeType().name().toLowerCase(Locale.ROOT)));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.connection(tool, problems);
    }
    return values;
  }

  private static String read(Path file, String option, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliException.invalidInput(option, "The " + what + " '" + file + "' does not exist");
    } catch (AccessDeniedException e) {
      throw CliException.invalidInput(option, "The " + what + " '" + file + "' cannot be read:"
          + " permission denied");
    } catch (CharacterCodingException e) {
      throw CliException.invalidInput(option, "The " + what + " '" + file + "' is not UTF-8 text");
    } catch (IOException e) {
      String why = Files.isDirectory(file) ? "it is a directory" : e.getClass().getSimpleName();
      throw CliException.invalidInput(option, "The " + what + " '" + file + "' cannot be read: "
          + why);
    }
  }

  private static String where(JsonLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return "";
    }
    return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  private static String pointer(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }
}
