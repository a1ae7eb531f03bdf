package ai.phinite.tools.processor;

import com.palantir.javapoet.ClassName;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/** Every name the processor derives, in one place. */
final class Naming {
  /** The strictest rule among LLM providers for tool and argument names. */
  static final Pattern LLM_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  static final Pattern TOOL_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

  static final String RUNTIME = "ai.phinite.tools.runtime";
  static final String HTTP = "ai.phinite.tools.runtime.internal";
  static final ClassName RESPONSE = ClassName.get(RUNTIME, "Response");
  static final ClassName TOOL_PROVIDER = ClassName.get(RUNTIME, "ToolProvider");
  static final ClassName CONNECTION = ClassName.get(RUNTIME, "Connection");
  static final ClassName HTTP_SUPPORT = ClassName.get(HTTP, "HttpSupport");
  static final ClassName REQUEST_BUILDER = ClassName.get(HTTP, "RequestBuilder");
  static final ClassName ARGS = ClassName.get(HTTP, "Args");
  static final ClassName JSON = ClassName.get(HTTP, "Json");
  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  static final ClassName OBJECT_NODE =
      ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
  static final ClassName ARRAY_NODE =
      ClassName.get("com.fasterxml.jackson.databind.node", "ArrayNode");

  static final String SERVICES_FILE = "META-INF/services/ai.phinite.tools.runtime.ToolProvider";

  private Naming() {}

  /** {@code getCustomerByEmail} → {@code get_customer_by_email}; {@code cioId} → {@code cio_id}. */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 8);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
        if (i > 0 && (prevLower || (prevUpper && nextLower)) && javaName.charAt(i - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The descriptor resource of a tool. */
  static String descriptorPath(String toolId) {
    return "META-INF/phinite/tools/" + toolId + ".json";
  }

  /** {@code KustomerTool} → {@code KustomerToolClient}; nested types joined by {@code _}. */
  static ClassName client(TypeElement tool) {
    return sibling(tool, "Client");
  }

  /** {@code KustomerTool} → {@code KustomerToolProvider}. */
  static ClassName provider(TypeElement tool) {
    return sibling(tool, "Provider");
  }

  private static ClassName sibling(TypeElement tool, String suffix) {
    ClassName name = ClassName.get(tool);
    return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + suffix);
  }

  /** Whether an element is a class (not an interface). */
  static boolean isClassLike(Element e) {
    return e.getKind() == ElementKind.CLASS || e.getKind() == ElementKind.ENUM
        || e.getKind() == ElementKind.RECORD;
  }
}
