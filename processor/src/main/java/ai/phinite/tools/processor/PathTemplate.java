package ai.phinite.tools.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed path template such as {@code /customers/email={email}?version=1}: literal pieces and
 * placeholders, then an optional fixed query.
 */
record PathTemplate(String text, List<Piece> pieces, String query) {
  /** A literal piece ({@code placeholder == false}) or a placeholder name. */
  record Piece(String text, boolean placeholder) {}

  /** Characters a literal path piece may contain as is (RFC 3986 pchar and '/', or '%'). */
  private static final String PATH_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/%";

  /** Parses the template, or returns an error message saying what is wrong and how to fix it. */
  static Object parse(String text) {
    if (!text.startsWith("/")) {
      return "must start with '/'";
    }
    int q = text.indexOf('?');
    String path = q < 0 ? text : text.substring(0, q);
    String query = q < 0 ? "" : text.substring(q + 1);
    if (query.contains("{")) {
      return "has a placeholder in its query; bind query values with @Query parameters instead";
    }
    for (char c : query.toCharArray()) {
      if (PATH_CHARS.indexOf(c) < 0 && c != '?') {
        return "has the character '" + c + "' in its fixed query; percent-encode it";
      }
    }
    List<Piece> pieces = new ArrayList<>();
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '{') {
        int end = path.indexOf('}', i);
        if (end < 0) {
          return "has a '{' without a closing '}'";
        }
        String name = path.substring(i + 1, end);
        if (name.isEmpty() || !Naming.LLM_NAME.matcher(name).matches()) {
          return "has the placeholder {" + name + "}; name placeholders with letters, digits, '_' or '-'";
        }
        if (literal.length() > 0) {
          pieces.add(new Piece(literal.toString(), false));
          literal.setLength(0);
        }
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).placeholder()) {
          return "has two placeholders with nothing between them; separate them with a literal";
        }
        pieces.add(new Piece(name, true));
        i = end + 1;
      } else if (c == '}') {
        return "has a '}' without an opening '{'";
      } else if (PATH_CHARS.indexOf(c) < 0) {
        return "has the character '" + c + "'; percent-encode it or bind it with @Path";
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      pieces.add(new Piece(literal.toString(), false));
    }
    return new PathTemplate(text, List.copyOf(pieces), query);
  }

  List<String> placeholders() {
    return pieces.stream().filter(Piece::placeholder).map(Piece::text).toList();
  }
}
