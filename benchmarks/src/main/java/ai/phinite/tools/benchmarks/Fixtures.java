package ai.phinite.tools.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The arguments, responses and connection values every variant uses. */
public final class Fixtures {
  private Fixtures() {}

  /** A mapper for fixtures and for the alternatives (each builds its own, as a user would). */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  public static final String TOKEN = "bench-token-0123456789abcdef0123456789abcdef";
  public static final String CUSTOMER_ID = "5f1d2c3b4a5e6f7a8b9c0d1e";

  /** The User-Agent the phinite runtime sends; every other variant sends the same. */
  public static final String USER_AGENT = "phinite-tools/" + runtimeVersion();

  /** {@code get_customer} arguments. */
  public static final String GET_ARGS = "{\"customer_id\":\"" + CUSTOMER_ID + "\"}";

  /** {@code create_customer} arguments: a name and some additional fields, merged into the body. */
  public static final String CREATE_ARGS = "{\"name\":\"Ada Lovelace\",\"additional_fields\":{"
      + "\"emails\":[{\"type\":\"home\",\"email\":\"ada@example.com\"}],"
      + "\"phones\":[{\"type\":\"mobile\",\"phone\":\"+15551234567\"}],"
      + "\"externalId\":\"A-1\",\"locale\":\"en_US\"}}";

  /** The body {@code create_customer} sends for {@link #CREATE_ARGS}. */
  public static final String CREATE_BODY = "{\"name\":\"Ada Lovelace\","
      + "\"emails\":[{\"type\":\"home\",\"email\":\"ada@example.com\"}],"
      + "\"phones\":[{\"type\":\"mobile\",\"phone\":\"+15551234567\"}],"
      + "\"externalId\":\"A-1\",\"locale\":\"en_US\"}";

  /** A Kustomer-like customer (about 0.9 KB), the answer to GET /v1/customers/{id}. */
  public static final byte[] CUSTOMER_RESPONSE = customer(false);

  /** The answer to POST /v1/customers. */
  public static final byte[] CREATED_RESPONSE = customer(true);

  private static byte[] customer(boolean created) {
    String json = "{\"data\":{\"type\":\"customer\",\"id\":\"" + CUSTOMER_ID + "\",\"attributes\":{"
        + "\"name\":\"Ada Lovelace\",\"displayName\":\"Ada Lovelace\",\"displayColor\":\"purple\","
        + "\"displayIcon\":\"flower\",\"externalId\":\"A-1\",\"username\":null,\"signedUpAt\":null,"
        + "\"lastActivityAt\":\"2024-05-01T10:11:12.000Z\",\"lastCustomerActivityAt\":\"2024-05-01T10:11:12.000Z\","
        + "\"emails\":[{\"type\":\"home\",\"email\":\"ada@example.com\",\"verified\":false}],"
        + "\"phones\":[{\"type\":\"mobile\",\"phone\":\"+15551234567\",\"verified\":false}],"
        + "\"locale\":\"en_US\",\"timeZone\":null,\"tags\":[\"vip\",\"beta\"],\"sentiment\":{\"polarity\":1,\"confidence\":0.72},"
        + "\"conversationCounts\":{\"all\":3,\"snoozed\":0,\"open\":1,\"done\":2},"
        + "\"createdAt\":\"2024-01-02T03:04:05.000Z\",\"updatedAt\":\"" + (created ? "2024-01-02T03:04:05.000Z" : "2024-05-01T10:11:12.000Z") + "\","
        + "\"custom\":{\"planStr\":\"pro\",\"seatsNum\":12,\"trialBool\":false}},"
        + "\"relationships\":{\"org\":{\"data\":{\"type\":\"org\",\"id\":\"5e0000000000000000000001\"}},"
        + "\"createdBy\":{\"data\":{\"type\":\"user\",\"id\":\"5e0000000000000000000002\"}}},"
        + "\"links\":{\"self\":\"/v1/customers/" + CUSTOMER_ID + "\"}}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Parses fixture JSON. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code trigger_broadcast} (Customer.io) arguments: the large argument set. 10 typed arguments,
   * of which a 100-element list of records with an email format, and a 20-entry data object; about
   * 11 KB of JSON.
   */
  public static ObjectNode largeArgs() {
    ObjectNode args = MAPPER.createObjectNode();
    args.put("broadcast_id", 42);
    ObjectNode data = args.putObject("data");
    for (int i = 0; i < 20; i++) {
      switch (i % 4) {
        case 0 -> data.put("text_" + i, "value " + i);
        case 1 -> data.put("count_" + i, i * 7);
        case 2 -> data.put("flag_" + i, i % 3 == 0);
        default -> data.putArray("list_" + i).add("a").add("b").add(i);
      }
    }
    ArrayNode people = args.putArray("per_user_data");
    for (int i = 0; i < 100; i++) {
      ObjectNode p = people.addObject();
      p.put("id", String.format("user-%04d", i));
      p.put("email", "user" + i + "@example.com");
      ObjectNode d = p.putObject("data");
      d.put("coupon", "X" + i);
      d.put("tier", i % 2 == 0 ? "gold" : "silver");
      d.put("visits", i % 13);
    }
    args.put("id_ignore_missing", true);
    args.put("email_ignore_missing", false);
    return args;
  }

  private static String runtimeVersion() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/ai/phinite/tools/runtime/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
