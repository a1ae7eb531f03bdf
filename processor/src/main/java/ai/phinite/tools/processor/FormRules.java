package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.FormUrlEncoded;
import ai.phinite.tools.processor.Model.Kind;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/** Reads {@code @FormUrlEncoded} and checks that the method's body can be written as a form. */
final class FormRules {
  private FormRules() {}

  /**
   * The array style ({@code indexed}, {@code brackets}, {@code repeated}) of a form body, or
   * {@code null} for a JSON body (also after reporting a problem).
   */
  static String read(Report report, ExecutableElement method, String httpMethod,
      List<Model.Param> params) {
    FormUrlEncoded form = method.getAnnotation(FormUrlEncoded.class);
    if (form == null) {
      return null;
    }
    AnnotationMirror mirror = Report.mirror(method, FormUrlEncoded.class);
    if (httpMethod.equals("GET") || httpMethod.equals("DELETE")) {
      report.error(method, mirror, Messages.formOnMethod(httpMethod));
      return null;
    }
    boolean repeated = form.arrays() == FormUrlEncoded.ArrayStyle.REPEATED;
    for (Model.Param p : params) {
      Model.ValueType t = p.arg().type();
      if (p.binding() == Model.Binding.BODY && t.kind() != Kind.MAP && t.kind() != Kind.RECORD
          && !(t.kind() == Kind.JSON_OBJECT && p.arg().facts().jsonTypes().isEmpty()
              && t.mirror().toString().endsWith("ObjectNode"))) {
        report.error(p.element(), Messages.formBodyType(
            p.element().getSimpleName().toString(), t.mirror().toString()));
      }
      if (repeated && (p.binding() == Model.Binding.BODY_FIELD || p.binding() == Model.Binding.BODY)
          && listOfObjects(t)) {
        report.error(p.element(), Messages.formRepeatedObjects(p.arg().name()));
      }
    }
    return form.arrays().name().toLowerCase(Locale.ROOT);
  }

  /** Whether the type holds a list whose elements are objects (anywhere inside). */
  private static boolean listOfObjects(Model.ValueType t) {
    if (t == null) {
      return false;
    }
    boolean list = t.kind() == Kind.LIST || t.kind() == Kind.SET || t.kind() == Kind.ARRAY;
    if (list) {
      Kind e = t.element().kind();
      if (e == Kind.RECORD || e == Kind.MAP || e == Kind.JSON_OBJECT || e == Kind.LIST
          || e == Kind.SET || e == Kind.ARRAY) {
        return true;
      }
    }
    if (t.kind() == Kind.RECORD) {
      for (Model.Arg c : t.components()) {
        if (listOfObjects(c.type())) {
          return true;
        }
      }
    }
    return list ? listOfObjects(t.element()) : t.kind() == Kind.MAP && listOfObjects(t.element());
  }
}
