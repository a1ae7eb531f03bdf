package ai.phinite.tools.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Runs {@link ToolProcessor} with a {@link Filer} whose {@code createSourceFile} throws the given
 * unchecked exception: an unexpected failure that no tool definition can cause on purpose.
 */
final class FailingFilerProcessor extends AbstractProcessor {
  private final ToolProcessor delegate = new ToolProcessor();
  private final RuntimeException failure;

  FailingFilerProcessor(RuntimeException failure) {
    this.failure = failure;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Filer filer = env.getFiler();
    Filer failing = proxy(Filer.class, filer, (method, args) -> {
      if (method.equals("createSourceFile")) {
        throw failure;
      }
      return null;
    });
    delegate.init(proxy(ProcessingEnvironment.class, env,
        (method, args) -> method.equals("getFiler") ? failing : null));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  /** Answers a call itself (non-null) or lets the target answer it (null). */
  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, T target, Answer override) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (p, method, args) -> {
          Object answer = override.answer(method.getName(), args);
          if (answer != null) {
            return answer;
          }
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }
}
