package ai.phinite.tools.runtime.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Makes a JSON value compact without losing anything that is there: {@code null}s, empty lists
 * and empty objects are dropped (at any depth, including what becomes empty once they are gone).
 * With JSON:API, every resource object ({@code type}, {@code id} and {@code attributes} or
 * {@code relationships}) becomes one object of its id, type, attributes and the ids of related
 * resources, and the {@code links} of documents, resources and relationships are dropped.
 *
 * <p>A related resource is written as its id ({@code "createdBy": {"data": {"type": "user",
 * "id": "x"}}} becomes {@code "createdBy": "x"}): the relationship's name says what it is, and
 * JSON:API gives each relationship one type. Only a to-many relationship whose resources are of
 * several types keeps {@code {"id", "type"}} for each. A relationship with the name of an
 * attribute that holds the same ids is said once; one holding other ids goes under
 * {@code relationships}, and an attribute named {@code id} or {@code type} under
 * {@code attributes}, so nothing replaces anything.
 */
public final class Compactor {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Compactor() {}

  /** The compact copy of {@code value}, or {@code null} when nothing of it is left. */
  public static JsonNode compact(JsonNode value, boolean jsonApi) {
    return compact(value, jsonApi, jsonApi);
  }

  /** {@code document}: a position where a JSON:API {@code links} member may be (dropped). */
  private static JsonNode compact(JsonNode value, boolean jsonApi, boolean document) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode e : value) {
        JsonNode c = compact(e, jsonApi, false);
        if (c != null) {
          out.add(c);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (!value.isObject()) {
      return value;
    }
    if (jsonApi && isResource(value)) {
      return flatten((ObjectNode) value);
    }
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (document && e.getKey().equals("links")) {
        continue;
      }
      // the members of a JSON:API document ("data", "included") hold resources or their lists
      boolean inDocument = document && (e.getKey().equals("data") || e.getKey().equals("included"));
      JsonNode c = compact(e.getValue(), jsonApi, inDocument);
      if (c != null) {
        out.set(e.getKey(), c);
      }
    }
    return out.isEmpty() ? null : out;
  }

  /** A JSON:API resource object: a type, an id, and attributes or relationships. */
  static boolean isResource(JsonNode node) {
    return node.isObject() && node.path("type").isTextual() && node.has("id")
        && (node.path("attributes").isObject() || node.path("relationships").isObject());
  }

  private static JsonNode flatten(ObjectNode resource) {
    ObjectNode out = NODES.objectNode();
    JsonNode id = compact(resource.get("id"), true, false);
    if (id != null) {
      out.set("id", id);
    }
    out.set("type", resource.get("type"));
    ObjectNode displaced = NODES.objectNode(); // attributes named id or type
    JsonNode a = compact(resource.get("attributes"), true, false);
    if (a != null && a.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        (out.has(e.getKey()) ? displaced : out).set(e.getKey(), e.getValue());
      }
    }
    ObjectNode related = NODES.objectNode(); // relationships named like a different attribute
    JsonNode relationships = resource.get("relationships");
    if (relationships != null && relationships.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = relationships.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode r = relationship(e.getValue());
        if (r == null || r.equals(out.get(e.getKey()))) {
          continue; // nothing, or the same ids as the attribute of that name
        }
        (out.has(e.getKey()) ? related : out).set(e.getKey(), r);
      }
    }
    putAside(out, "attributes", displaced);
    putAside(out, "relationships", related);
    // anything else a resource carries (meta, ...) is kept; only its links go
    for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (k.equals("id") || k.equals("type") || k.equals("attributes")
          || k.equals("relationships") || k.equals("links")) {
        continue;
      }
      JsonNode c = compact(e.getValue(), true, false);
      if (c != null) {
        putAside(out, k, c);
      }
    }
    return out;
  }

  /** Sets a member under its name, or {@code _name} when an attribute already has the name. */
  private static void putAside(ObjectNode out, String name, JsonNode value) {
    if (value.isContainerNode() && value.isEmpty()) {
      return;
    }
    String key = name;
    while (out.has(key)) {
      key = "_" + key;
    }
    out.set(key, value);
  }

  /** A relationship as the related ids (with their type where the name does not say it). */
  private static JsonNode relationship(JsonNode relationship) {
    if (!relationship.isObject()) {
      return compact(relationship, true, false);
    }
    ObjectNode rest = NODES.objectNode();
    JsonNode data = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = relationship.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("data")) {
        data = e.getValue();
      } else if (!e.getKey().equals("links")) {
        JsonNode c = compact(e.getValue(), true, false);
        if (c != null) {
          rest.set(e.getKey(), c);
        }
      }
    }
    JsonNode ids = null;
    if (data != null && data.isArray()) {
      ArrayNode list = NODES.arrayNode();
      java.util.Set<String> types = new java.util.HashSet<>();
      data.forEach(d -> types.add(d.path("type").asText("")));
      boolean mixed = types.size() > 1;
      data.forEach(d -> {
        JsonNode r = mixed ? compact(d, true, false) : reference(d);
        if (r != null) {
          list.add(r);
        }
      });
      ids = list.isEmpty() ? null : list;
    } else if (data != null) {
      ids = reference(data);
    }
    if (rest.isEmpty()) {
      return ids;
    }
    if (ids != null) {
      rest.set("data", ids);
    }
    return rest;
  }

  /** A resource identifier as its id; one with more than a type and an id stays whole. */
  private static JsonNode reference(JsonNode ref) {
    if (ref == null || ref.isNull()) {
      return null;
    }
    boolean onlyIdAndType = ref.isObject() && ref.has("id")
        && ref.size() == (ref.has("type") ? 2 : 1);
    return onlyIdAndType ? ref.get("id") : compact(ref, true, false);
  }
}
