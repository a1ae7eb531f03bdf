package ai.phinite.tools.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Puts a diagnostic about one of several repeated annotations (e.g. the second
 * {@code @Credential}) on that annotation's own source. javac only sees the synthesized container
 * ({@code @Credential.List}), which has no source of its own, so a message given with that mirror
 * would land on the annotated element; javac's {@link Trees} API finds the annotation's tree.
 * Without javac's trees (another compiler), nothing is located and the caller falls back.
 */
final class AnnotationTrees {
  private final Trees trees;

  private AnnotationTrees(Trees trees) {
    this.trees = trees;
  }

  /** Over javac's trees, or {@code null} when the compiler is not javac. */
  static AnnotationTrees of(ProcessingEnvironment env) {
    try {
      return new AnnotationTrees(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  /**
   * Prints {@code message} on the source of {@code mirror} (on its {@code attribute} when that is
   * written out) if the mirror is one of several repeated annotations of {@code element}, or
   * nested in one; returns whether it did.
   */
  boolean printOnRepeated(Diagnostic.Kind kind, String message, Element element,
      AnnotationMirror mirror, String attribute) {
    for (AnnotationMirror top : element.getAnnotationMirrors()) {
      if (top == mirror) {
        return false; // javac finds a direct annotation itself
      }
    }
    for (AnnotationMirror container : element.getAnnotationMirrors()) {
      AnnotationValue value = Report.explicitValue(container, "value");
      if (value == null || !(value.getValue() instanceof List<?> items)) {
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        if (!(((AnnotationValue) items.get(i)).getValue() instanceof AnnotationMirror item)) {
          continue;
        }
        if (item == mirror || contains(item, mirror)) {
          AnnotationTree tree = nth(element, item, i);
          if (tree == null) {
            return false;
          }
          Tree at = item == mirror && attribute != null ? argument(tree, attribute) : null;
          TreePath path = trees.getPath(element);
          trees.printMessage(kind, message, at != null ? at : tree, path.getCompilationUnit());
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code mirror} is nested anywhere inside {@code outer}'s values. */
  private static boolean contains(AnnotationMirror outer, AnnotationMirror mirror) {
    for (AnnotationValue v : outer.getElementValues().values()) {
      if (contains(v.getValue(), mirror)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(Object value, AnnotationMirror mirror) {
    if (value == mirror) {
      return true;
    }
    if (value instanceof AnnotationMirror nested) {
      return contains(nested, mirror);
    }
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue v && contains(v.getValue(), mirror)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The {@code index}-th annotation tree of the element that has {@code item}'s type. */
  private AnnotationTree nth(Element element, AnnotationMirror item, int index) {
    Tree declaration = trees.getTree(element);
    ModifiersTree modifiers = declaration instanceof ClassTree c ? c.getModifiers()
        : declaration instanceof MethodTree m ? m.getModifiers()
        : declaration instanceof VariableTree v ? v.getModifiers() : null;
    if (modifiers == null) {
      return null;
    }
    String simple = item.getAnnotationType().asElement().getSimpleName().toString();
    String qualified = item.getAnnotationType().toString();
    List<AnnotationTree> same = new ArrayList<>();
    for (AnnotationTree a : modifiers.getAnnotations()) {
      String written = a.getAnnotationType().toString();
      if (written.equals(simple) || written.equals(qualified)) {
        same.add(a);
      }
    }
    return index < same.size() ? same.get(index) : null;
  }

  /** The value tree of {@code name = ...} in an annotation, or {@code null}. */
  private static Tree argument(AnnotationTree annotation, String name) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree id
          && id.getName().contentEquals(name)) {
        return assignment.getExpression();
      }
    }
    return null;
  }
}
