package ai.phinite.tools.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The reflection-based validation a Retrofit, Feign or hand-written client would use: a JSON
 * Schema generated from an argument class by victools jsonschema-generator (Jackson + Jakarta
 * Validation modules, additional properties forbidden), compiled once by networknt
 * json-schema-validator (2020-12, formats asserted); each call validates, then binds with Jackson.
 *
 * @param <T> the argument class
 */
public final class ReflectionSchemas<T> {
  private static final SchemaGenerator GENERATOR = new SchemaGenerator(
      new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
          .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
          .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
              JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
          .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
          .build());

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private final Class<T> type;
  private final ObjectNode schemaJson;
  private final Schema schema;
  private final ObjectMapper mapper;

  private ReflectionSchemas(Class<T> type, ObjectMapper mapper) {
    this.type = type;
    this.mapper = mapper;
    this.schemaJson = GENERATOR.generateSchema(type);
    this.schema = REGISTRY.getSchema(schemaJson);
  }

  /** Generates and compiles the schema of {@code type} (once, at setup). */
  public static <T> ReflectionSchemas<T> of(Class<T> type, ObjectMapper mapper) {
    return new ReflectionSchemas<>(type, mapper);
  }

  /** The generated schema. */
  public ObjectNode schemaJson() {
    return schemaJson;
  }

  /** Validates the arguments only. */
  public List<Error> validate(JsonNode args) {
    return schema.validate(args);
  }

  /**
   * Validates the arguments and binds them to the argument class.
   *
   * @throws IllegalArgumentException listing the problems when they are not valid
   */
  public T bind(JsonNode args) {
    List<Error> errors = schema.validate(args);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("Invalid arguments: " + errors);
    }
    try {
      return mapper.treeToValue(args, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid arguments: " + e.getOriginalMessage(), e);
    }
  }
}
