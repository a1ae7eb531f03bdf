package ai.phinite.tools.processor;

import ai.phinite.tools.processor.Model.Arg;
import ai.phinite.tools.processor.Model.Operation;
import ai.phinite.tools.processor.Model.Param;
import ai.phinite.tools.processor.Model.ValueType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Tool>Client}: the HTTP implementation of the tool interface. Each abstract
 * method becomes one request built from its bindings; default methods are inherited unchanged.
 */
final class ClientWriter {
  private ClientWriter() {}

  static JavaFile write(Model.Tool tool, Conversions conversions) {
    ClassName client = Naming.client(tool.element());
    ClassName iface = ClassName.get(tool.element());
    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addOriginatingElement(tool.element())
        .addAnnotation(ToolProcessor.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(iface)
        .addJavadoc("The HTTP implementation of {@link $T}, generated from its annotations.\n", iface)
        .addJavadoc("Obtain one with {@code connection.client($T.class)}.\n", iface);
    type.addField(Naming.HTTP_SUPPORT, "http", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(Naming.HTTP_SUPPORT, "http")
        .addStatement("this.http = http")
        .build());
    Map<String, String> constants = new LinkedHashMap<>();
    for (Operation op : tool.operations()) {
      if (op.http() != null) {
        type.addMethod(method(op, conversions, constants));
      }
    }
    constants.forEach((json, field) -> type.addField(FieldSpec.builder(
            Naming.JSON_NODE, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.parse($S)", Naming.JSON, json).build()));
    for (ValueType record : conversions.records().values()) {
      type.addMethod(recordToJson(record, conversions));
    }
    return JavaFile.builder(client.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static MethodSpec method(Operation op, Conversions conversions, Map<String, String> constants) {
    MethodSpec.Builder m = MethodSpec.overriding(op.method());
    Model.Http http = op.http();
    m.addComment("@$L($S)$L", http.method(), http.path().text(),
        op.subtool() ? " → subtool " + op.name() : "");
    m.addStatement("$T request = http.request($S, $S, $S)", Naming.REQUEST_BUILDER, op.name(),
        http.method(), http.server());
    Map<String, Param> pathParams = new LinkedHashMap<>();
    op.params().stream().filter(p -> p.binding() == Model.Binding.PATH)
        .forEach(p -> pathParams.put(p.wireName(), p));
    for (PathTemplate.Piece piece : http.path().pieces()) {
      if (!piece.placeholder()) {
        m.addStatement("request.path($S)", piece.text());
      } else if (pathParams.containsKey(piece.text())) {
        Param p = pathParams.get(piece.text());
        m.addStatement("request.pathParam($S, $L)", p.arg().name(), p.element().getSimpleName());
      } else {
        m.addStatement("request.pathCredential($S)", piece.text());
      }
    }
    if (!http.path().query().isEmpty()) {
      m.addStatement("request.rawQuery($S)", http.path().query());
    }
    if (http.form() != null) {
      m.addStatement("request.form($S)", http.form());
    }
    for (Model.HeaderConstant h : http.headers()) {
      m.addStatement("request.constantHeader($S, $S)", h.name(), h.value());
    }
    for (Param p : op.params()) {
      String name = p.element().getSimpleName().toString();
      switch (p.binding()) {
        case QUERY -> m.addStatement(
            "comma".equals(p.queryStyle()) ? "request.queryJoined($S, $L)" : "request.query($S, $L)",
            p.wireName(), name);
        case HEADER -> m.addStatement("request.header($S, $S, $L)", p.arg().name(), p.wireName(), name);
        default -> { }
      }
    }
    for (Model.Constant c : http.constants()) {
      String field = constants.computeIfAbsent(c.json(), j -> "CONSTANT_" + constants.size());
      m.addStatement("request.constant($S, $L)", c.field(), field);
    }
    for (Param p : op.params()) {
      CodeBlock value = conversions.toJson(
          CodeBlock.of("$L", p.element().getSimpleName()), p.arg().type());
      switch (p.binding()) {
        case BODY -> m.addStatement("request.body($L)", nullSafe(p, value));
        case BODY_FIELD -> {
          if (p.arg().facts().nullable()) {
            m.addStatement("request.nullableField($S, $L)", p.wireName(),
                optionalToJson(CodeBlock.of("$L", p.element().getSimpleName()), p.arg().type(), conversions));
          } else {
            m.addStatement("request.field($S, $L)", p.wireName(), nullSafe(p, value));
          }
        }
        case BODY_MERGE -> m.addStatement("request.merge($S, $L)", p.arg().name(), value);
        default -> { }
      }
    }
    switch (op.returns()) {
      case RESPONSE -> m.addStatement("return http.send(request)");
      case JSON -> m.addStatement("return http.sendForBody(request)");
      case VOID -> m.addStatement("http.send(request)");
    }
    return m.build();
  }

  /** An {@code Optional} of a value with its records turned into JSON (as is without records). */
  private static CodeBlock optionalToJson(CodeBlock optional, ValueType t, Conversions conversions) {
    if (!Conversions.containsRecord(t)) {
      return optional;
    }
    CodeBlock v = CodeBlock.of("v");
    return CodeBlock.of("$L == null ? null : $L.map($L -> $L)", optional, optional, v,
        conversions.toJson(v, t));
  }

  private static CodeBlock nullSafe(Param p, CodeBlock converted) {
    String name = p.element().getSimpleName().toString();
    if (converted.toString().equals(name) || p.arg().type().primitive()) {
      return converted;
    }
    return CodeBlock.of("$L == null ? null : $L", name, converted);
  }

  private static MethodSpec recordToJson(ValueType record, Conversions conversions) {
    TypeName type = TypeName.get(record.mirror());
    MethodSpec.Builder m = MethodSpec.methodBuilder(conversions.jsonMethod(record))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Naming.OBJECT_NODE)
        .addParameter(type, "value")
        .addStatement("$T json = $T.MAPPER.createObjectNode()", Naming.OBJECT_NODE, Naming.JSON);
    for (Arg c : record.components()) {
      CodeBlock get = CodeBlock.of("value.$L()", c.javaName());
      if (c.type().primitive()) {
        m.addStatement("json.set($S, $T.node($L))", c.name(), Naming.JSON, get);
      } else if (c.facts().nullable()) {
        // Optional.empty() is an explicit null; a null reference is left out
        m.beginControlFlow("if ($L != null)", get)
            .addStatement("json.set($S, $T.nullable($L))", c.name(), Naming.JSON,
                optionalToJson(get, c.type(), conversions))
            .endControlFlow();
      } else {
        m.beginControlFlow("if ($L != null)", get)
            .addStatement("json.set($S, $T.node($L))", c.name(), Naming.JSON, conversions.toJson(get, c.type()))
            .endControlFlow();
      }
    }
    return m.addStatement("return json").build();
  }

}
