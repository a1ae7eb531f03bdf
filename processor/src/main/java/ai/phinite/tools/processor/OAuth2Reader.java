package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.OAuth2;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** Reads and checks {@code @Auth(oauth2 = @OAuth2(...))}. */
final class OAuth2Reader {
  /** RFC 6749 section 3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. */
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  private final Report report;

  OAuth2Reader(Report report) {
    this.report = report;
  }

  /** Whether any attribute of the annotation is set. */
  static boolean declared(OAuth2 o) {
    return o.grant() != OAuth2.Grant.NONE || !o.tokenUrl().isEmpty() || !o.clientId().isEmpty()
        || !o.clientSecret().isEmpty() || o.scopes().length > 0 || !o.refreshToken().isEmpty()
        || !o.accessToken().isEmpty();
  }

  /** The model, or {@code null} after reporting. {@code m} is the {@code @OAuth2} mirror. */
  Model.OAuth2 read(TypeElement type, AnnotationMirror m, OAuth2 o,
      Map<String, Model.Credential> credentials) {
    int before = report.errorCount();
    if (o.grant() == OAuth2.Grant.NONE) {
      report.error(type, m, "grant", Messages.oauth2WithoutGrant());
      return null;
    }
    String grant = o.grant().name();
    boolean clientCredentials = o.grant() == OAuth2.Grant.CLIENT_CREDENTIALS;
    if (o.tokenUrl().isEmpty()) {
      report.error(type, m, Messages.oauth2Incomplete(grant, "tokenUrl"));
    } else {
      Matcher placeholders = PLACEHOLDER.matcher(o.tokenUrl());
      while (placeholders.find()) {
        Model.Credential c = credentials.get(placeholders.group(1));
        if (c == null) {
          report.error(type, m, "tokenUrl", Messages.unknownCredential(
              "@OAuth2 tokenUrl", placeholders.group(1), credentials.keySet()));
        } else if (c.secret()) {
          report.error(type, m, "tokenUrl", Messages.secretInUrl("@OAuth2 tokenUrl", c.key()));
        }
      }
      if (!ToolReader.isHttpsUrl(placeholders.replaceAll("x"))) {
        report.error(type, m, "tokenUrl", Messages.oauth2NotHttps(o.tokenUrl()));
      }
    }
    if (clientCredentials) {
      require(type, m, grant, "clientId", o.clientId());
      require(type, m, grant, "clientSecret", o.clientSecret());
      forbid(type, m, grant, "refreshToken", o.refreshToken());
      forbid(type, m, grant, "accessToken", o.accessToken());
    } else {
      require(type, m, grant, "refreshToken", o.refreshToken());
      if (o.clientId().isEmpty() != o.clientSecret().isEmpty()) {
        report.error(type, m, o.clientId().isEmpty() ? "clientSecret" : "clientId",
            Messages.authIncomplete(o.clientId().isEmpty() ? "clientId" : "clientSecret",
                o.clientId().isEmpty() ? "clientSecret" : "clientId"));
      }
    }
    String[][] named = {{"clientId", o.clientId(), ""}, {"clientSecret", o.clientSecret(), "s"},
        {"refreshToken", o.refreshToken(), "s"}, {"accessToken", o.accessToken(), "s"}};
    for (String[] n : named) {
      if (n[1].isEmpty()) {
        continue;
      }
      Model.Credential c = credentials.get(n[1]);
      if (c == null) {
        report.error(type, m, n[0], Messages.unknownCredential(
            "@OAuth2(" + n[0] + ")", n[1], credentials.keySet()));
      } else if (n[2].equals("s") && !c.secret()) {
        report.error(type, m, n[0], Messages.oauth2NotSecret(n[0], n[1]));
      }
    }
    for (String scope : o.scopes()) {
      if (!SCOPE.matcher(scope).matches()) {
        report.error(type, m, "scopes", Messages.oauth2BadScope(scope));
      }
    }
    if (report.errorCount() > before) {
      return null;
    }
    return new Model.OAuth2(clientCredentials ? "client_credentials" : "refresh_token",
        o.tokenUrl(), blankToNull(o.clientId()), blankToNull(o.clientSecret()),
        List.of(o.scopes()), blankToNull(o.refreshToken()), blankToNull(o.accessToken()),
        o.clientAuthentication().name().toLowerCase(java.util.Locale.ROOT));
  }

  private void require(TypeElement type, AnnotationMirror m, String grant, String attribute,
      String value) {
    if (value.isEmpty()) {
      report.error(type, m, Messages.oauth2Incomplete(grant, attribute));
    }
  }

  private void forbid(TypeElement type, AnnotationMirror m, String grant, String attribute,
      String value) {
    if (!value.isEmpty()) {
      report.error(type, m, attribute, Messages.oauth2NotForGrant(grant, attribute));
    }
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
