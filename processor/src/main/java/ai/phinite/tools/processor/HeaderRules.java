package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.ConstantHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Checks header names: of {@code @ConstantHeader}s (tool, server and method level) and of
 * {@code @Header} arguments, which may replace neither the declared authentication nor a constant.
 */
final class HeaderRules {
  /** RFC 9110 section 5.6.2: {@code token = 1*tchar}. */
  static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern VALUE = Pattern.compile("[ -~\\t]*");

  /** Set by the runtime or the HTTP client from the body, the URL or the connection. */
  private static final Set<String> RESERVED = Set.of("content-type", "content-length", "host",
      "connection", "expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive",
      "proxy-connection");

  private final Report report;

  HeaderRules(Report report) {
    this.report = report;
  }

  /** Reads {@code @ConstantHeader}s from an element (tool interface or method). */
  List<Model.HeaderConstant> read(Element element) {
    ConstantHeader[] annotations = element.getAnnotationsByType(ConstantHeader.class);
    List<AnnotationMirror> mirrors =
        Report.repeated(element, ConstantHeader.class, ConstantHeader.List.class);
    List<AnnotationMirror> positions = new ArrayList<>();
    for (int i = 0; i < annotations.length; i++) {
      positions.add(i < mirrors.size() ? mirrors.get(i) : null);
    }
    return read(element, annotations, positions);
  }

  /** Reads constant headers given with their mirrors (e.g. {@code @Server(headers)}). */
  List<Model.HeaderConstant> read(Element element, ConstantHeader[] annotations,
      List<AnnotationMirror> mirrors) {
    Map<String, Model.HeaderConstant> out = new LinkedHashMap<>();
    for (int i = 0; i < annotations.length; i++) {
      ConstantHeader h = annotations[i];
      AnnotationMirror m = mirrors.get(i);
      String where = "@ConstantHeader(name = \"" + h.name() + "\")";
      if (!TOKEN.matcher(h.name()).matches()) {
        report.error(element, m, "name", Messages.badHeaderName(where, h.name()));
      } else if (reserved(h.name())) {
        report.error(element, m, "name", Messages.reservedHeader(where, h.name()));
      } else if (!VALUE.matcher(h.value()).matches()) {
        report.error(element, m, "value", Messages.badHeaderValue(h.name()));
      } else if (out.putIfAbsent(key(h.name()), new Model.HeaderConstant(h.name(), h.value())) != null) {
        report.error(element, m, "name", Messages.duplicateConstantHeader(h.name()));
      }
    }
    return List.copyOf(out.values());
  }

  /** Reports constants that would replace a server's authentication header. */
  void checkAgainstAuth(Element element, List<Model.HeaderConstant> headers,
      List<AnnotationMirror> mirrors, Model.Server server) {
    String authHeader = server.auth() == null ? null : server.auth().headerName();
    if (authHeader == null) {
      return;
    }
    for (int i = 0; i < headers.size(); i++) {
      Model.HeaderConstant h = headers.get(i);
      if (h.name().equalsIgnoreCase(authHeader)) {
        report.error(element, mirrorFor(mirrors, h.name()), "name", Messages.headerSetByAuth(
            "@ConstantHeader(name = \"" + h.name() + "\")", h.name(), server.id()));
      }
    }
  }

  /** The mirror among {@code mirrors} whose name attribute is {@code name}, or {@code null}. */
  static AnnotationMirror mirrorFor(List<AnnotationMirror> mirrors, String name) {
    for (AnnotationMirror m : mirrors) {
      javax.lang.model.element.AnnotationValue v = m == null ? null : Report.explicitValue(m, "name");
      if (v != null && name.equals(v.getValue())) {
        return m;
      }
    }
    return null;
  }

  /**
   * Checks a {@code @Header} argument's name against the header syntax, the runtime's own
   * headers, the server's authentication and the request's constant headers.
   */
  void checkArgument(Model.Param p, Model.Server server, List<Model.HeaderConstant> constants) {
    String name = p.wireName();
    AnnotationMirror m = Report.mirror(p.element(), ai.phinite.tools.annotations.Header.class);
    String where = "@Header(\"" + name + "\") on " + p.element().getSimpleName();
    if (!TOKEN.matcher(name).matches()) {
      report.error(p.element(), m, "value", Messages.badHeaderName(where, name));
      return;
    }
    if (reserved(name)) {
      report.error(p.element(), m, "value", Messages.reservedHeader(where, name));
      return;
    }
    String authHeader = server == null || server.auth() == null ? null : server.auth().headerName();
    if (authHeader != null && authHeader.equalsIgnoreCase(name)) {
      report.error(p.element(), m, "value", Messages.headerSetByAuth(where, name, server.id()));
      return;
    }
    for (Model.HeaderConstant c : constants) {
      if (c.name().equalsIgnoreCase(name)) {
        report.error(p.element(), m, "value", Messages.headerSetByConstant(p.arg().name(), name));
        return;
      }
    }
  }

  /** Tool, then server, then method headers; a later level replaces an earlier same name. */
  @SafeVarargs
  static List<Model.HeaderConstant> merge(List<Model.HeaderConstant>... levels) {
    Map<String, Model.HeaderConstant> out = new LinkedHashMap<>();
    for (List<Model.HeaderConstant> level : levels) {
      for (Model.HeaderConstant h : level) {
        out.remove(key(h.name())); // keeps the most specific one's position last
        out.put(key(h.name()), h);
      }
    }
    return List.copyOf(out.values());
  }

  private static boolean reserved(String name) {
    return RESERVED.contains(key(name));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
