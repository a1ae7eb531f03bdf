package ai.phinite.tools.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Explicit nulls: an argument declared {@code @Arg(nullable = true) Optional<T>} may be sent as
 * {@code null}. Its model type is {@code T} with {@link Model.Facts#nullable()} set; the generated
 * code reads and writes the {@code Optional} around it.
 */
final class NullableArgs {
  private NullableArgs() {}

  /** {@code T} of a {@code java.util.Optional<T>}, or {@code null} for any other type. */
  static TypeMirror optionalElement(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (!element.getQualifiedName().contentEquals("java.util.Optional")
        || declared.getTypeArguments().size() != 1) {
      return null;
    }
    return declared.getTypeArguments().get(0);
  }

  /** Whether an argument bound this way can carry an explicit null to the server. */
  static boolean bindingSendsNull(Model.Binding binding) {
    return binding == Model.Binding.BODY_FIELD || binding == Model.Binding.NONE;
  }
}
