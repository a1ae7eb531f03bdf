package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.ServerVariant;
import ai.phinite.tools.annotations.Tool;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Reads a {@code @Tool} interface into a {@link Model.Tool}, reporting every problem found; returns
 * {@code null} when there was any.
 */
final class ToolReader {
  private static final Pattern URL_PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  private final ProcessingEnvironment env;
  private final Report report;

  ToolReader(ProcessingEnvironment env, Report report) {
    this.env = env;
    this.report = report;
  }

  Model.Tool read(TypeElement type) {
    Tool tool = type.getAnnotation(Tool.class);
    AnnotationMirror toolMirror = Report.mirror(type, Tool.class);
    int before = report.errorCount();
    if (!Naming.TOOL_ID.matcher(tool.id()).matches()) {
      report.error(type, toolMirror, "id", Messages.badToolId(tool.id()));
    }
    for (String[] attr : new String[][] {{"name", tool.name()}, {"description", tool.description()},
        {"toolClass", tool.toolClass()}}) {
      if (attr[1].isBlank()) {
        report.error(type, toolMirror, attr[0], Messages.blank("@Tool", attr[0]));
      }
    }
    if (!tool.docsUrl().isEmpty() && !isHttpsUrl(tool.docsUrl())) {
      report.error(type, toolMirror, "docsUrl", Messages.notHttpsDocsUrl(tool.docsUrl()));
    }
    Map<String, Model.Credential> credentials = credentials(type);
    List<Model.Server> servers = servers(type, credentials);
    HeaderRules headerRules = new HeaderRules(report);
    List<Model.HeaderConstant> toolHeaders = headerRules.read(type);
    List<AnnotationMirror> toolHeaderMirrors = Report.repeated(type,
        ai.phinite.tools.annotations.ConstantHeader.class,
        ai.phinite.tools.annotations.ConstantHeader.List.class);
    for (Model.Server s : servers) {
      headerRules.checkAgainstAuth(type, toolHeaders, toolHeaderMirrors, s);
    }
    List<Model.Operation> operations =
        new OperationReader(env, report, type, credentials, servers, toolHeaders).read();
    if (report.errorCount() > before) {
      return null;
    }
    return new Model.Tool(type, tool.id(), tool.name(), tool.description(), tool.toolClass(),
        tool.docsUrl(), List.copyOf(credentials.values()), servers, operations, toolHeaders);
  }

  private Map<String, Model.Credential> credentials(TypeElement type) {
    Credential[] annotations = type.getAnnotationsByType(Credential.class);
    List<AnnotationMirror> mirrors = Report.repeated(type, Credential.class, Credential.List.class);
    Map<String, Model.Credential> out = new LinkedHashMap<>();
    for (int i = 0; i < annotations.length; i++) {
      Credential c = annotations[i];
      AnnotationMirror m = i < mirrors.size() ? mirrors.get(i) : null;
      if (!Naming.LLM_NAME.matcher(c.key()).matches()) {
        report.error(type, m, "key", Messages.badCredentialKey(c.key()));
        continue;
      }
      if (out.containsKey(c.key())) {
        report.error(type, m, "key", Messages.duplicateCredential(c.key()));
        continue;
      }
      if (c.label().isBlank()) {
        report.error(type, m, "label", Messages.blank("@Credential(key = \"" + c.key() + "\")", "label"));
      }
      if (c.description().isBlank()) {
        report.error(type, m, "description",
            Messages.blank("@Credential(key = \"" + c.key() + "\")", "description"));
      }
      if (!c.pattern().isEmpty()) {
        try {
          Pattern.compile(c.pattern());
        } catch (PatternSyntaxException e) {
          report.error(type, m, "pattern", Messages.badCredentialPattern(c.key(), e.getDescription()));
        }
      }
      List<String> allowed = List.of(c.allowed());
      if (!c.defaultValue().isEmpty() && !allowed.isEmpty() && !allowed.contains(c.defaultValue())) {
        report.error(type, m, "defaultValue",
            Messages.credentialDefaultNotAllowed(c.key(), c.defaultValue(), allowed));
      }
      out.put(c.key(), new Model.Credential(c.key(), c.label(), c.description(), c.required(),
          c.secret(), allowed, c.pattern().isEmpty() ? null : c.pattern(),
          c.defaultValue().isEmpty() ? null : c.defaultValue()));
    }
    return out;
  }

  private List<Model.Server> servers(TypeElement type, Map<String, Model.Credential> credentials) {
    Server[] annotations = type.getAnnotationsByType(Server.class);
    List<AnnotationMirror> mirrors = Report.repeated(type, Server.class, Server.List.class);
    if (annotations.length == 0) {
      report.error(type, Messages.noServers());
    }
    Map<String, Model.Server> out = new LinkedHashMap<>();
    for (int i = 0; i < annotations.length; i++) {
      Server s = annotations[i];
      AnnotationMirror m = i < mirrors.size() ? mirrors.get(i) : null;
      if (out.containsKey(s.id())) {
        report.error(type, m, "id", Messages.duplicateServer(s.id()));
        continue;
      }
      if (!Naming.LLM_NAME.matcher(s.id()).matches()) {
        report.error(type, m, "id", Messages.badName("Server id", s.id()));
      }
      checkUrl(type, m, "url", "@Server(id = \"" + s.id() + "\") url", s.url(), credentials);
      List<Model.Variant> variants = new ArrayList<>();
      for (int v = 0; v < s.variants().length; v++) {
        ServerVariant variant = s.variants()[v];
        AnnotationMirror vm = Report.nested(m, "variants", v);
        Model.Credential selector = credentials.get(variant.credential());
        if (selector == null) {
          report.error(type, vm != null ? vm : m, "credential", Messages.unknownCredential(
              "@ServerVariant", variant.credential(), credentials.keySet()));
        } else if (!variant.equals().isEmpty() && !selector.allowed().isEmpty()
            && !selector.allowed().contains(variant.equals())) {
          // the connection check refuses any other value, so this variant could never apply
          report.error(type, vm != null ? vm : m, "equals", Messages.variantValueNotAllowed(
              variant.credential(), variant.equals(), selector.allowed()));
        }
        checkUrl(type, vm != null ? vm : m, "url", "@ServerVariant url", variant.url(), credentials);
        variants.add(new Model.Variant(variant.credential(),
            variant.equals().isEmpty() ? null : variant.equals(), variant.url()));
      }
      // an @Server without auth has none; its class-file default is not read (see auth())
      Model.Auth auth = Report.nested(m, "auth") == null && m != null
          ? new Model.Auth("none", null, null, null, null)
          : auth(type, Report.nested(m, "auth") != null ? Report.nested(m, "auth") : m, s.auth(),
              credentials);
      Model.Limit limit = null;
      if (s.rateLimit().requests() != 0 || s.rateLimit().perSeconds() != 1) {
        if (s.rateLimit().requests() < 1 || !(s.rateLimit().perSeconds() > 0)) {
          AnnotationMirror rm = Report.nested(m, "rateLimit");
          report.error(type, rm != null ? rm : m, Messages.badRateLimit(
              "@Server(id = \"" + s.id() + "\") rateLimit"));
        } else {
          limit = new Model.Limit(s.rateLimit().requests(), s.rateLimit().perSeconds());
        }
      }
      List<AnnotationMirror> headerMirrors = new ArrayList<>();
      for (int h = 0; h < s.headers().length; h++) {
        headerMirrors.add(Report.nested(m, "headers", h));
      }
      HeaderRules headerRules = new HeaderRules(report);
      List<Model.HeaderConstant> headers = headerRules.read(type, s.headers(), headerMirrors);
      Model.Server server = new Model.Server(s.id(), s.url(), List.copyOf(variants), auth, limit,
          headers);
      headerRules.checkAgainstAuth(type, headers, headerMirrors, server);
      out.put(s.id(), server);
    }
    return List.copyOf(out.values());
  }

  private void checkUrl(TypeElement type, AnnotationMirror m, String attribute, String where,
      String url, Map<String, Model.Credential> credentials) {
    Matcher matcher = URL_PLACEHOLDER.matcher(url);
    while (matcher.find()) {
      String key = matcher.group(1);
      Model.Credential c = credentials.get(key);
      if (c == null) {
        report.error(type, m, attribute, Messages.unknownCredential(where, key, credentials.keySet()));
      } else if (c.secret()) {
        report.error(type, m, attribute, Messages.secretInUrl(where, key));
      }
    }
    if (!isHttpsUrl(matcher.replaceAll("x"))) {
      report.error(type, m, attribute, Messages.notHttpsUrl(where, url));
    }
  }

  static boolean isHttpsUrl(String url) {
    try {
      URI uri = new URI(url);
      return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (Exception e) {
      return false;
    }
  }

  private Model.Auth auth(TypeElement type, AnnotationMirror m, Auth auth,
      Map<String, Model.Credential> credentials) {
    boolean bearer = !auth.bearer().isEmpty();
    boolean basic = !auth.basicUsername().isEmpty() || !auth.basicPassword().isEmpty();
    boolean header = !auth.apiKeyHeader().isEmpty() || !auth.apiKey().isEmpty();
    // only an explicit @OAuth2 is read: javac may fail to proxy the class-file default
    // (AnnotationTypeMismatchException) when the annotations are on the processor's own class path
    AnnotationMirror om = Report.nested(m, "oauth2");
    boolean oauth2 = om != null && OAuth2Reader.declared(auth.oauth2());
    int schemes = (bearer ? 1 : 0) + (basic ? 1 : 0) + (header ? 1 : 0) + (oauth2 ? 1 : 0);
    if (schemes > 1) {
      report.error(type, m, Messages.authSchemes());
      return null;
    }
    if (basic && (auth.basicUsername().isEmpty() || auth.basicPassword().isEmpty())) {
      report.error(type, m, auth.basicUsername().isEmpty()
          ? Messages.authIncomplete("basicUsername", "basicPassword")
          : Messages.authIncomplete("basicPassword", "basicUsername"));
      return null;
    }
    if (oauth2) {
      Model.OAuth2 o = new OAuth2Reader(report).read(type, om, auth.oauth2(), credentials);
      return o == null ? null : new Model.Auth("oauth2", null, null, null, null, o);
    }
    if (header && (auth.apiKeyHeader().isEmpty() || auth.apiKey().isEmpty())) {
      report.error(type, m, auth.apiKey().isEmpty()
          ? Messages.authIncomplete("apiKey", "apiKeyHeader")
          : Messages.authIncomplete("apiKeyHeader", "apiKey"));
      return null;
    }
    String[][] named = {{"bearer", auth.bearer()}, {"basicUsername", auth.basicUsername()},
        {"basicPassword", auth.basicPassword()}, {"apiKey", auth.apiKey()}};
    for (String[] n : named) {
      if (!n[1].isEmpty() && !credentials.containsKey(n[1])) {
        report.error(type, m, n[0], Messages.unknownCredential(
            "@Auth(" + n[0] + ")", n[1], credentials.keySet()));
      }
    }
    if (bearer) {
      return new Model.Auth("bearer", auth.bearer(), null, null, null);
    }
    if (basic) {
      return new Model.Auth("basic", null, auth.basicUsername(), auth.basicPassword(), null);
    }
    if (header) {
      return new Model.Auth("header", auth.apiKey(), null, null, auth.apiKeyHeader());
    }
    return new Model.Auth("none", null, null, null, null);
  }
}
