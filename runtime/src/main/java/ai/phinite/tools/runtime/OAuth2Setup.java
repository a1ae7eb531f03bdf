package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.internal.HttpSupport.ResolvedServer;
import ai.phinite.tools.runtime.internal.OAuth2Tokens;
import ai.phinite.tools.runtime.internal.Redactor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gives each OAuth2 server of a new connection its token cache. */
final class OAuth2Setup {
  private OAuth2Setup() {}

  static Map<String, ResolvedServer> servers(ToolDescriptor tool, ConnectionValues resolved,
      ToolRuntime runtime, Duration timeout, long maxResponseBytes, RefreshTokenRotation rotation,
      Redactor redactor) {
    if (resolved.tokenUrls().isEmpty()) {
      return resolved.servers();
    }
    Map<String, String> values = resolved.values();
    Map<String, ResolvedServer> out = new LinkedHashMap<>(resolved.servers());
    for (Map.Entry<String, String> e : resolved.tokenUrls().entrySet()) {
      ToolDescriptor.OAuth2Spec o = tool.servers().get(e.getKey()).auth().oauth2();
      OAuth2Tokens.Grant grant = new OAuth2Tokens.Grant(e.getKey(), o.grant(), e.getValue(),
          value(values, o.clientId()), value(values, o.clientSecret()), o.scopes(),
          o.clientAuthentication(), o.refreshToken());
      OAuth2Tokens tokens = new OAuth2Tokens(grant, value(values, o.refreshToken()),
          value(values, o.accessToken()), runtime.transport, maxResponseBytes, UserAgent.VALUE,
          runtime.clock, timeout, rotation, redactor);
      out.put(e.getKey(), new ResolvedServer(resolved.servers().get(e.getKey()).baseUrl(), null,
          tokens));
    }
    return Map.copyOf(out);
  }

  private static String value(Map<String, String> values, String key) {
    return key == null ? null : values.get(key);
  }
}
