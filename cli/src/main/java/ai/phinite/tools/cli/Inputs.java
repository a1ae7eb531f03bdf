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
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * Reads what the user gives on the command line: subtool arguments ({@code --args JSON},
 * {@code --args @FILE} or {@code --args @-} for standard input) and connections (a file,
 * {@code env:VAR} for an environment variable holding the JSON object, or {@code -} for standard
 * input). Every read is bounded ({@link #MAX_ARGS_BYTES}, {@link #MAX_CONNECTION_BYTES}), so
 * {@code --args @/dev/zero} is refused, not an out-of-memory crash. Every failure is a
 * {@link CliException} or an {@link InvalidInputException} that says what to fix; nothing read from
 * a connection is ever quoted, since it holds secrets, and neither is a connection given inline.
 */
final class Inputs {
  /** The largest arguments file or standard input read for {@code --args}: 8 MiB. */
  static final int MAX_ARGS_BYTES = 8 * 1024 * 1024;
  /** The largest connection (file, variable or standard input) read: 1 MiB. */
  static final int MAX_CONNECTION_BYTES = 1024 * 1024;
  /** {@code --connection -}: the connection is read from standard input. */
  static final String STDIN = "-";
  /** {@code --connection env:VAR}: the connection is the JSON object in environment variable VAR. */
  static final String ENV_PREFIX = "env:";

  /** Rejects duplicate keys and anything after the first value. */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Inputs() {}

  /**
   * The subtool arguments: JSON text, {@code @FILE} for a file holding it or {@code @-} for
   * standard input; an empty object when none are given. Whether they suit the subtool is checked
   * later, by the runtime.
   */
  static JsonNode arguments(String given) {
    if (given == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    String text = given;
    String source = "--args";
    if (given.equals("@-")) {
      text = decode(readBounded(System.in, MAX_ARGS_BYTES, "--args", "standard input"),
          "--args", "standard input");
      source = "The arguments on standard input";
    } else if (given.startsWith("@")) {
      Path file = Path.of(given.substring(1));
      text = read(file, "--args", "arguments file", MAX_ARGS_BYTES);
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
   * The credential values of a connection given on the command line: a file's path,
   * {@code env:VAR} or {@code -} (standard input).
   *
   * @param option the option that gave it, for the error message
   * @param tool the tool's id, for the error message
   * @throws CliException when it cannot be read or is not a JSON object
   * @throws InvalidInputException when a value is not a string
   */
  static Map<String, String> connectionValues(String given, String option, String tool) {
    if (given.equals(STDIN)) {
      byte[] bytes = readBounded(System.in, MAX_CONNECTION_BYTES, option, "standard input");
      return connectionValues(parseSecret(decode(bytes, option, "standard input"), option,
          "The connection on standard input"), option, "The connection on standard input", tool);
    }
    if (given.startsWith(ENV_PREFIX)) {
      String name = given.substring(ENV_PREFIX.length());
      String value = name.isEmpty() ? null : System.getenv(name);
      if (value == null) {
        throw CliException.invalidInput(option, "The environment variable '" + name + "' named"
            + " by " + option + " env:" + name + " is not set; export it with the connection's"
            + " JSON object, e.g. {\"api_key\": \"...\"}");
      }
      if (value.length() > MAX_CONNECTION_BYTES) {
        throw CliException.invalidInput(option, "The environment variable '" + name + "' is"
            + " longer than " + MAX_CONNECTION_BYTES + " characters; a connection is a small"
            + " JSON object");
      }
      String what = "The environment variable '" + name + "'";
      return connectionValues(parseSecret(value, option, what), option, what, tool);
    }
    if (looksLikeJson(given)) {
      throw CliException.invalidInput(option, option + " takes a connection file, env:VAR or -"
          + " (standard input), not the JSON itself: a secret given as an argument is visible to"
          + " other users of this machine. The value given is not shown, since it may hold"
          + " secrets; put it in a file, an environment variable or standard input");
    }
    return connectionValues(Path.of(given), option, tool);
  }

  /**
   * The credential values in a connection file: one JSON object of strings (a {@code null} counts
   * as not given).
   *
   * @param tool the tool's id, for the error message
   * @throws CliException when the file cannot be read or is not a JSON object
   * @throws InvalidInputException when a value is not a string
   */
  static Map<String, String> connectionValues(Path file, String option, String tool) {
    String what = "The connection file '" + file + "'";
    String text = read(file, option, "connection file", MAX_CONNECTION_BYTES);
    return connectionValues(parseSecret(text, option, what), option, what, tool);
  }

  /**
   * A JSON file that holds secrets, read up to {@code maxBytes}; a parse error gives the place,
   * never the text.
   */
  static JsonNode secretJson(Path file, String option, String what, int maxBytes) {
    return parseSecret(read(file, option, what, maxBytes), option,
        "The " + what + " '" + file + "'");
  }

  private static JsonNode parseSecret(String text, String option, String what) {
    try {
      JsonNode json = STRICT.readTree(text);
      return json == null ? MissingNode.getInstance() : json;
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the text, which holds secrets: give the place only.
      throw CliException.invalidInput(option, what + " is not valid JSON" + where(e.getLocation())
          + "; the parser's message is not shown because it holds secrets");
    }
  }

  private static Map<String, String> connectionValues(JsonNode json, String option, String what,
      String tool) {
    if (json == null || !json.isObject()) {
      String found = json == null || json.isMissingNode()
          ? "nothing" : "a " + json.getNodeType().name().toLowerCase(Locale.ROOT);
      throw CliException.invalidInput(option, what + " must hold one JSON object of credential"
          + " values, e.g. {\"api_key\": \"...\"}; it holds " + found);
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        values.put(e.getKey(), v.asText());
      } else if (!v.isNull()) {
        problems.add(new Problem(pointer(e.getKey()), "must be a string (in a connection"
            + " every value is text); it is a " + v.getNodeType().name().toLowerCase(Locale.ROOT)));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.connection(tool, problems);
    }
    return values;
  }

  /** A value that is meant as JSON rather than a path: it must never be echoed. */
  static boolean looksLikeJson(String given) {
    String t = given.strip();
    return t.startsWith("{") || t.startsWith("[") || t.startsWith("\"") || t.contains("\":");
  }

  private static String read(Path file, String option, String what, int maxBytes) {
    if (Files.isDirectory(file)) {
      throw CliException.invalidInput(option, "The " + what + " '" + file + "' cannot be read:"
          + " it is a directory");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = readBounded(in, maxBytes, option, "The " + what + " '" + file + "'");
    } catch (NoSuchFileException e) {
      throw CliException.invalidInput(option, "The " + what + " '" + file + "' does not exist");
    } catch (AccessDeniedException e) {
      throw CliException.invalidInput(option, "The " + what + " '" + file + "' cannot be read:"
          + " permission denied");
    } catch (IOException e) {
      throw CliException.invalidInput(option, "The " + what + " '" + file + "' cannot be read: "
          + e.getClass().getSimpleName());
    }
    return decode(bytes, option, "The " + what + " '" + file + "'");
  }

  /** At most {@code maxBytes} from the stream; more is refused without being read. */
  private static byte[] readBounded(InputStream in, int maxBytes, String option, String what) {
    try {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw CliException.invalidInput(option, capitalized(what) + " is larger than "
            + maxBytes + " bytes (" + (maxBytes / 1024) + " KiB), the most " + option
            + " accepts");
      }
      return bytes;
    } catch (IOException e) {
      throw CliException.invalidInput(option, capitalized(what) + " cannot be read: "
          + e.getClass().getSimpleName());
    }
  }

  private static String capitalized(String what) {
    return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }

  private static String decode(byte[] bytes, String option, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw CliException.invalidInput(option, capitalized(what) + " is not UTF-8 text");
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
