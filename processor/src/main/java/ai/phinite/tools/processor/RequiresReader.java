package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.Requires;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads a method's {@code @Requires} rules: each names an argument of the method and at least one
 * other argument it needs. Problems are reported on the offending annotation value; a rule with a
 * problem is left out of the model.
 */
final class RequiresReader {
  private final Report report;

  RequiresReader(Report report) {
    this.report = report;
  }

  /** The method's rules in declaration order; empty when it has none or its params failed. */
  List<Model.Requirement> read(ExecutableElement method, List<Model.Param> params) {
    Requires[] annotations = method.getAnnotationsByType(Requires.class);
    if (annotations.length == 0 || params == null) {
      return List.of();
    }
    List<AnnotationMirror> mirrors = Report.repeated(method, Requires.class, Requires.List.class);
    Set<String> declared = new LinkedHashSet<>();
    params.forEach(p -> declared.add(p.arg().name()));
    Set<String> seen = new LinkedHashSet<>();
    List<Model.Requirement> out = new ArrayList<>();
    for (int i = 0; i < annotations.length; i++) {
      Requires r = annotations[i];
      AnnotationMirror m = i < mirrors.size() ? mirrors.get(i) : null;
      List<String> anyOf = List.of(r.anyOf());
      if (!declared.contains(r.arg())) {
        report.error(method, m, "arg", Messages.requiresUnknown("arg", r.arg(), declared));
      } else if (!seen.add(r.arg())) {
        report.error(method, m, "arg", Messages.requiresTwice(r.arg()));
      } else if (anyOf.isEmpty() || new LinkedHashSet<>(anyOf).size() != anyOf.size()) {
        report.error(method, m, "anyOf", Messages.requiresNoAlternatives(r.arg()));
      } else if (anyOf.contains(r.arg())) {
        report.error(method, m, "anyOf", Messages.requiresItself(r.arg()));
      } else {
        String unknown = anyOf.stream().filter(n -> !declared.contains(n)).findFirst().orElse(null);
        if (unknown != null) {
          report.error(method, m, "anyOf", Messages.requiresUnknown("anyOf", unknown, declared));
        } else {
          out.add(new Model.Requirement(r.arg(), anyOf));
        }
      }
    }
    return List.copyOf(out);
  }
}
