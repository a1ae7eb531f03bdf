package ai.phinite.tools.processor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a tool's descriptor, {@code META-INF/phinite/tools/<id>.json}: what Graph Studio reads.
 * Field order is fixed and nothing varies between builds, so the file is byte-identical on
 * rebuild. Secret values never appear (a descriptor holds declarations, not values).
 */
final class DescriptorWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DescriptorWriter() {}

  private static void limit(ObjectNode o, Model.Limit limit) {
    o.put("requests", limit.requests());
    // whole seconds are written as integers, so the file reads as it was declared
    if (limit.perSeconds() == Math.rint(limit.perSeconds())) {
      o.put("perSeconds", (long) limit.perSeconds());
    } else {
      o.put("perSeconds", limit.perSeconds());
    }
  }

  /** Constant headers by name, in declaration order. */
  private static void headers(ObjectNode out, java.util.List<Model.HeaderConstant> headers) {
    headers.forEach(h -> out.put(h.name(), h.value()));
  }

  /** OAuth2: the grant, token URL and scopes, and the keys (never values) of its credentials. */
  private static void oauth2(ObjectNode auth, Model.OAuth2 o) {
    auth.put("grant", o.grant());
    auth.put("tokenUrl", o.tokenUrl());
    if (o.clientId() != null) {
      auth.put("clientId", o.clientId());
      auth.put("clientSecret", o.clientSecret());
    }
    if (o.refreshToken() != null) {
      auth.put("refreshToken", o.refreshToken());
    }
    if (o.accessToken() != null) {
      auth.put("accessToken", o.accessToken());
    }
    ArrayNode scopes = auth.putArray("scopes");
    o.scopes().forEach(scopes::add);
    auth.put("clientAuthentication", o.clientAuthentication());
  }

  static String write(Model.Tool tool) {
    return write(tool, java.util.Map.of());
  }

  /** The descriptor, with each subtool's result shaping (by subtool name). */
  static String write(Model.Tool tool, java.util.Map<String, ShapeReader.Shaping> shapes) {
    ObjectNode d = NODES.objectNode();
    d.put("id", tool.id());
    d.put("name", tool.name());
    d.put("toolClass", tool.toolClass());
    d.put("description", tool.description());
    d.put("docsUrl", tool.docsUrl());
    if (!tool.headers().isEmpty()) {
      headers(d.putObject("headers"), tool.headers());
    }
    ArrayNode credentials = d.putArray("credentials");
    for (Model.Credential c : tool.credentials()) {
      ObjectNode o = credentials.addObject();
      o.put("key", c.key());
      o.put("label", c.label());
      o.put("description", c.description());
      o.put("required", c.required());
      o.put("secret", c.secret());
      if (!c.allowed().isEmpty()) {
        ArrayNode e = o.putArray("enum");
        c.allowed().forEach(e::add);
      }
      if (c.defaultValue() != null) {
        o.put("default", c.defaultValue());
      }
      if (c.pattern() != null) {
        o.put("pattern", c.pattern());
      }
    }
    ArrayNode servers = d.putArray("servers");
    for (Model.Server s : tool.servers()) {
      ObjectNode o = servers.addObject();
      o.put("id", s.id());
      o.put("url", s.url());
      ArrayNode variants = o.putArray("variants");
      for (Model.Variant v : s.variants()) {
        ObjectNode vo = variants.addObject();
        vo.put("credential", v.credential());
        if (v.equals() != null) {
          vo.put("equals", v.equals());
        }
        vo.put("url", v.url());
      }
      ObjectNode auth = o.putObject("auth");
      auth.put("type", s.auth().type());
      if (s.auth().credential() != null) {
        auth.put("credential", s.auth().credential());
      }
      if (s.auth().username() != null) {
        auth.put("username", s.auth().username());
        auth.put("password", s.auth().password());
      }
      if (s.auth().header() != null) {
        auth.put("header", s.auth().header());
      }
      if (s.auth().oauth2() != null) {
        oauth2(auth, s.auth().oauth2());
      }
      if (!s.headers().isEmpty()) {
        headers(o.putObject("headers"), s.headers());
      }
      if (s.rateLimit() != null) {
        limit(o.putObject("rateLimit"), s.rateLimit());
      }
    }
    ArrayNode tests = d.putArray("connectionTests");
    for (Model.Operation op : tool.operations()) {
      if (op.connectionTest() != null) {
        ObjectNode t = tests.addObject();
        t.put("operation", op.name());
        t.put("server", op.http().server());
        t.put("label", op.connectionTest());
      }
    }
    ArrayNode subtools = d.putArray("subtools");
    for (Model.Operation op : tool.operations()) {
      if (!op.subtool()) {
        continue;
      }
      ObjectNode o = subtools.addObject();
      o.put("name", op.name());
      o.put("title", op.title());
      o.put("description", op.description());
      ObjectNode input = SchemaWriter.input(op);
      ShapeWriter.input(input, shapes.get(op.name()));
      o.set("inputSchema", input);
      ShapeWriter.output(o, shapes.get(op.name()));
      ObjectNode hints = o.putObject("annotations");
      hints.put("readOnlyHint", op.hints().readOnly());
      hints.put("destructiveHint", op.hints().destructive());
      hints.put("idempotentHint", op.hints().idempotent());
      hints.put("openWorldHint", op.hints().openWorld());
      ObjectNode policy = o.putObject("policy");
      policy.put("maxRetries", op.policy().maxRetries());
      policy.put("maxWaitSeconds", op.policy().maxWaitSeconds());
      policy.put("retryFailures", op.policy().retryFailures());
      if (op.policy().timeoutSeconds() != null) {
        policy.put("timeoutSeconds", op.policy().timeoutSeconds());
      }
      if (op.policy().rateLimit() != null) {
        limit(policy.putObject("rateLimit"), op.policy().rateLimit());
      }
      if (op.http() != null) {
        ObjectNode http = o.putObject("http");
        http.put("method", op.http().method());
        http.put("server", op.http().server());
        http.put("path", op.http().path().text());
        if (!op.http().headers().isEmpty()) {
          headers(http.putObject("headers"), op.http().headers());
        }
        if (op.http().form() != null) {
          http.put("body", "form");
          http.put("formArrays", op.http().form());
        }
      } else {
        o.put("multiStep", true);
      }
      ShapeWriter.shape(o, shapes.get(op.name()));
    }
    return Jsons.pretty(d) + "\n";
  }
}
