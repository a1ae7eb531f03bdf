package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tenants of {@code mcp --http}, read from a file given with {@code --tenants FILE}: each has a
 * bearer token (or its SHA-256), its own connections and its own subtool allow-list. A client
 * that presents a tenant's token sees and calls only that tenant's tools.
 *
 * <pre>{@code
 * {"tenants": [
 *   {"name": "acme", "token_sha256": "9f86d08...",
 *    "connections": {"kustomer": "acme-kustomer.json"}, "subtools": "kustomer:get_*"},
 *   {"name": "globex", "token": "a-long-random-string-of-32-or-more-chars",
 *    "connections": {"customerio": {"site_id": "...", "track_api_key": "..."}}}
 * ]}
 * }</pre>
 *
 * <p>A connection is a connection file (a path, relative to the tenants file) or the credential
 * values themselves. Tokens are kept as SHA-256 digests in memory and compared in constant time;
 * no token or credential is ever printed.
 */
final class McpTenants {
  /** The shortest plain token accepted: a guessable token is no protection. */
  static final int MIN_TOKEN_LENGTH = 32;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  /**
   * One tenant.
   *
   * @param name its name, for messages
   * @param tokenSha256 the SHA-256 of its bearer token
   * @param connections tool id to credential values
   * @param subtools its subtool allow-list ({@code null}: every subtool of its tools)
   */
  record Tenant(String name, byte[] tokenSha256, Map<String, Map<String, String>> connections,
      String subtools) {
    @Override
    public String toString() {
      return "Tenant[" + name + ", tools " + connections.keySet() + "]";
    }
  }

  private final List<Tenant> tenants;

  private McpTenants(List<Tenant> tenants) {
    this.tenants = List.copyOf(tenants);
  }

  /** Every tenant, in file order. */
  List<Tenant> all() {
    return tenants;
  }

  /**
   * The tenant whose token this is, or {@code null}. Every tenant is compared, in constant time,
   * so the answer's timing says nothing about which tokens exist.
   */
  Tenant byToken(String token) {
    byte[] digest = sha256(token);
    Tenant found = null;
    for (Tenant t : tenants) {
      if (MessageDigest.isEqual(t.tokenSha256(), digest)) {
        found = t;
      }
    }
    return found;
  }

  /**
   * Reads and checks a tenants file; every problem is listed with its JSON pointer, and no token
   * or credential is quoted.
   *
   * @throws CliException when the file cannot be read, is not JSON or not a valid tenants list
   * @throws InvalidInputException when a connection's values are not strings
   */
  static McpTenants read(Path file, int maxBytes) {
    JsonNode json = Inputs.secretJson(file, "--tenants", "tenants file", maxBytes);
    List<Problem> problems = new ArrayList<>();
    JsonNode list = json.path("tenants");
    if (!json.isObject() || !list.isArray() || list.isEmpty()) {
      throw CliException.invalidInput("--tenants", "The tenants file '" + file + "' must hold"
          + " {\"tenants\": [...]} with at least one tenant (name, token or token_sha256,"
          + " connections, optional subtools)");
    }
    List<Tenant> tenants = new ArrayList<>();
    Map<String, Integer> names = new LinkedHashMap<>();
    Map<String, Integer> tokens = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      String at = "/tenants/" + i;
      if (!t.isObject()) {
        problems.add(new Problem(at, "must be an object with name, token or token_sha256, and"
            + " connections"));
        continue;
      }
      for (var field : t.properties()) {
        if (!List.of("name", "token", "token_sha256", "connections", "subtools")
            .contains(field.getKey())) {
          problems.add(new Problem(at + "/" + field.getKey(), "is not a tenant field; use name,"
              + " token or token_sha256, connections, subtools"));
        }
      }
      String name = t.path("name").isTextual() ? t.path("name").asText() : null;
      if (name == null || !NAME.matcher(name).matches()) {
        problems.add(new Problem(at + "/name", "must be a name of letters, digits, '_', '.' or"
            + " '-' (at most 64)"));
      } else if (names.putIfAbsent(name, i) != null) {
        problems.add(new Problem(at + "/name", "repeats the name of /tenants/" + names.get(name)
            + "; give each tenant its own name"));
      }
      byte[] digest = token(t, at, problems);
      if (digest != null) {
        String key = HexFormat.of().formatHex(digest);
        if (tokens.putIfAbsent(key, i) != null) {
          problems.add(new Problem(at + "/token", "is the same token as /tenants/"
              + tokens.get(key) + "'s; each tenant needs its own token"));
        }
      }
      Map<String, Map<String, String>> connections =
          connections(file, t.path("connections"), at + "/connections", problems);
      JsonNode subtools = t.get("subtools");
      String selection = null;
      if (subtools != null && !subtools.isNull()) {
        if (subtools.isTextual()) {
          selection = subtools.asText();
        } else if (subtools.isArray() && subtools.size() > 0) {
          List<String> parts = new ArrayList<>();
          subtools.forEach(s -> parts.add(s.asText()));
          selection = String.join(",", parts);
        } else {
          problems.add(new Problem(at + "/subtools", "must be a string like"
              + " \"kustomer:get_*,kustomer:list_customers\" or a non-empty array of such entries"));
        }
      }
      tenants.add(new Tenant(name, digest, connections, selection));
    }
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder("The tenants file '" + file + "' is not valid:");
      problems.forEach(p -> message.append("\n- ").append(p.pointer()).append(": ")
          .append(p.message()));
      throw CliException.invalidInput("--tenants", message.toString());
    }
    return new McpTenants(tenants);
  }

  private static byte[] token(JsonNode t, String at, List<Problem> problems) {
    JsonNode plain = t.get("token");
    JsonNode hashed = t.get("token_sha256");
    if ((plain == null) == (hashed == null)) {
      problems.add(new Problem(at, "needs exactly one of token (the bearer token) or"
          + " token_sha256 (its SHA-256 in hex, e.g. from: printf %s TOKEN | sha256sum)"));
      return null;
    }
    if (plain != null) {
      if (!plain.isTextual() || plain.asText().length() < MIN_TOKEN_LENGTH
          || !plain.asText().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        problems.add(new Problem(at + "/token", "must be at least " + MIN_TOKEN_LENGTH
            + " printable ASCII characters without spaces (e.g. from: openssl rand -hex 32)"));
        return null;
      }
      return sha256(plain.asText());
    }
    if (!hashed.isTextual() || !SHA256_HEX.matcher(hashed.asText()).matches()) {
      problems.add(new Problem(at + "/token_sha256", "must be 64 hex digits, the SHA-256 of"
          + " the token"));
      return null;
    }
    return HexFormat.of().parseHex(hashed.asText().toLowerCase(Locale.ROOT));
  }

  private static Map<String, Map<String, String>> connections(Path file, JsonNode node, String at,
      List<Problem> problems) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    if (!node.isObject() || node.isEmpty()) {
      problems.add(new Problem(at, "must be an object of tool id to connection file or"
          + " credential values, e.g. {\"kustomer\": \"kustomer.json\"}"));
      return out;
    }
    for (var entry : node.properties()) {
      JsonNode value = entry.getValue();
      String where = at + "/" + entry.getKey();
      if (value.isTextual()) {
        Path connection = file.toAbsolutePath().getParent().resolve(value.asText());
        out.put(entry.getKey(), Inputs.connectionValues(connection, "--tenants", entry.getKey()));
      } else if (value.isObject()) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var v : value.properties()) {
          if (v.getValue().isTextual()) {
            values.put(v.getKey(), v.getValue().asText());
          } else if (!v.getValue().isNull()) {
            problems.add(new Problem(where + "/" + v.getKey(), "must be a string (credential"
                + " values are text)"));
          }
        }
        out.put(entry.getKey(), values);
      } else {
        problems.add(new Problem(where, "must be a connection file's path or an object of"
            + " credential values"));
      }
    }
    return out;
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
