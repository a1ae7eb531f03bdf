package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.AtMostOneOf;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyConstant;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.ConnectionTest;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Header;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.PATCH;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.PUT;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.RateLimit;
import ai.phinite.tools.annotations.Retry;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.annotations.Timeout;
import ai.phinite.tools.processor.Model.Binding;
import ai.phinite.tools.processor.Model.Kind;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Reads the methods of a tool interface (own and inherited) into operations. */
final class OperationReader {
  private static final List<Class<? extends Annotation>> HTTP_METHODS =
      List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);
  private static final List<Class<? extends Annotation>> BINDINGS =
      List.of(Path.class, Query.class, Header.class, Body.class, BodyField.class, BodyMerge.class);

  private final ProcessingEnvironment env;
  private final Report report;
  private final TypeElement tool;
  private final Map<String, Model.Credential> credentials;
  private final Map<String, Model.Server> servers = new LinkedHashMap<>();
  private final ArgReader args;
  private final List<Model.HeaderConstant> toolHeaders;

  OperationReader(ProcessingEnvironment env, Report report, TypeElement tool,
      Map<String, Model.Credential> credentials, List<Model.Server> servers,
      List<Model.HeaderConstant> toolHeaders) {
    this.env = env;
    this.report = report;
    this.tool = tool;
    this.credentials = credentials;
    this.toolHeaders = toolHeaders;
    servers.forEach(s -> this.servers.put(s.id(), s));
    this.args = new ArgReader(env, report);
  }

  List<Model.Operation> read() {
    List<ExecutableElement> methods = new ArrayList<>();
    collect(tool, methods, new LinkedHashSet<>());
    Map<String, ExecutableElement> byJavaName = new HashMap<>();
    Map<String, ExecutableElement> byName = new HashMap<>();
    List<Model.Operation> out = new ArrayList<>();
    methods = withoutOverridden(methods);
    for (ExecutableElement method : methods) {
      String javaName = method.getSimpleName().toString();
      if (byJavaName.putIfAbsent(javaName, method) != null) {
        report.error(method, Messages.overloaded(javaName));
        continue;
      }
      Model.Operation op = operation(method);
      if (op == null) {
        continue;
      }
      ExecutableElement clash = byName.putIfAbsent(op.name(), method);
      if (clash != null) {
        report.error(method, Report.mirror(method, Subtool.class), "name", Messages.duplicateSubtool(
            op.name(), ((TypeElement) clash.getEnclosingElement()).getSimpleName() + "."
                + clash.getSimpleName() + "()"));
        continue;
      }
      out.add(op);
    }
    return List.copyOf(out);
  }

  /**
   * Drops inherited methods that a more specific interface re-declares (an override is the same
   * operation, not an overload); the re-declaration keeps the place of the first declaration.
   */
  private List<ExecutableElement> withoutOverridden(List<ExecutableElement> methods) {
    // only methods of the same name can override each other: most tools have none
    Set<String> names = new java.util.HashSet<>();
    boolean shared = false;
    for (ExecutableElement m : methods) {
      shared |= !names.add(m.getSimpleName().toString());
    }
    if (!shared) {
      return methods;
    }
    List<ExecutableElement> out = new ArrayList<>(methods);
    for (int i = 0; i < out.size(); i++) {
      for (int j = 0; j < out.size(); j++) {
        if (i != j && out.get(i).getSimpleName().equals(out.get(j).getSimpleName())
            && env.getElementUtils().overrides(out.get(j), out.get(i), tool)) {
          out.set(i, out.get(j));
          out.remove(j);
          i = -1; // start over: the list changed
          break;
        }
      }
    }
    return out;
  }

  /** Methods of super-interfaces first (in {@code extends} order), then the interface's own. */
  private void collect(TypeElement type, List<ExecutableElement> out, Set<String> seen) {
    if (!seen.add(type.getQualifiedName().toString())) {
      return;
    }
    for (TypeMirror parent : type.getInterfaces()) {
      collect((TypeElement) ((DeclaredType) parent).asElement(), out, seen);
    }
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Set<Modifier> mods = m.getModifiers();
      if (!mods.contains(Modifier.STATIC) && !mods.contains(Modifier.PRIVATE)) {
        out.add(m);
      }
    }
  }

  private Model.Operation operation(ExecutableElement method) {
    int before = report.errorCount();
    String javaName = method.getSimpleName().toString();
    Subtool subtool = method.getAnnotation(Subtool.class);
    AnnotationMirror subtoolMirror = Report.mirror(method, Subtool.class);
    boolean isDefault = method.getModifiers().contains(Modifier.DEFAULT);
    List<Class<? extends Annotation>> http = new ArrayList<>();
    for (Class<? extends Annotation> a : HTTP_METHODS) {
      if (method.getAnnotation(a) != null) {
        http.add(a);
      }
    }
    if (isDefault && subtool == null) {
      return null; // a plain helper method: not an operation
    }
    if (!isDefault && http.isEmpty()) {
      report.error(method, Messages.noHttpMethod(javaName));
      return null;
    }
    if (http.size() > 1 || (isDefault && !http.isEmpty())) {
      report.error(method, Messages.twoHttpMethods(javaName));
      return null;
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.error(method, Messages.genericMethod(javaName));
    }
    String name = subtool != null && !subtool.name().isEmpty() ? subtool.name() : Naming.snakeCase(javaName);
    if (!Naming.LLM_NAME.matcher(name).matches()) {
      report.error(method, subtoolMirror, "name", Messages.badName("Subtool name", name));
    }
    if (subtool != null) {
      if (subtool.title().isBlank()) {
        report.error(method, subtoolMirror, "title", Messages.blank("Subtool \"" + name + "\"", "title"));
      }
      if (subtool.description().isBlank()) {
        report.error(method, subtoolMirror, "description",
            Messages.blank("Subtool \"" + name + "\"", "description"));
      }
    }
    Model.Returns returns = returns(method, subtool != null || isDefault);
    List<Model.Param> params = params(method, isDefault, subtool != null);
    Model.Http httpModel = null;
    if (!http.isEmpty() && params != null) {
      httpModel = http(method, http.get(0), params);
    }
    Model.Hints hints = hints(method, subtoolMirror, subtool,
        httpModel == null ? null : httpModel.method());
    String connectionTest = connectionTest(method, httpModel, params);
    List<String> atMostOneOf = atMostOneOf(method, params);
    List<Model.Requirement> requires = new RequiresReader(report).read(method, params);
    Model.Policy policy = policy(method, hints);
    if (report.errorCount() > before || params == null || returns == null) {
      return null;
    }
    return new Model.Operation(method, name, subtool != null,
        subtool == null ? "" : subtool.title(), subtool == null ? "" : subtool.description(),
        hints, httpModel, params, returns, connectionTest, atMostOneOf, requires, policy);
  }

  /**
   * The operation's sending policy: {@code @Retry} on the method, else on the interface that
   * declares it, else on the tool interface, else the defaults (3 retries within 30 s); failures
   * that may have reached the server are retried only for idempotent operations unless set.
   */
  private Model.Policy policy(ExecutableElement method, Model.Hints hints) {
    Retry retry = method.getAnnotation(Retry.class);
    Element retryOn = method;
    if (retry == null) {
      retryOn = method.getEnclosingElement();
      retry = retryOn.getAnnotation(Retry.class);
    }
    if (retry == null) {
      retryOn = tool;
      retry = tool.getAnnotation(Retry.class);
    }
    int maxRetries = 3;
    int maxWait = 30;
    boolean retryFailures = hints.idempotent();
    if (retry != null) {
      AnnotationMirror mirror = Report.mirror(retryOn, Retry.class);
      if (retry.maxRetries() < 0 || retry.maxRetries() > 10) {
        report.error(retryOn, mirror, "maxRetries", Messages.badRetry(
            "maxRetries = " + retry.maxRetries() + " is out of range"));
      }
      if (retry.maxWaitSeconds() < 0 || retry.maxWaitSeconds() > 600) {
        report.error(retryOn, mirror, "maxWaitSeconds", Messages.badRetry(
            "maxWaitSeconds = " + retry.maxWaitSeconds() + " is out of range"));
      }
      maxRetries = retry.maxRetries();
      maxWait = retry.maxWaitSeconds();
      if (retry.retryFailures() != Hint.INFER) {
        retryFailures = retry.retryFailures() == Hint.TRUE;
      }
    }
    Integer timeout = null;
    Timeout t = method.getAnnotation(Timeout.class);
    if (t != null) {
      if (t.seconds() < 1 || t.seconds() > 600) {
        report.error(method, Report.mirror(method, Timeout.class), "seconds",
            Messages.badTimeout(t.seconds()));
      }
      timeout = t.seconds();
    }
    Model.Limit limit = null;
    RateLimit r = method.getAnnotation(RateLimit.class);
    if (r != null) {
      if (r.requests() < 1 || !(r.perSeconds() > 0)) {
        report.error(method, Report.mirror(method, RateLimit.class), Messages.badRateLimit("@RateLimit"));
      } else {
        limit = new Model.Limit(r.requests(), r.perSeconds());
      }
    }
    return new Model.Policy(maxRetries, maxWait, retryFailures, timeout, limit);
  }

  private List<String> atMostOneOf(ExecutableElement method, List<Model.Param> params) {
    AtMostOneOf annotation = method.getAnnotation(AtMostOneOf.class);
    if (annotation == null || params == null) {
      return List.of();
    }
    AnnotationMirror mirror = Report.mirror(method, AtMostOneOf.class);
    List<String> names = List.of(annotation.value());
    Set<String> declared = new LinkedHashSet<>();
    params.forEach(p -> declared.add(p.arg().name()));
    if (names.size() < 2 || new LinkedHashSet<>(names).size() != names.size()) {
      report.error(method, mirror, "value", Messages.atMostOneOfSize());
      return List.of();
    }
    for (String name : names) {
      if (!declared.contains(name)) {
        report.error(method, mirror, "value", Messages.atMostOneOfUnknown(name, declared));
        return List.of();
      }
    }
    return names;
  }

  private Model.Returns returns(ExecutableElement method, boolean subtool) {
    TypeMirror type = method.getReturnType();
    String name = type.toString();
    if (name.equals(Naming.RESPONSE.canonicalName())) {
      return Model.Returns.RESPONSE;
    }
    if (!subtool && name.equals(Naming.JSON_NODE.canonicalName())) {
      return Model.Returns.JSON;
    }
    if (!subtool && type.getKind() == TypeKind.VOID) {
      return Model.Returns.VOID;
    }
    report.error(method, Messages.unsupportedReturn(method.getSimpleName().toString(), name, subtool));
    return null;
  }

  private List<Model.Param> params(ExecutableElement method, boolean isDefault, boolean documented) {
    List<Model.Param> out = new ArrayList<>();
    Set<String> argNames = new LinkedHashSet<>();
    boolean ok = true;
    for (VariableElement p : method.getParameters()) {
      String javaName = p.getSimpleName().toString();
      List<Class<? extends Annotation>> bindings = new ArrayList<>();
      for (Class<? extends Annotation> b : BINDINGS) {
        if (p.getAnnotation(b) != null) {
          bindings.add(b);
        }
      }
      if (isDefault && !bindings.isEmpty()) {
        report.error(p, Messages.bindingOnDefault(javaName));
        ok = false;
        continue;
      }
      if (!isDefault && bindings.isEmpty()) {
        report.error(p, Messages.noBinding(javaName));
        ok = false;
        continue;
      }
      if (bindings.size() > 1) {
        report.error(p, Messages.twoBindings(javaName));
        ok = false;
        continue;
      }
      Model.Arg arg = args.read(p, p.asType(), documented);
      if (arg == null) {
        ok = false;
        continue;
      }
      if (!argNames.add(arg.name())) {
        report.error(p, Messages.duplicateArgument(arg.name()));
        ok = false;
        continue;
      }
      Binding binding = Binding.NONE;
      String wire = arg.name();
      String queryStyle = null;
      if (!bindings.isEmpty()) {
        Class<? extends Annotation> b = bindings.get(0);
        if (b == Path.class) {
          binding = Binding.PATH;
          wire = orDefault(p.getAnnotation(Path.class).value(), arg.name());
        } else if (b == Query.class) {
          binding = Binding.QUERY;
          wire = orDefault(p.getAnnotation(Query.class).value(), arg.name());
          queryStyle = p.getAnnotation(Query.class).style().name().toLowerCase(java.util.Locale.ROOT);
          if (Report.explicitValue(Report.mirror(p, Query.class), "style") != null
              && arg.type().isScalar()) {
            report.error(p, Report.mirror(p, Query.class), "style",
                Messages.queryStyleOnScalar(arg.name()));
            ok = false;
            continue;
          }
        } else if (b == Header.class) {
          binding = Binding.HEADER;
          wire = p.getAnnotation(Header.class).value();
        } else if (b == Body.class) {
          binding = Binding.BODY;
        } else if (b == BodyField.class) {
          binding = Binding.BODY_FIELD;
          wire = orDefault(p.getAnnotation(BodyField.class).value(), arg.name());
        } else {
          binding = Binding.BODY_MERGE;
        }
      }
      if (!typeFits(p, binding, arg)) {
        ok = false;
        continue;
      }
      if (arg.facts().nullable() && !NullableArgs.bindingSendsNull(binding)) {
        report.error(p, Report.mirror(p, ai.phinite.tools.annotations.Arg.class), "nullable",
            Messages.nullableBinding(arg.name(), "@" + bindings.get(0).getSimpleName()));
        ok = false;
        continue;
      }
      out.add(new Model.Param(p, binding, wire, arg, queryStyle));
    }
    return ok ? out : null;
  }

  private static String orDefault(String value, String dflt) {
    return value.isEmpty() ? dflt : value;
  }

  private boolean typeFits(VariableElement p, Binding binding, Model.Arg arg) {
    Model.ValueType t = arg.type();
    String what = "Parameter " + p.getSimpleName();
    switch (binding) {
      case PATH:
        if (!t.isScalar()) {
          report.error(p, Messages.unsupportedType(what, t.mirror().toString(),
              "a @Path value is one path segment, so use a String, number or enum"));
          return false;
        }
        if (!arg.facts().required()) {
          report.error(p, Messages.badBound(arg.name(),
              "is bound to the path, so it is always required; remove required = false"));
          return false;
        }
        return true;
      case HEADER:
        if (!t.isScalar()) {
          report.error(p, Messages.unsupportedType(what, t.mirror().toString(),
              "a @Header value is text, so use a String, number or enum"));
          return false;
        }
        return true;
      case QUERY:
        if (!t.isScalar() && !((t.kind() == Kind.LIST || t.kind() == Kind.SET || t.kind() == Kind.ARRAY)
            && t.element().isScalar())) {
          report.error(p, Messages.unsupportedType(what, t.mirror().toString(),
              "a @Query value is text, so use a String, number, enum, or a List, Set or array of those"));
          return false;
        }
        return true;
      case BODY_MERGE:
        if (t.kind() != Kind.MAP && t.kind() != Kind.JSON_OBJECT) {
          report.error(p, Messages.unsupportedType(what, t.mirror().toString(),
              "@BodyMerge merges an object into the body, so use Map<String, Object> or ObjectNode"));
          return false;
        }
        return true;
      default:
        return true;
    }
  }

  private Model.Http http(ExecutableElement method, Class<? extends Annotation> annotation,
      List<Model.Param> params) {
    AnnotationMirror mirror = Report.mirror(method, annotation);
    String httpMethod = annotation.getSimpleName();
    String template;
    String serverId;
    Annotation a = method.getAnnotation(annotation);
    if (a instanceof GET g) { template = g.value(); serverId = g.server(); }
    else if (a instanceof POST g) { template = g.value(); serverId = g.server(); }
    else if (a instanceof PUT g) { template = g.value(); serverId = g.server(); }
    else if (a instanceof PATCH g) { template = g.value(); serverId = g.server(); }
    else { DELETE g = (DELETE) a; template = g.value(); serverId = g.server(); }
    String shown = "@" + httpMethod;
    if (serverId.isEmpty()) {
      if (servers.size() == 1) {
        serverId = servers.keySet().iterator().next();
      } else if (!servers.isEmpty()) {
        report.error(method, mirror, Messages.serverRequired(shown, servers.keySet()));
      }
    } else if (!servers.containsKey(serverId)) {
      report.error(method, mirror, "server", Messages.unknownServer(shown, serverId, servers.keySet()));
    }
    Object parsed = PathTemplate.parse(template);
    if (parsed instanceof String problem) {
      report.error(method, mirror, "value", Messages.badPath(template, problem));
      return null;
    }
    PathTemplate path = (PathTemplate) parsed;
    Map<String, Model.Param> pathParams = new LinkedHashMap<>();
    int bodies = 0;
    boolean fields = false;
    Set<String> fieldNames = new LinkedHashSet<>();
    for (Model.Param p : params) {
      switch (p.binding()) {
        case PATH -> pathParams.put(p.wireName(), p);
        case BODY -> {
          if (++bodies == 2) {
            report.error(p.element(), Messages.twoBodies());
          }
        }
        case BODY_FIELD -> {
          fields = true;
          if (!validField(p.wireName()) || !fieldNames.add(p.wireName())) {
            report.error(p.element(), Messages.badBound(p.arg().name(), "binds the body field \""
                + p.wireName() + "\", which is empty, malformed or bound twice; name each field once"));
          }
        }
        case BODY_MERGE -> fields = true;
        default -> { }
      }
      if ((p.binding() == Binding.BODY || p.binding() == Binding.BODY_FIELD
          || p.binding() == Binding.BODY_MERGE)
          && (httpMethod.equals("GET") || httpMethod.equals("DELETE"))) {
        report.error(p.element(), Messages.bodyOnMethod(httpMethod));
      }
    }
    List<Model.Constant> constants = constants(method, httpMethod);
    if (bodies > 0 && (fields || !constants.isEmpty())) {
      report.error(method, Messages.bodyAndFields());
    }
    String form = FormRules.read(report, method, httpMethod, params);
    Model.Server server = servers.get(serverId);
    HeaderRules headerRules = new HeaderRules(report);
    List<Model.HeaderConstant> methodHeaders = headerRules.read(method);
    if (server != null) {
      headerRules.checkAgainstAuth(method, methodHeaders, Report.repeated(method,
          ai.phinite.tools.annotations.ConstantHeader.class,
          ai.phinite.tools.annotations.ConstantHeader.List.class), server);
    }
    List<Model.HeaderConstant> headers = HeaderRules.merge(toolHeaders,
        server == null ? List.of() : server.headers(), methodHeaders);
    for (Model.Param p : params) {
      if (p.binding() == Binding.HEADER) {
        headerRules.checkArgument(p, server, headers);
      }
    }
    for (String placeholder : path.placeholders()) {
      boolean param = pathParams.containsKey(placeholder);
      Model.Credential credential = credentials.get(placeholder);
      if (param && credential != null) {
        report.error(method, mirror, "value", Messages.pathParamAndCredential(placeholder));
      } else if (!param && credential == null) {
        report.error(method, mirror, "value", Messages.placeholderWithoutParam(placeholder, template));
      } else if (credential != null && credential.secret()) {
        report.error(method, mirror, "value", Messages.secretInUrl(shown, placeholder));
      }
    }
    for (Model.Param p : pathParams.values()) {
      if (!path.placeholders().contains(p.wireName())) {
        report.error(p.element(), Report.mirror(p.element(), Path.class),
            Messages.pathWithoutPlaceholder(p.wireName(), template));
      }
    }
    return new Model.Http(httpMethod, serverId, path, constants, headers, form);
  }

  private static boolean validField(String field) {
    for (String part : field.split("\\.", -1)) {
      if (part.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private List<Model.Constant> constants(ExecutableElement method, String httpMethod) {
    BodyConstant[] annotations = method.getAnnotationsByType(BodyConstant.class);
    List<AnnotationMirror> mirrors = Report.repeated(method, BodyConstant.class, BodyConstant.List.class);
    List<Model.Constant> out = new ArrayList<>();
    for (int i = 0; i < annotations.length; i++) {
      BodyConstant c = annotations[i];
      AnnotationMirror m = i < mirrors.size() ? mirrors.get(i) : null;
      if (httpMethod.equals("GET") || httpMethod.equals("DELETE")) {
        report.error(method, m, Messages.bodyOnMethod(httpMethod));
        continue;
      }
      if (!validField(c.field())) {
        report.error(method, m, "field", Messages.badConstant(c.field(), "has an empty or malformed field name; write it like \"a\" or \"a.b\""));
        continue;
      }
      if (c.value().isEmpty() == c.json().isEmpty()) {
        report.error(method, m, Messages.badConstant(c.field(),
            "must set exactly one of value (a string) and json (any JSON value)"));
        continue;
      }
      String json;
      if (!c.json().isEmpty()) {
        try {
          json = Jsons.compact(ArgReader.parse(c.json()));
        } catch (IllegalStateException e) {
          report.error(method, m, "json", Messages.badConstant(c.field(),
              "has json = \"" + c.json() + "\", which is not valid JSON; quote strings, e.g. json = \"\\\"page\\\"\" or use value = \"page\""));
          continue;
        }
      } else {
        json = Jsons.compact(
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(c.value()));
      }
      out.add(new Model.Constant(c.field(), json));
    }
    return List.copyOf(out);
  }

  private Model.Hints hints(ExecutableElement method, AnnotationMirror mirror, Subtool subtool,
      String httpMethod) {
    boolean[] inferred = switch (httpMethod == null ? "" : httpMethod) {
      case "GET" -> new boolean[] {true, false, true};
      case "PUT" -> new boolean[] {false, false, true};
      case "DELETE" -> new boolean[] {false, true, true};
      case "POST", "PATCH" -> new boolean[] {false, false, false};
      default -> new boolean[] {false, true, false}; // no HTTP method: the MCP defaults
    };
    if (subtool == null) {
      return new Model.Hints(inferred[0], inferred[1], inferred[2], true);
    }
    if (subtool.readOnly() == Hint.TRUE && subtool.destructive() == Hint.TRUE) {
      report.error(method, mirror, "destructive", Messages.contradictoryHints());
    }
    boolean readOnly = resolve(subtool.readOnly(), inferred[0]);
    boolean destructive = resolve(subtool.destructive(), !readOnly && inferred[1]);
    boolean idempotent = resolve(subtool.idempotent(), inferred[2]);
    boolean openWorld = resolve(subtool.openWorld(), true);
    return new Model.Hints(readOnly, destructive, idempotent, openWorld);
  }

  private static boolean resolve(Hint hint, boolean inferred) {
    return hint == Hint.INFER ? inferred : hint == Hint.TRUE;
  }

  private String connectionTest(ExecutableElement method, Model.Http http, List<Model.Param> params) {
    ConnectionTest test = method.getAnnotation(ConnectionTest.class);
    if (test == null) {
      return null;
    }
    String javaName = method.getSimpleName().toString();
    if (method.getModifiers().contains(Modifier.DEFAULT)) {
      report.error(method, Report.mirror(method, ConnectionTest.class), Messages.connectionTestDefault(javaName));
      return null;
    }
    if (params != null && params.stream().anyMatch(p -> p.arg().facts().required())) {
      report.error(method, Report.mirror(method, ConnectionTest.class), Messages.connectionTestArgs(javaName));
      return null;
    }
    if (!test.value().isEmpty() || http == null) {
      return test.value();
    }
    Model.Server server = servers.get(http.server());
    // auth is null when @Auth was invalid (already reported)
    return server == null || server.auth() == null ? "" : String.join(", ", server.auth().credentials());
  }
}
