package ai.phinite.tools.processor;

import java.util.Collection;

/**
 * Every diagnostic the processor prints, worded alike: what is wrong, where, and how to fix it.
 * Tests assert these texts; change them here and nowhere else.
 */
final class Messages {
  private Messages() {}

  static String toolOnClass(String name, javax.lang.model.element.ElementKind kind) {
    String what = switch (kind) {
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a class";
    };
    return "@Tool must annotate an interface, but " + name + " is " + what + "; declare it as"
        + " `interface " + name + "` and let the processor generate the implementation";
  }

  static String badToolId(String id) {
    return "@Tool(id = \"" + id + "\") is not a valid tool id; use 1-64 lowercase letters, digits,"
        + " '_' or '-', starting with a letter or digit";
  }

  static String duplicateToolId(String id, String other) {
    return "@Tool(id = \"" + id + "\") is already used by " + other
        + "; give each tool in the compilation its own id";
  }

  static String blank(String what, String attribute) {
    // also used for labels, titles and credentials, which people (not the agent) read
    return what + " has no " + attribute + "; write one: it is what people or language models"
        + " read to use the tool";
  }

  static String notHttpsUrl(String attribute, String url) {
    return attribute + " \"" + url + "\" is not an absolute https URL; write it as"
        + " https://host/path (plain http is only accepted as a per-connection override)";
  }

  static String notHttpsDocsUrl(String url) {
    return "docsUrl \"" + url + "\" is not an absolute https URL; write it as"
        + " https://host/path, or leave docsUrl out";
  }

  static String duplicateCredential(String key) {
    return "@Credential(key = \"" + key + "\") is declared twice; remove one";
  }

  static String badCredentialKey(String key) {
    return "@Credential(key = \"" + key + "\") is not a valid key; use 1-64 letters, digits, '_' or '-'";
  }

  static String badCredentialPattern(String key, String error) {
    return "@Credential(key = \"" + key + "\") has a pattern that does not compile: " + error;
  }

  static String credentialDefaultNotAllowed(String key, String value, Collection<String> allowed) {
    return "@Credential(key = \"" + key + "\") has defaultValue \"" + value
        + "\", which is not among its allowed values " + allowed + "; fix one of them";
  }

  static String variantValueNotAllowed(String key, String value, Collection<String> allowed) {
    return "@ServerVariant(credential = \"" + key + "\", equals = \"" + value + "\") can never"
        + " apply: \"" + value + "\" is not among the allowed values " + allowed + " of that"
        + " credential; use one of them, or add it to its allowed values";
  }

  static String unknownCredential(String where, String key, Collection<String> declared) {
    return where + " names the credential \"" + key + "\", which the tool does not declare;"
        + " declare @Credential(key = \"" + key + "\", ...) on the interface or use one of "
        + declared;
  }

  static String secretInUrl(String where, String key) {
    return where + " puts the secret credential \"" + key + "\" in a URL, where it would be"
        + " logged and shown; send secrets through @Auth instead";
  }

  static String noServers() {
    return "The tool declares no @Server; add @Server(id = \"api\", url = \"https://...\")"
        + " to the interface";
  }

  static String duplicateServer(String id) {
    return "@Server(id = \"" + id + "\") is declared twice; give each server its own id";
  }

  static String authSchemes() {
    return "@Auth sets more than one scheme; set only bearer, only basicUsername + basicPassword,"
        + " only apiKeyHeader + apiKey, or only oauth2";
  }

  static String authIncomplete(String missing, String with) {
    return "@Auth sets " + with + " without " + missing + "; set both";
  }

  static String unknownServer(String annotation, String id, Collection<String> declared) {
    return annotation + " names the server \"" + id + "\", which the tool does not declare;"
        + " use one of " + declared + " or declare @Server(id = \"" + id + "\", ...)";
  }

  static String serverRequired(String annotation, Collection<String> declared) {
    return annotation + " does not say which server it goes to, and the tool has "
        + declared.size() + " servers " + declared + "; add server = \"...\"";
  }

  static String noHttpMethod(String method) {
    return "Method " + method + " has no HTTP method; annotate it with @GET, @POST, @PUT, @PATCH"
        + " or @DELETE, or make it a default method";
  }

  static String twoHttpMethods(String method) {
    return "Method " + method + " has more than one HTTP method annotation; keep exactly one";
  }

  static String ignoredMethod(String method, String modifier, String annotation) {
    return "Method " + method + " is " + modifier + ", so it can never be a subtool and its @"
        + annotation + " would be ignored; make it an abstract interface method (or a default"
        + " method for a multi-step subtool), or remove @" + annotation;
  }

  static String httpOnDefaultMethod(String method, String annotation) {
    return "Method " + method + " is a default method with @" + annotation + "; a default method"
        + " is a multi-step subtool that calls other methods, so it sends no request of its own:"
        + " remove @" + annotation + ", or remove the body to make it a single-request subtool";
  }

  static String noToolInterface(String type, String annotation) {
    return type + " has @" + annotation + " methods but is neither a @Tool nor extended by one in"
        + " this compilation, so nothing is generated for it; add @Tool(...) to it, or add it to"
        + " the extends clause of a @Tool interface";
  }

  static String emptyEnum(String name) {
    return "Enum " + name + " has no constants, so no value could ever be given; add its"
        + " constants, or use another type";
  }

  static String constantAndField(String field) {
    return "@BodyConstant(field = \"" + field + "\") sets the body field \"" + field + "\", which a"
        + " @BodyField parameter also binds; remove the constant or bind the parameter to another field";
  }

  static String genericMethod(String method) {
    return "Method " + method + " has type parameters; a subtool takes concrete types, so remove"
        + " the type parameters";
  }

  static String overloaded(String method) {
    return "Method " + method + " is overloaded; each operation needs its own method name,"
        + " so rename one of them";
  }

  static String badName(String what, String name) {
    return what + " \"" + name + "\" does not match ^[a-zA-Z0-9_-]{1,64}$ (the strictest LLM"
        + " provider rule); use only letters, digits, '_' and '-', at most 64";
  }

  static String duplicateSubtool(String name, String other) {
    return "Subtool \"" + name + "\" is already defined by " + other
        + "; set @Subtool(name = \"...\") to make the names unique";
  }

  static String duplicateArgument(String name) {
    return "Argument \"" + name + "\" is declared twice in this method; rename one with"
        + " @Arg(name = \"...\")";
  }

  static String badPath(String template, String problem) {
    return "Path \"" + template + "\" " + problem;
  }

  static String placeholderWithoutParam(String placeholder, String template) {
    return "{" + placeholder + "} in \"" + template + "\" has no @Path parameter named \""
        + placeholder + "\" (and no credential of that name); add a parameter"
        + " `@Path(\"" + placeholder + "\") String ...` or rename the placeholder";
  }

  static String pathWithoutPlaceholder(String name, String template) {
    return "@Path(\"" + name + "\") has no matching {" + name + "} in \"" + template
        + "\"; rename the parameter or the placeholder";
  }

  static String pathParamAndCredential(String name) {
    return "{" + name + "} is both a @Path parameter and a credential; rename one of them";
  }

  static String twoBodies() {
    return "A method can have only one @Body; merge the values into one object, or bind them"
        + " as separate @BodyField parameters";
  }

  static String bodyAndFields() {
    return "@Body takes the whole request body, so it cannot be combined with @BodyField,"
        + " @BodyMerge or @BodyConstant; use one style";
  }

  static String bodyOnMethod(String httpMethod) {
    return "A " + httpMethod + " request has no body; remove the body binding or use @POST,"
        + " @PUT or @PATCH";
  }

  static String noBinding(String param) {
    return "Parameter " + param + " has no binding; annotate it with @Path, @Query, @Header,"
        + " @Body, @BodyField or @BodyMerge";
  }

  static String twoBindings(String param) {
    return "Parameter " + param + " has more than one binding; keep exactly one of @Path, @Query,"
        + " @Header, @Body, @BodyField and @BodyMerge";
  }

  static String bindingOnDefault(String param) {
    return "Parameter " + param + " of a default method has a binding, but a default method sends"
        + " nothing itself; remove it (the methods it calls bind their own parameters)";
  }

  static String missingArg(String param) {
    return "Parameter " + param + " has no @Arg; add @Arg(\"...\") describing it for the agent";
  }

  static String unsupportedType(String what, String type, String hint) {
    return what + " has the type " + type + ", which is not supported here; " + hint;
  }

  static String unsupportedReturn(String method, String type, boolean subtool) {
    return "Method " + method + " returns " + type + "; "
        + (subtool ? "a subtool returns ai.phinite.tools.runtime.Response"
            : "an operation returns ai.phinite.tools.runtime.Response, JsonNode or void");
  }

  static String primitiveOptional(String param) {
    return "Parameter " + param + " is a primitive, so it cannot be optional; use the boxed type"
        + " (e.g. Integer) or make it required";
  }

  static String badDefault(String arg, String value, String why) {
    return "defaultValue \"" + value + "\" of argument \"" + arg + "\" " + why
        + "; fix the default or the argument's type and bounds";
  }

  static String defaultOnRequired(String arg) {
    return "Argument \"" + arg + "\" is required, so its defaultValue would never be used;"
        + " set required = false or remove the default";
  }

  static String badBound(String arg, String why) {
    return "Argument \"" + arg + "\" " + why;
  }

  static String contradictoryHints() {
    return "@Subtool is both readOnly and destructive; a subtool that only reads destroys"
        + " nothing, so set one of them to FALSE";
  }

  static String badConstant(String field, String why) {
    return "@BodyConstant(field = \"" + field + "\") " + why;
  }

  static String connectionTestArgs(String method) {
    return "@ConnectionTest method " + method + " has required arguments; a connection check"
        + " runs without arguments, so make them optional or pick another method";
  }

  static String connectionTestDefault(String method) {
    return "@ConnectionTest method " + method + " is a default method; put it on a method with an"
        + " HTTP method annotation, so the check knows which server and credentials it tests";
  }

  static String atMostOneOfSize() {
    return "@AtMostOneOf needs at least two different argument names; list the arguments of"
        + " which only one may be given";
  }

  static String atMostOneOfUnknown(String name, Collection<String> declared) {
    return "@AtMostOneOf names \"" + name + "\", which is not an argument of this method; use"
        + " the names the agent sees, among " + declared;
  }

  static String requiresUnknown(String attribute, String name, Collection<String> declared) {
    return "@Requires " + attribute + " names \"" + name + "\", which is not an argument of this"
        + " method; use the names the agent sees, among " + declared;
  }

  static String requiresTwice(String arg) {
    return "@Requires(arg = \"" + arg + "\") is declared twice on this method; merge them into"
        + " one whose anyOf lists every argument \"" + arg + "\" may come with";
  }

  static String requiresNoAlternatives(String arg) {
    return "@Requires(arg = \"" + arg + "\") needs anyOf to list at least one argument, each"
        + " once: the arguments of which one must be given with \"" + arg + "\"";
  }

  static String requiresItself(String arg) {
    return "@Requires(arg = \"" + arg + "\") lists \"" + arg + "\" in its own anyOf; list only"
        + " the other arguments it needs";
  }

  static String badRetry(String what) {
    return "@Retry " + what + "; use maxRetries 0 to 10 and maxWaitSeconds 0 to 600";
  }

  static String badRateLimit(String where) {
    return where + " needs requests of at least 1 and perSeconds above 0, e.g."
        + " @RateLimit(requests = 10, perSeconds = 1)";
  }

  static String badTimeout(int seconds) {
    return "@Timeout(seconds = " + seconds + ") is out of range; use 1 to 600 seconds";
  }

  static String shapeNotSubtool(String method) {
    return "Method " + method + " is not a subtool, so its result is never shaped for agents;"
        + " remove @Shape and @Paged, or add @Subtool";
  }

  static String shapeItemAndItems() {
    return "@Shape sets both items (a list) and item (one object); set only the one the result"
        + " holds";
  }

  static String badPointer(String annotation, String attribute, String value) {
    return annotation + "(" + attribute + " = \"" + value + "\") is not a JSON Pointer; write it"
        + " from the body's root, e.g. \"/data\" or \"/meta/total\"";
  }

  static String badShapeField(String field) {
    return "@Shape fields has \"" + field + "\", which is blank, repeated or the reserved"
        + " \"all\"; name each field of an item once";
  }

  static String fieldsArgumentTaken(String subtool) {
    return "Subtool \"" + subtool + "\" already has an argument named \"fields\", which @Shape"
        + " fields adds to choose the fields shown; rename that argument with @Arg(name = \"...\")";
  }

  static String badItemSchema(String why) {
    return "@Shape itemSchema " + why + "; write the JSON Schema of one shaped item, e.g."
        + " {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}";
  }

  static String pagedWithoutItems(String subtool) {
    return "@Paged on subtool \"" + subtool + "\" needs a list to page; add"
        + " @Shape(items = \"/...\") pointing to the list of items in the body";
  }

  static String pagedStyle() {
    return "@Paged must set exactly one of page (page numbers), cursor and link; e.g."
        + " @Paged(page = \"page\", size = \"page_size\"), @Paged(cursor = \"start\", next = \"/next\")"
        + " or @Paged(link = \"/links/next\")";
  }

  static String linkWithoutQuery(String subtool) {
    return "@Paged(link = ...) on subtool \"" + subtool + "\" has no @Query argument for the"
        + " link's parameters to go to; bind the paging parameters with @Query, or page with"
        + " page or cursor";
  }

  static String cursorWithoutNext() {
    return "@Paged(cursor = ...) needs next, the JSON Pointer to the next page's cursor in the"
        + " body, e.g. next = \"/next\"";
  }

  static String pageWithoutSize() {
    return "@Paged(page = ...) needs size, the argument holding the page size, so a cut page can"
        + " resume at its first item not shown";
  }

  static String badDefaultSize(int size) {
    return "@Paged(defaultSize = " + size + ") is negative; give the API's default page size, or"
        + " leave it out";
  }

  static String pagedUnknownArg(String attribute, String name, Collection<String> declared) {
    return "@Paged(" + attribute + " = \"" + name + "\") names no argument of this subtool; use"
        + " the names the agent sees, among " + declared;
  }

  static String pagedArgType(String attribute, String name, String type) {
    return "@Paged(" + attribute + " = \"" + name + "\") names an argument of the wrong type; a "
        + attribute + " argument must be " + type;
  }

  static String crashed(String element, Throwable t) {
    return "The Phinite tool processor failed on " + element + " (" + t + "); this is a bug in"
        + " the processor, please report it with this definition";
  }

  // --- explicit nulls, constant headers, form bodies, query lists, OAuth2 (issue 15) ---

  static String optionalWithoutNullable(String param, String type) {
    return "Argument " + param + " is declared " + type + ", but Optional is only for arguments that"
        + " accept an explicit null; add @Arg(nullable = true) (Optional.empty() sends null) or"
        + " declare the plain type and use required = false";
  }

  static String nullableNeedsOptional(String param, String type) {
    return "Argument " + param + " has nullable = true but is declared " + type + "; declare it as"
        + " Optional<" + type + "> so that left out (a null reference) and send null"
        + " (Optional.empty()) stay distinct";
  }

  static String defaultOnNullable(String arg) {
    return "Argument \"" + arg + "\" has nullable = true and a defaultValue; a nullable argument"
        + " is left out or sent as given, so remove defaultValue";
  }

  static String nullableBinding(String arg, String binding) {
    return "Argument \"" + arg + "\" has nullable = true but is bound to " + binding
        + ", which cannot carry a null; use nullable only on @BodyField parameters, record"
        + " components and arguments of multi-step subtools";
  }

  static String badHeaderName(String where, String name) {
    return where + " names the header \"" + name + "\", which is not a valid header name; use"
        + " letters, digits and !#$%&'*+.^_`|~- only, e.g. \"X-Api-Version\"";
  }

  static String reservedHeader(String where, String name) {
    return where + " names the header \"" + name + "\", which the runtime sets itself (from the"
        + " body, the URL or the connection); remove it";
  }

  static String headerSetByAuth(String where, String name, String server) {
    return where + " names the header \"" + name + "\", which the authentication of server \""
        + server + "\" sets; the declared @Auth must not be replaced, so remove it or use another"
        + " header";
  }

  static String headerSetByConstant(String arg, String name) {
    return "Argument \"" + arg + "\" is bound to the header \"" + name + "\", which a"
        + " @ConstantHeader of this request already sets; remove the constant or the argument";
  }

  static String duplicateConstantHeader(String name) {
    return "@ConstantHeader(name = \"" + name + "\") is declared twice at the same level"
        + " (names are case-insensitive); keep one";
  }

  static String badHeaderValue(String name) {
    return "@ConstantHeader(name = \"" + name + "\") has a value that is not printable ASCII"
        + " (letters, digits, punctuation, space or tab); an HTTP header cannot carry it";
  }

  static String queryStyleOnScalar(String arg) {
    return "Argument \"" + arg + "\" sets @Query(style), which applies only to a List, Set or"
        + " array; remove style or make the parameter a list";
  }

  static String formOnMethod(String httpMethod) {
    return "@FormUrlEncoded is on a " + httpMethod + " request, which has no body; remove it or"
        + " use POST, PUT or PATCH";
  }

  static String formBodyType(String param, String type) {
    return "Parameter " + param + " is the whole form body but is declared " + type + "; a form is"
        + " a set of named fields, so use a record, Map<String, V> or ObjectNode";
  }

  static String formRepeatedObjects(String arg) {
    return "Argument \"" + arg + "\" is a list of objects in a form with arrays = REPEATED, which"
        + " cannot name their fields; use arrays = INDEXED or BRACKETS";
  }

  static String oauth2Incomplete(String grant, String attribute) {
    return "@OAuth2(grant = " + grant + ") needs " + attribute + "; name the credential that holds"
        + " it";
  }

  static String oauth2NotForGrant(String grant, String attribute) {
    return "@OAuth2(grant = " + grant + ") does not use " + attribute + "; remove it";
  }

  static String oauth2WithoutGrant() {
    return "@OAuth2 sets attributes but no grant; set grant = OAuth2.Grant.CLIENT_CREDENTIALS or"
        + " OAuth2.Grant.REFRESH_TOKEN";
  }

  static String oauth2NotHttps(String url) {
    return "@OAuth2 tokenUrl \"" + url + "\" is not an absolute https URL; token requests carry"
        + " secrets, so write it as https://host/path (tests may override it per connection with"
        + " Connection.Builder.tokenUrl)";
  }

  static String oauth2NotSecret(String attribute, String key) {
    return "@OAuth2(" + attribute + ") names the credential \"" + key + "\", which is not secret;"
        + " declare it with secret = true so that it never appears in descriptors, logs or errors";
  }

  static String oauth2BadScope(String scope) {
    return "@OAuth2 scope \"" + scope + "\" is not a valid OAuth2 scope; write one scope per"
        + " array element, without spaces, quotes or backslashes";
  }
}
