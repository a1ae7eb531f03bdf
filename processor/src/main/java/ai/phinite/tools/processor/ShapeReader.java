package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.JsonApi;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.processor.Model.Kind;
import ai.phinite.tools.runtime.internal.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads how each subtool's result is shaped for agents ({@link Shape}, {@link Paged},
 * {@link JsonApi}) and checks it against the subtool's arguments. Kept apart from the operation
 * model: shaping changes nothing the client sends.
 */
final class ShapeReader {
  /** The argument shaped subtools with default fields gain, to ask for other fields. */
  static final String FIELDS = "fields";

  /**
   * How one subtool's result is shaped.
   *
   * @param jsonApi flatten JSON:API resources and drop their links
   * @param items pointer to the list of items, or {@code null}
   * @param item pointer to the one object, or {@code null} ({@code ""} is the whole body)
   * @param fields the fields shown by default (empty: all)
   * @param itemSchema the schema of one shaped item, or {@code null}
   * @param paging how the list pages, or {@code null}
   */
  record Shaping(boolean jsonApi, String items, String item, List<String> fields,
      JsonNode itemSchema, Paging paging) {
    /** Whether anything beyond JSON:API flattening was declared (a {@code @Shape}). */
    boolean declared() {
      return items != null || item != null;
    }
  }

  /**
   * Paging: {@code style} is {@code page}, {@code cursor} or {@code link}; absent pointers are
   * {@code null}; {@code query} maps a link's query parameters to arguments (link paging).
   */
  record Paging(String style, String page, String cursor, String size, int defaultSize,
      String more, String next, String total, String link, Map<String, String> query) {}

  private final Report report;

  ShapeReader(Report report) {
    this.report = report;
  }

  /** The shaping of every subtool that has any, by subtool name. */
  Map<String, Shaping> read(Model.Tool tool) {
    Map<String, Shaping> out = new LinkedHashMap<>();
    boolean toolJsonApi = tool.element().getAnnotation(JsonApi.class) != null;
    for (Model.Operation op : tool.operations()) {
      ExecutableElement method = op.method();
      Shape shape = method.getAnnotation(Shape.class);
      Paged paged = method.getAnnotation(Paged.class);
      boolean jsonApi = toolJsonApi
          || method.getEnclosingElement().getAnnotation(JsonApi.class) != null;
      if (!op.subtool()) {
        if (shape != null || paged != null) {
          report.error(method, Report.mirror(method, shape != null ? Shape.class : Paged.class),
              Messages.shapeNotSubtool(method.getSimpleName().toString()));
        }
        continue;
      }
      if (shape == null) {
        if (paged != null) {
          report.error(method, Report.mirror(method, Paged.class), Messages.pagedWithoutItems(op.name()));
        } else if (jsonApi) {
          out.put(op.name(), new Shaping(true, null, null, List.of(), null, null));
        }
        continue;
      }
      Shaping s = shaping(op, shape, paged, jsonApi);
      if (s != null) {
        out.put(op.name(), s);
      }
    }
    return out;
  }

  private Shaping shaping(Model.Operation op, Shape shape, Paged paged, boolean jsonApi) {
    ExecutableElement method = op.method();
    AnnotationMirror mirror = Report.mirror(method, Shape.class);
    int before = report.errorCount();
    if (!shape.items().isEmpty() && !shape.item().isEmpty()) {
      report.error(method, mirror, "item", Messages.shapeItemAndItems());
    }
    pointer(method, mirror, "items", shape.items());
    pointer(method, mirror, "item", shape.item());
    Set<String> fields = new LinkedHashSet<>();
    for (String f : shape.fields()) {
      if (f.isBlank() || !fields.add(f) || f.equals("all")) {
        report.error(method, mirror, "fields", Messages.badShapeField(f));
      }
    }
    if (!fields.isEmpty() && op.params().stream().anyMatch(p -> p.arg().name().equals(FIELDS))) {
      report.error(method, mirror, "fields", Messages.fieldsArgumentTaken(op.name()));
    }
    JsonNode itemSchema = null;
    if (!shape.itemSchema().isBlank()) {
      itemSchema = itemSchema(method, mirror, shape.itemSchema());
    }
    Paging paging = paged == null ? null : paging(op, paged, shape);
    if (report.errorCount() > before) {
      return null;
    }
    boolean list = !shape.items().isEmpty();
    return new Shaping(jsonApi, list ? shape.items() : null, list ? null : shape.item(),
        List.copyOf(fields), itemSchema, paging);
  }

  private void pointer(Element method, AnnotationMirror mirror, String attribute, String value) {
    if (!value.isEmpty() && !value.startsWith("/")) {
      report.error(method, mirror, attribute, Messages.badPointer("@Shape", attribute, value));
    }
  }

  private JsonNode itemSchema(Element method, AnnotationMirror mirror, String text) {
    JsonNode schema;
    try {
      schema = Jsons.read(text);
    } catch (IOException | RuntimeException e) {
      report.error(method, mirror, "itemSchema", Messages.badItemSchema("is not valid JSON"));
      return null;
    }
    if (!schema.isObject() || !"object".equals(schema.path("type").asText())) {
      report.error(method, mirror, "itemSchema",
          Messages.badItemSchema("must be an object schema, {\"type\": \"object\", ...}"));
      return null;
    }
    try {
      SchemaValidator.compile(schema);
    } catch (IllegalArgumentException e) {
      report.error(method, mirror, "itemSchema", Messages.badItemSchema(e.getMessage()));
      return null;
    }
    return schema;
  }

  private Paging paging(Model.Operation op, Paged paged, Shape shape) {
    ExecutableElement method = op.method();
    AnnotationMirror mirror = Report.mirror(method, Paged.class);
    if (shape.items().isEmpty()) {
      report.error(method, mirror, Messages.pagedWithoutItems(op.name()));
      return null;
    }
    boolean page = !paged.page().isEmpty();
    boolean cursor = !paged.cursor().isEmpty();
    boolean link = !paged.link().isEmpty();
    if ((page ? 1 : 0) + (cursor ? 1 : 0) + (link ? 1 : 0) != 1) {
      report.error(method, mirror, Messages.pagedStyle());
      return null;
    }
    Map<String, Model.Arg> args = new LinkedHashMap<>();
    op.params().forEach(p -> args.put(p.arg().name(), p.arg()));
    Map<String, String> query = new LinkedHashMap<>();
    op.params().stream().filter(p -> p.binding() == Model.Binding.QUERY)
        .forEach(p -> query.put(p.wireName(), p.arg().name()));
    if (page) {
      argument(method, mirror, "page", paged.page(), args, false);
    } else if (link) {
      if (query.isEmpty()) {
        report.error(method, mirror, "link", Messages.linkWithoutQuery(op.name()));
      }
    } else {
      argument(method, mirror, "cursor", paged.cursor(), args, true);
      if (paged.next().isEmpty()) {
        report.error(method, mirror, Messages.cursorWithoutNext());
      }
    }
    if (!paged.size().isEmpty()) {
      argument(method, mirror, "size", paged.size(), args, false);
    } else if (page) {
      report.error(method, mirror, Messages.pageWithoutSize());
    }
    if (paged.defaultSize() < 0) {
      report.error(method, mirror, "defaultSize", Messages.badDefaultSize(paged.defaultSize()));
    }
    for (String attribute : List.of("more", "next", "total", "link")) {
      String value = switch (attribute) {
        case "more" -> paged.more();
        case "next" -> paged.next();
        case "link" -> paged.link();
        default -> paged.total();
      };
      if (!value.isEmpty() && !value.startsWith("/")) {
        report.error(method, mirror, attribute, Messages.badPointer("@Paged", attribute, value));
      }
    }
    return new Paging(page ? "page" : link ? "link" : "cursor", blankToNull(paged.page()),
        blankToNull(paged.cursor()), blankToNull(paged.size()), paged.defaultSize(),
        blankToNull(paged.more()), blankToNull(paged.next()), blankToNull(paged.total()),
        blankToNull(paged.link()), link ? Map.copyOf(query) : Map.of());
  }

  private void argument(Element method, AnnotationMirror mirror, String attribute, String name,
      Map<String, Model.Arg> args, boolean text) {
    Model.Arg arg = args.get(name);
    if (arg == null) {
      report.error(method, mirror, attribute, Messages.pagedUnknownArg(attribute, name, args.keySet()));
      return;
    }
    Kind kind = arg.type().kind();
    boolean fits = text ? kind == Kind.STRING : kind == Kind.INT || kind == Kind.LONG;
    if (!fits) {
      report.error(method, mirror, attribute, Messages.pagedArgType(attribute, name,
          text ? "a String" : "an Integer or Long"));
    }
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
