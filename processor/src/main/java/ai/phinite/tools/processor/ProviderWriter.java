package ai.phinite.tools.processor;

import ai.phinite.tools.processor.Model.Arg;
import ai.phinite.tools.processor.Model.Operation;
import ai.phinite.tools.processor.Model.ValueType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Tool>Provider}: the registry entry the runtime finds through ServiceLoader. It
 * names the descriptor and dispatches a call by name to the interface method, reading each
 * validated argument directly (no reflection).
 */
final class ProviderWriter {
  /** Cases per dispatch method, so a very large tool stays under the JVM's 64 KiB method limit. */
  static final int CHUNK = 200;

  private ProviderWriter() {}

  static JavaFile write(Model.Tool tool, Conversions conversions) {
    ClassName provider = Naming.provider(tool.element());
    ClassName iface = ClassName.get(tool.element());
    TypeSpec.Builder type = TypeSpec.classBuilder(provider)
        .addOriginatingElement(tool.element())
        .addAnnotation(ToolProcessor.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(Naming.TOOL_PROVIDER, iface))
        .addJavadoc("The registry entry of {@link $T} (tool {@code $L}), found by"
            + " {@code ToolCatalog}.\n", iface, tool.id());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Called by ServiceLoader.\n").build());
    type.addMethod(MethodSpec.methodBuilder("id").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class)
        .addStatement("return $S", tool.id()).build());
    type.addMethod(MethodSpec.methodBuilder("descriptorResource").addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED).returns(String.class)
        .addStatement("return $S", Naming.descriptorPath(tool.id())).build());
    type.addMethod(MethodSpec.methodBuilder("newClient").addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED).returns(iface)
        .addParameter(Naming.HTTP_SUPPORT, "http")
        .addStatement("return new $T(http)", Naming.client(tool.element())).build());

    List<Operation> dispatched = new ArrayList<>();
    for (Operation op : tool.operations()) {
      if (op.subtool() || op.connectionTest() != null) {
        dispatched.add(op);
      }
    }
    MethodSpec.Builder dispatch = MethodSpec.methodBuilder("dispatch").addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED).returns(Naming.RESPONSE)
        .addParameter(iface, "client").addParameter(String.class, "operation")
        .addParameter(Naming.JSON_NODE, "args");
    if (dispatched.size() <= CHUNK) {
      dispatch.addCode(switchOver(dispatched, conversions, false));
    } else {
      dispatch.addStatement("$T response", Naming.RESPONSE);
      for (int start = 0, chunk = 0; start < dispatched.size(); start += CHUNK, chunk++) {
        String name = "dispatch" + chunk;
        dispatch.beginControlFlow("if ((response = $L(client, operation, args)) != null)", name)
            .addStatement("return response").endControlFlow();
        type.addMethod(MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(Naming.RESPONSE)
            .addParameter(iface, "client").addParameter(String.class, "operation")
            .addParameter(Naming.JSON_NODE, "args")
            .addCode(switchOver(dispatched.subList(start, Math.min(dispatched.size(), start + CHUNK)),
                conversions, true))
            .build());
      }
      dispatch.addStatement("throw unknown(operation)");
    }
    type.addMethod(dispatch.build());
    type.addMethod(MethodSpec.methodBuilder("unknown")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(IllegalArgumentException.class)
        .addParameter(String.class, "operation")
        .addStatement("return new $T($S + operation + $S)", IllegalArgumentException.class,
            "Tool " + tool.id() + " has no operation '", "'")
        .build());
    for (ValueType record : conversions.records().values()) {
      type.addMethod(recordReader(record, conversions));
    }
    return JavaFile.builder(provider.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static CodeBlock switchOver(List<Operation> ops, Conversions conversions, boolean chunk) {
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (operation)");
    for (Operation op : ops) {
      List<CodeBlock> arguments = new ArrayList<>();
      for (Model.Param p : op.params()) {
        arguments.add(conversions.read("args", p.arg()));
      }
      CodeBlock call = CodeBlock.of("client.$L($L)", op.method().getSimpleName(),
          CodeBlock.join(arguments, ",\n    "));
      code.add("case $S:\n", op.name()).indent();
      switch (op.returns()) {
        case RESPONSE -> code.addStatement("return $L", call);
        case JSON -> code.addStatement("return $T.ofBody($L)", Naming.RESPONSE, call);
        case VOID -> code.addStatement("$L", call).addStatement("return $T.ofBody(null)", Naming.RESPONSE);
      }
      code.unindent();
    }
    code.add("default:\n").indent();
    code.addStatement(chunk ? "return null" : "throw unknown(operation)");
    code.unindent();
    return code.endControlFlow().build();
  }

  private static MethodSpec recordReader(ValueType record, Conversions conversions) {
    TypeName type = TypeName.get(record.mirror());
    List<CodeBlock> arguments = new ArrayList<>();
    for (Arg c : record.components()) {
      arguments.add(conversions.read("node", c));
    }
    return MethodSpec.methodBuilder(conversions.readMethod(record))
        .addModifiers(Modifier.STATIC).returns(type)
        .addParameter(Naming.JSON_NODE, "node")
        .addStatement("return new $T($L)", type, CodeBlock.join(arguments, ",\n    "))
        .build();
  }
}
