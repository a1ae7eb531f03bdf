/**
 * A small, fast validator for a subset of JSON Schema 2020-12, used to check the JSON arguments a
 * language model sends to a tool before any HTTP call is made.
 *
 * <p>{@link ai.phinite.tools.runtime.internal.schema.SchemaValidator#compile} turns a schema into a tree of
 * small immutable check objects once (regular expressions, enum sets and messages are prepared at
 * that point); {@link ai.phinite.tools.runtime.internal.schema.SchemaValidator#validate} then walks only the
 * instance. A valid instance is checked without building pointers or messages; only when it is
 * invalid is it walked a second time to collect every {@link
 * ai.phinite.tools.runtime.internal.schema.SchemaProblem}, in document order (a value's own problems,
 * including its missing required properties, before the problems of the values inside it).
 *
 * <p>Supported keywords: {@code type}, {@code enum}, {@code const}, {@code not}, {@code
 * properties}, {@code required}, {@code additionalProperties}, {@code minProperties}, {@code
 * maxProperties}, {@code propertyNames}, {@code items} (one schema), {@code minItems}, {@code
 * maxItems}, {@code uniqueItems}, {@code minimum}, {@code maximum}, {@code exclusiveMinimum},
 * {@code exclusiveMaximum}, {@code minLength}, {@code maxLength}, {@code pattern} and {@code
 * format} ({@code email}, {@code uri}, {@code date-time}, {@code unix-seconds}; other formats are
 * annotations), plus three extensions: {@code x-maxBytes} (maximum UTF-8 length of a string),
 * {@code x-exclusive} (property names of which an object may contain at most one) and {@code
 * x-requiresAnyOf} (for a property name, the names of which at least one must be present whenever
 * it is: {@code {"id_ignore_missing": ["ids", "per_user_data"]}}; standard {@code
 * dependentRequired} would demand all of them, and conditionals such as {@code if}/{@code anyOf}
 * are deliberately not supported, since their failures cannot be explained in one sentence). The
 * annotations
 * {@code $schema}, {@code $id}, {@code $comment}, {@code title}, {@code description}, {@code
 * default}, {@code examples}, {@code deprecated}, {@code readOnly}, {@code writeOnly} and any other
 * {@code x-} keyword are ignored. Any other keyword (for example {@code $ref} or {@code oneOf}) is
 * rejected when the schema is compiled.
 *
 * <p>Messages are written for a language model: they name the rule, the limit and, where short, the
 * value found, e.g. {@code must be one of "in", "out"; got "sideways"}. Lengths count Unicode code
 * points, numbers are compared exactly (1 equals 1.0), and instances nested more than 64 levels
 * deep are reported rather than followed.
 */
package ai.phinite.tools.runtime.internal.schema;
