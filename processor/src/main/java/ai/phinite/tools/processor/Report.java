package ai.phinite.tools.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Collects the problems of one tool definition and prints each on the most specific position: the
 * element, the annotation, and the annotation value, so the caret lands on the bad value.
 */
final class Report {
  private final Messager messager;
  private final AnnotationTrees trees;
  private int errors;

  Report(Messager messager) {
    this(messager, null);
  }

  /** With javac's trees, errors about one of several repeated annotations land on it. */
  Report(Messager messager, AnnotationTrees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  boolean hasErrors() {
    return errors > 0;
  }

  int errorCount() {
    return errors;
  }

  void error(Element element, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, located(element));
  }

  void error(Element element, AnnotationMirror mirror, String message) {
    errors++;
    if (mirror != null && trees != null
        && trees.printOnRepeated(Diagnostic.Kind.ERROR, message, located(element), mirror, null)) {
      return;
    }
    messager.printMessage(Diagnostic.Kind.ERROR, message, located(element), mirror);
  }

  /** Reports on an annotation value; falls back to the annotation when the value is defaulted. */
  void error(Element element, AnnotationMirror mirror, String attribute, String message) {
    errors++;
    element = located(element);
    if (mirror != null && trees != null
        && trees.printOnRepeated(Diagnostic.Kind.ERROR, message, element, mirror, attribute)) {
      return;
    }
    AnnotationValue value = mirror == null ? null : explicitValue(mirror, attribute);
    if (value != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
    } else if (mirror != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
  }

  /**
   * javac (17) has no source position for a record component, so a message on it would have no
   * file or line; its field, declared by the same source, has one.
   */
  private static Element located(Element element) {
    if (element.getKind() == javax.lang.model.element.ElementKind.RECORD_COMPONENT) {
      for (Element e : element.getEnclosingElement().getEnclosedElements()) {
        if (e.getKind().isField() && e.getSimpleName().equals(element.getSimpleName())) {
          return e;
        }
      }
    }
    return element;
  }

  static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The mirror of an annotation on an element, by its class, or {@code null}. */
  static AnnotationMirror mirror(Element element, Class<?> annotation) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(annotation.getCanonicalName())) {
        return m;
      }
    }
    return null;
  }

  /**
   * The mirrors of a repeatable annotation in declaration order, whether written once or several
   * times (inside its container).
   */
  static List<AnnotationMirror> repeated(Element element, Class<?> annotation, Class<?> container) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      String name = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      if (name.equals(annotation.getCanonicalName())) {
        out.add(m);
      } else if (name.equals(container.getCanonicalName())) {
        AnnotationValue v = explicitValue(m, "value");
        if (v != null && v.getValue() instanceof List<?> list) {
          for (Object o : list) {
            out.add((AnnotationMirror) ((AnnotationValue) o).getValue());
          }
        }
      }
    }
    return out;
  }

  /** The mirror nested in an annotation attribute (e.g. {@code auth} of {@code @Server}). */
  static AnnotationMirror nested(AnnotationMirror mirror, String attribute) {
    AnnotationValue v = mirror == null ? null : explicitValue(mirror, attribute);
    return v != null && v.getValue() instanceof AnnotationMirror m ? m : null;
  }

  /** The i-th mirror of an array attribute (e.g. {@code variants} of {@code @Server}). */
  static AnnotationMirror nested(AnnotationMirror mirror, String attribute, int index) {
    AnnotationValue v = mirror == null ? null : explicitValue(mirror, attribute);
    if (v != null && v.getValue() instanceof List<?> list && index < list.size()) {
      return (AnnotationMirror) ((AnnotationValue) list.get(index)).getValue();
    }
    return null;
  }
}
