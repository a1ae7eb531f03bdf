package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.ToolDescriptor.AuthSpec;
import ai.phinite.tools.runtime.ToolDescriptor.CredentialSpec;
import ai.phinite.tools.runtime.ToolDescriptor.ServerSpec;
import ai.phinite.tools.runtime.ToolDescriptor.VariantSpec;
import ai.phinite.tools.runtime.internal.Encoding;
import ai.phinite.tools.runtime.internal.HttpSupport.ResolvedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a connection's values against the tool's declarations and resolves each server's base URL
 * and authentication header. Every problem is collected before failing; secret values are never
 * quoted in a message.
 */
record ConnectionValues(Map<String, String> values, Map<String, ResolvedServer> servers,
    List<String> secrets, Map<String, String> tokenUrls) {
  /** A DNS label: what a credential placed in a host name must be. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  static ConnectionValues resolve(
      ToolDescriptor tool, Map<String, String> given, Map<String, String> overrides) {
    return resolve(tool, given, overrides, Map.of());
  }

  static ConnectionValues resolve(ToolDescriptor tool, Map<String, String> given,
      Map<String, String> overrides, Map<String, String> tokenOverrides) {
    List<Problem> problems = new ArrayList<>();
    Map<String, CredentialSpec> specs = new LinkedHashMap<>();
    tool.credentials().forEach(c -> specs.put(c.key(), c));
    for (String key : given.keySet()) {
      if (!specs.containsKey(key)) {
        problems.add(new Problem(pointer(key), "is not a credential of " + tool.name()
            + "; expected " + String.join(", ", specs.keySet())));
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (CredentialSpec c : specs.values()) {
      String v = given.get(c.key());
      if (v == null || v.isBlank()) {
        v = c.defaultValue();
      }
      if (v == null || v.isBlank()) {
        if (c.required()) {
          problems.add(new Problem(pointer(c.key()),
              "is required (" + c.label() + ": " + c.description() + ")"));
        }
        continue;
      }
      String shown = c.secret() ? "" : "; got '" + v + "'";
      if (!Encoding.hasNoControlCharacters(v)) {
        problems.add(new Problem(pointer(c.key()), "must not contain line breaks or control characters"));
      } else if (sentInHeader(tool, c.key()) && !Encoding.isSafeHeaderValue(v)) {
        problems.add(new Problem(pointer(c.key()), "is sent in an HTTP header, so it must be"
            + " printable ASCII (check that it was copied whole and without extra characters)"));
      } else if (!c.allowed().isEmpty() && !c.allowed().contains(v)) {
        problems.add(new Problem(pointer(c.key()),
            "must be one of " + String.join(", ", c.allowed()) + shown));
      } else if (c.pattern() != null && !Pattern.compile(c.pattern()).matcher(v).matches()) {
        problems.add(new Problem(pointer(c.key()), "must match " + c.pattern() + shown));
      }
      values.put(c.key(), v);
    }
    for (String id : overrides.keySet()) {
      if (!tool.servers().containsKey(id)) {
        problems.add(new Problem("/servers/" + id, "is not a server of " + tool.name()
            + "; expected " + String.join(", ", tool.servers().keySet())));
      }
    }
    for (String id : tokenOverrides.keySet()) {
      ServerSpec s = tool.servers().get(id);
      if (s == null || s.auth().oauth2() == null) {
        problems.add(new Problem("/tokenUrls/" + id, "is not an OAuth2 server of " + tool.name()));
      }
    }
    for (ServerSpec s : tool.servers().values()) {
      if (s.auth().oauth2() == null) {
        continue;
      }
      ToolDescriptor.OAuth2Spec o = s.auth().oauth2();
      for (String key : new String[] {o.clientId(), o.clientSecret(), o.refreshToken()}) {
        if (key != null && values.get(key) == null && specs.containsKey(key)
            && !specs.get(key).required()) {
          problems.add(new Problem(pointer(key), "is needed to obtain OAuth2 tokens for server "
              + s.id() + " (" + specs.get(key).label() + ")"));
        }
      }
    }
    Map<String, ResolvedServer> servers = new LinkedHashMap<>();
    Map<String, String> tokenUrls = new LinkedHashMap<>();
    if (problems.isEmpty()) {
      for (ServerSpec s : tool.servers().values()) {
        String url = overrides.containsKey(s.id())
            ? override(s.id(), overrides.get(s.id()), problems)
            : template(s, values, specs, problems);
        servers.put(s.id(), new ResolvedServer(url, auth(s.auth(), values)));
        if (s.auth().oauth2() != null) {
          tokenUrls.put(s.id(), tokenOverrides.containsKey(s.id())
              ? override(s.id(), tokenOverrides.get(s.id()), problems)
              : template(new ServerSpec(s.id(), s.auth().oauth2().tokenUrl(), List.of(), s.auth()),
                  values, specs, problems));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.connection(tool.id(), problems);
    }
    // what must never be repeated: secret values, and the header values made from them
    List<String> secrets = new ArrayList<>();
    for (CredentialSpec c : specs.values()) {
      if (c.secret() && values.get(c.key()) != null) {
        secrets.add(values.get(c.key()));
      }
    }
    for (ResolvedServer s : servers.values()) {
      if (s.auth() != null) {
        String v = s.auth().value();
        secrets.add(v);
        int space = v.indexOf(' ');
        if (space > 0) {
          secrets.add(v.substring(space + 1)); // the token or the Base64 of user:password
        }
      }
    }
    return new ConnectionValues(Map.copyOf(values), Map.copyOf(servers), List.copyOf(secrets),
        Map.copyOf(tokenUrls));
  }

  /** Whether a server sends the credential as a header value as is (bearer or API-key header). */
  private static boolean sentInHeader(ToolDescriptor tool, String key) {
    for (ServerSpec s : tool.servers().values()) {
      String type = s.auth().type();
      if ((type.equals("bearer") || type.equals("header")) && key.equals(s.auth().credential())) {
        return true;
      }
      if (s.auth().oauth2() != null && (key.equals(s.auth().oauth2().accessToken())
          || key.equals(s.auth().oauth2().clientId()))) {
        return true; // an access token is sent as is; a client id may be Base64'd but not broken
      }
    }
    return false;
  }

  private static String pointer(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }

  private static String override(String id, String url, List<Problem> problems) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("/servers/" + id, "is not a valid URL"));
      return url;
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null || uri.getPort() > 65535 // else the HTTP client throws
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      problems.add(new Problem("/servers/" + id,
          "must be an absolute http or https URL without query or fragment; got '" + url + "'"));
    } else if (uri.getRawUserInfo() != null) {
      // credentials in a URL end up in messages and logs; the tool's auth sends them instead
      problems.add(new Problem("/servers/" + id, "must not contain a user name or password;"
          + " the connection's credentials authenticate"));
    }
    return stripSlash(url);
  }

  private static String template(ServerSpec s, Map<String, String> values,
      Map<String, CredentialSpec> specs, List<Problem> problems) {
    String url = s.url();
    for (VariantSpec v : s.variants()) {
      String value = values.get(v.credential());
      if (value != null && (v.equals() == null || v.equals().equals(value))) {
        url = v.url();
        break;
      }
    }
    int hostEnd = url.indexOf('/', url.indexOf("://") + 3);
    if (hostEnd < 0) {
      hostEnd = url.length();
    }
    Matcher m = PLACEHOLDER.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value = values.getOrDefault(key, "");
      String replacement;
      if (m.start() < hostEnd) {
        // A value in the host must be one DNS label, so it can never point the request elsewhere.
        if (!DNS_LABEL.matcher(value).matches()) {
          boolean secret = specs.containsKey(key) && specs.get(key).secret();
          problems.add(new Problem(pointer(key), "must be a DNS label (lowercase letters, digits"
              + " and '-', at most 63, not starting or ending with '-') because it becomes part of"
              + " the host name" + (secret ? "" : "; got '" + value + "'")));
        }
        replacement = value;
      } else {
        replacement = Encoding.encode(value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    String resolved = out.toString();
    if (!resolved.startsWith("https://")) {
      throw new IllegalStateException("Server " + s.id() + " is not https: " + s.url());
    }
    return stripSlash(resolved);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static ai.phinite.tools.runtime.PreparedRequest.Header auth(
      AuthSpec auth, Map<String, String> values) {
    switch (auth.type()) {
      case "bearer": {
        String token = values.get(auth.credential());
        return token == null ? null
            : new PreparedRequest.Header("Authorization", "Bearer " + token, true);
      }
      case "basic": {
        String user = values.getOrDefault(auth.username(), "");
        String password = values.getOrDefault(auth.password(), "");
        String encoded = Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new PreparedRequest.Header("Authorization", "Basic " + encoded, true);
      }
      case "header": {
        String key = values.get(auth.credential());
        return key == null ? null : new PreparedRequest.Header(auth.header(), key, true);
      }
      default:
        return null;
    }
  }
}
