package ai.phinite.tools.cli.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Problem;
import ai.phinite.tools.runtime.ToolException;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile values where they could change the request: header values with line breaks, path values
 * with delimiters and dot segments, query values with delimiters, server base URLs of other
 * schemes, connection values that end up in host names, and integers too large for the 32 bits
 * they are sent as. Each is either sent exactly, encoded, or refused before anything is sent.
 */
class HostileInputTest extends ReliabilityBase {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Connection helpdesk;

  @BeforeEach
  void connectAndReset() {
    helpdesk = connect("helpdesk");
    wm.resetRequests();
  }

  @AfterEach
  void close() {
    helpdesk.close();
  }

  @Test
  void headerValuesWithLineBreaksOrNonAsciiAreRefused() {
    for (String bad : List.of("a\r\nX-Injected: 1", "a\nb", "a\rb", "\r\n", "nul\u0000",
        "del\u007f", "next\u0085line", "é", "😀")) {
      ObjectNode args = ticket().put("idempotency_key", bad);
      refused(helpdesk, "create_ticket", args, "/idempotency_key");
    }
    helpdesk.invoke("create_ticket", ticket().put("idempotency_key", "key 1/2?#&= ~\t!"));
    assertThat(only().getHeader("Idempotency-Key")).isEqualTo("key 1/2?#&= ~\t!");
  }

  @Test
  void pathValuesAreOneEncodedSegmentAndDotSegmentsAreRefused() {
    for (String value : List.of("a/b", "a/../../admin", "?x=1#f", "% +@&=", "é😀", "...", ".a",
        "a.", "%2e%2e", "{ticket_id}", "\\..\\", " ")) {
      wm.resetRequests();
      helpdesk.invoke("get_ticket", NODES.objectNode().put("ticket_id", value));
      assertWithMessage(value).that(only().getUrl())
          .isEqualTo("/helpdesk-api/tickets/" + FuzzTest.encode(value));
    }
    wm.resetRequests();
    helpdesk.invoke("find_contact_by_email", NODES.objectNode().put("email", "a/b?c#d@e.com"));
    assertThat(only().getUrl()).isEqualTo("/helpdesk-api/contacts/email=a%2Fb%3Fc%23d%40e.com");
    for (String dot : List.of(".", "..")) {
      refused(helpdesk, "get_ticket", NODES.objectNode().put("ticket_id", dot), "/ticket_id");
      refused(helpdesk, "close_ticket", NODES.objectNode().put("ticket_id", dot), "/ticket_id");
      try (Connection cio = connect("customerio")) {
        refused(cio, "delete_device",
            NODES.objectNode().put("identifier", "p").put("device_id", dot), "/device_id");
      }
      try (Connection kustomer = builder("kustomer", wm.baseUrl()).credential("task_klass", dot)
          .build()) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> kustomer.invoke("get_task", NODES.objectNode().put("task_id", "t")));
        assertThat(e.kind()).isEqualTo("invalid_connection");
        assertThat(received()).isEqualTo(0);
      }
    }
    try (Connection kustomer = builder("kustomer", wm.baseUrl()).credential("task_klass", "a/b?")
        .build()) {
      kustomer.invoke("get_task", NODES.objectNode().put("task_id", "t/1"));
      assertThat(only().getUrl()).isEqualTo("/kustomer-api/klasses/a%2Fb%3F/t%2F1");
    }
  }

  @Test
  void queryValuesAreEncoded() {
    ObjectNode args = NODES.objectNode();
    args.putArray("tags").add("a&b=c").add("x y").add("#?/").add("%20").add("é+");
    helpdesk.invoke("list_tickets", args);
    assertThat(only().getUrl()).isEqualTo("/helpdesk-api/tickets?pageSize=25"
        + "&tag=a%26b%3Dc&tag=x%20y&tag=%23%3F%2F&tag=%2520&tag=%C3%A9%2B");
    wm.resetRequests();
    helpdesk.invoke("upload_attachment",
        NODES.objectNode().put("file_name", "q&a = 1+1#ok.txt").put("content", "x"));
    assertThat(only().getUrl())
        .isEqualTo("/helpdesk-files/attachments?filename=q%26a%20%3D%201%2B1%23ok.txt");
    try (Connection cio = connect("customerio")) {
      wm.resetRequests();
      cio.invoke("list_messages", NODES.objectNode().put("start", "a&b=c#d?e/f"));
      assertThat(only().getUrl()).isEqualTo("/customerio-app/messages?start=a%26b%3Dc%23d%3Fe%2Ff");
    }
  }

  @Test
  void serverOverridesMustBeHttpOrHttps() {
    for (String url : List.of("file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)",
        "jar:file:/x.jar!/y", "data:text/plain,x", "gopher://example.com", "ws://example.com",
        "mailto:a@example.com", "http://", "https:///path", "//example.com/x", "example.com",
        "/relative", "https://example.com/x?q=1", "https://example.com/x#f",
        " https://example.com", "https://exa mple.com", "", "http://127.0.0.1:99999/x")) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> helpdesk("api", url).close(), url);
      assertWithMessage(url).that(e.kind()).isEqualTo("invalid_connection");
      assertWithMessage(url).that(pointers(e)).contains("/servers/api");
    }
    for (String url : List.of("http://127.0.0.1:1/x", "https://example.com/base/",
        "http://[::1]:8080", "https://example.com:65535")) {
      helpdesk("files", url).close();
    }
  }

  @Test
  void credentialsInHostNamesMustBeDnsLabels() {
    List<String> bad = List.of("acme.evil.com", "a/b", "x@y", "acme#", "a b", "ACME", "Acme",
        "-acme", "acme-", "a".repeat(64), "acme:8080", "acme%2e", "ä", "acme?x", "acme\\x",
        "acme.", "evil.com/", "a_b");
    for (String value : bad) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> tool("kustomer").connect(Map.of("api_token", KUSTOMER_TOKEN, "org_name", value)),
          value);
      assertWithMessage(value).that(pointers(e)).contains("/org_name");
      InvalidInputException w = assertThrows(InvalidInputException.class, () -> tool("helpdesk")
          .connect(Map.of("api_key", HD_API_KEY, "files_key", HD_FILES_KEY, "workspace", value)),
          value);
      assertWithMessage(value).that(pointers(w)).contains("/workspace");
    }
    for (String value : List.of("acme", "acme-1", "a", "0", "a".repeat(63))) {
      try (Connection c = tool("kustomer").connect(Map.of("api_token", KUSTOMER_TOKEN,
          "org_name", value))) {
        assertThat(c.dryRun("get_current_user", null).url())
            .isEqualTo("https://" + value + ".api.kustomerapp.com/v1/users/current");
      }
    }
  }

  @Test
  void integersBeyond32BitsAreRefusedNotWrapped() {
    try (Connection cio = connect("customerio"); Connection kustomer = connect("kustomer")) {
      for (JsonNode big : List.of(NODES.numberNode(3_000_000_000L), NODES.numberNode(1e10),
          NODES.numberNode(new java.math.BigInteger("99999999999999999999")))) {
        refused(cio, "get_campaign", NODES.objectNode().set("campaign_id", big), "/campaign_id");
        refused(cio, "delete_segment", NODES.objectNode().set("segment_id", big), "/segment_id");
        refused(kustomer, "list_customers", NODES.objectNode().set("page", big), "/page");
        refused(helpdesk, "list_tickets", NODES.objectNode().set("page", big), "/page");
      }
      cio.invoke("get_campaign", NODES.objectNode().put("campaign_id", Integer.MAX_VALUE));
      assertThat(only().getUrl()).isEqualTo("/customerio-app/campaigns/2147483647");
    }
  }

  /**
   * BUG: a multi-step subtool whose lookup answers the id {@code ..} fails as invalid arguments
   * at {@code /ticket_id} with {@code nothingSent() == true}, though the lookup was sent and the
   * caller gave no ticket_id (the CLI then exits 2, "nothing was sent").
   */
  @Test
  void aDotSegmentIdFromALookupIsNotBlamedOnTheArguments() {
    wm.stubFor(get(urlPathMatching("/dots/helpdesk-api/contacts/[^/]+/tickets")).atPriority(1)
        .willReturn(json(200, "{\"data\": [{\"id\": \"..\"}]}")));
    try (Connection c = builder("helpdesk", wm.baseUrl() + "/dots").build()) {
      ToolException e = assertThrows(ToolException.class, () -> c.invoke("add_ticket_note",
          NODES.objectNode().put("contact_id", "c-1").put("text", "t")));
      assertThat(received()).isEqualTo(1);
      assertWithMessage(e.getMessage()).that(e.nothingSent()).isFalse();
    }
  }

  private static Connection helpdesk(String server, String url) {
    return builder("helpdesk", wm.baseUrl()).baseUrl(server, url).build();
  }

  private static ObjectNode ticket() {
    return NODES.objectNode().put("subject", "s").put("requester_email", "r@example.com");
  }

  /** Asserts the call is refused as invalid arguments at {@code pointer}, and nothing sent. */
  static void refused(Connection c, String subtool, JsonNode args, String pointer) {
    wm.resetRequests();
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> c.invoke(subtool, args), () -> subtool + " " + cut(args.toString(), 300));
    assertWithMessage("%s", e.getMessage()).that(pointers(e)).contains(pointer);
    assertThat(e.nothingSent()).isTrue();
    assertThat(e.getMessage().length()).isLessThan(2_000);
    assertWithMessage("requests sent for %s", args).that(received()).isEqualTo(0);
  }

  static List<String> pointers(InvalidInputException e) {
    return e.problems().stream().map(Problem::pointer).toList();
  }

  /** The one request WireMock received. */
  static LoggedRequest only() {
    assertThat(wm.getAllServeEvents()).hasSize(1);
    return wm.getAllServeEvents().get(0).getRequest();
  }
}
