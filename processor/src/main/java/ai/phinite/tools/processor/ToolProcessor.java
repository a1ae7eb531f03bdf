package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.Tool;
import com.google.auto.service.AutoService;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Turns every {@code @Tool} interface into an HTTP client, a descriptor and a provider, and
 * registers all providers of the compilation in one {@code META-INF/services} file written in the
 * final round. Problems are reported on the offending element; nothing is generated for a tool
 * with problems, and no exception ever escapes to javac.
 */
@AutoService(Processor.class)
public final class ToolProcessor extends AbstractProcessor {
  private final Set<String> providers = new TreeSet<>();
  private final Map<String, String> toolIds = new HashMap<>();
  private final Set<String> deferred = new TreeSet<>();
  /** Interfaces with subtool or HTTP methods, by name, and the annotation found first. */
  private final Map<String, String> annotatedInterfaces = new java.util.TreeMap<>();
  /** Every @Tool interface and every interface one of them extends. */
  private final Set<String> partOfTools = new java.util.HashSet<>();

  /**
   * Every annotation of the annotations package, and the {@code @Generated} marker of the code it
   * generates: the processor claims them all, so that {@code -Xlint:all -Werror} builds get no
   * "No processor claimed" warning; it also sees the HTTP and subtool annotations of interfaces
   * that lack {@code @Tool}.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Tool.class.getPackageName() + ".*", "javax.annotation.processing.Generated");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    java.util.List<Element> tools = new java.util.ArrayList<>(round.getElementsAnnotatedWith(Tool.class));
    for (String name : deferred) {
      TypeElement again = processingEnv.getElementUtils().getTypeElement(name);
      if (again != null && !tools.contains(again)) {
        tools.add(again);
      }
    }
    deferred.clear();
    for (Element element : tools) {
      if (element instanceof TypeElement type && hasMissingTypes(type)) {
        // A type it uses does not exist (yet): another processor may generate it in a later
        // round. If none does, javac reports the missing type itself; adding to that would only
        // bury the real error.
        if (!round.processingOver()) {
          deferred.add(type.getQualifiedName().toString());
        }
        continue;
      }
      try {
        processTool(element);
      } catch (RuntimeException | Error e) {
        processingEnv.getMessager().printMessage(
            javax.tools.Diagnostic.Kind.ERROR, Messages.crashed(element.toString(), e), element);
      }
    }
    collectAnnotatedInterfaces(round);
    if (round.processingOver()) {
      reportInterfacesWithoutTool();
    }
    if (round.processingOver() && !providers.isEmpty()) {
      writeServices();
    }
    // the annotations are this processor's alone: claiming them keeps -Xlint:all quiet
    return true;
  }

  /** Remembers the interfaces whose methods carry @Subtool or an HTTP annotation. */
  private void collectAnnotatedInterfaces(RoundEnvironment round) {
    java.util.List<Class<? extends java.lang.annotation.Annotation>> marks =
        new java.util.ArrayList<>(OperationReader.HTTP_METHODS);
    marks.add(0, ai.phinite.tools.annotations.Subtool.class);
    for (Class<? extends java.lang.annotation.Annotation> mark : marks) {
      for (Element method : round.getElementsAnnotatedWith(mark)) {
        Element owner = method.getEnclosingElement();
        if (owner instanceof TypeElement type && type.getKind() == ElementKind.INTERFACE) {
          annotatedInterfaces.putIfAbsent(type.getQualifiedName().toString(), mark.getSimpleName());
        }
      }
    }
    for (Element tool : round.getElementsAnnotatedWith(Tool.class)) {
      if (tool instanceof TypeElement type) {
        addWithSupertypes(type);
      }
    }
  }

  private void addWithSupertypes(TypeElement type) {
    if (partOfTools.add(type.getQualifiedName().toString())) {
      for (javax.lang.model.type.TypeMirror parent : type.getInterfaces()) {
        if (parent instanceof javax.lang.model.type.DeclaredType declared) {
          addWithSupertypes((TypeElement) declared.asElement());
        }
      }
    }
  }

  /** An interface with subtool methods that no @Tool uses would silently generate nothing. */
  private void reportInterfacesWithoutTool() {
    annotatedInterfaces.forEach((name, annotation) -> {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null && !partOfTools.contains(name)) {
        processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
            Messages.noToolInterface(type.getSimpleName().toString(), annotation), type);
      }
    });
  }

  private void processTool(Element element) throws RuntimeException {
    Report report = new Report(processingEnv.getMessager(), AnnotationTrees.of(processingEnv));
    if (element.getKind() != ElementKind.INTERFACE) {
      report.error(element, Report.mirror(element, Tool.class),
          Messages.toolOnClass(element.getSimpleName().toString(), element.getKind()));
      return;
    }
    TypeElement type = (TypeElement) element;
    Tool tool = type.getAnnotation(Tool.class);
    String other = toolIds.putIfAbsent(tool.id(), type.getQualifiedName().toString());
    if (other != null && !other.equals(type.getQualifiedName().toString())) {
      report.error(type, Report.mirror(type, Tool.class), "id", Messages.duplicateToolId(tool.id(), other));
      return;
    }
    Model.Tool model = new ToolReader(processingEnv, report).read(type);
    if (model == null) {
      return;
    }
    Map<String, ShapeReader.Shaping> shapes = new ShapeReader(report).read(model);
    if (report.hasErrors()) {
      return;
    }
    Conversions conversions = new Conversions(Naming.provider(type));
    model.operations().forEach(op -> op.params().forEach(p -> conversions.collect(p.arg().type())));
    try {
      ClientWriter.write(model, conversions).writeTo(processingEnv.getFiler());
      ProviderWriter.write(model, conversions).writeTo(processingEnv.getFiler());
      FileObject descriptor = processingEnv.getFiler().createResource(
          StandardLocation.CLASS_OUTPUT, "", Naming.descriptorPath(model.id()), type);
      try (Writer w = descriptor.openWriter()) {
        w.write(DescriptorWriter.write(model, shapes));
      }
    } catch (IOException e) {
      report.error(type, "Could not write the generated files of " + type.getSimpleName() + ": " + e.getMessage());
      return;
    }
    providers.add(Naming.provider(type).canonicalName());
  }

  private void writeServices() {
    try {
      FileObject file = processingEnv.getFiler().createResource(
          StandardLocation.CLASS_OUTPUT, "", Naming.SERVICES_FILE);
      try (Writer w = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String provider : providers) {
          w.write(provider);
          w.write('\n');
        }
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
          "Could not write " + Naming.SERVICES_FILE + ": " + e.getMessage());
    }
  }

  /** Whether a method of the tool (or a super-interface) names a type javac could not find. */
  private static boolean hasMissingTypes(TypeElement type) {
    for (Element e : type.getEnclosedElements()) {
      if (e instanceof javax.lang.model.element.ExecutableElement m) {
        if (m.getReturnType().getKind() == javax.lang.model.type.TypeKind.ERROR) {
          return true;
        }
        for (var p : m.getParameters()) {
          if (p.asType().getKind() == javax.lang.model.type.TypeKind.ERROR) {
            return true;
          }
        }
      }
    }
    for (javax.lang.model.type.TypeMirror parent : type.getInterfaces()) {
      if (parent.getKind() == javax.lang.model.type.TypeKind.ERROR
          || hasMissingTypes((TypeElement) ((javax.lang.model.type.DeclaredType) parent).asElement())) {
        return true;
      }
    }
    return false;
  }

  /** The {@code @Generated} marker of every generated class: the processor's name, no date. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", ToolProcessor.class.getCanonicalName())
        .build();
  }
}
