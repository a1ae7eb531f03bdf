package ai.phinite.tools.examples;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.ConnectionTest;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.OAuth2;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.annotations.Tool;
import ai.phinite.tools.runtime.Response;

/**
 * An example mailbox tool in the style of Google or Microsoft Graph mail: OAuth2 with the
 * refresh-token grant (the application ran the authorization-code flow and saved the tokens), the
 * client authenticating in the form body, and refresh tokens that the server rotates.
 */
@Tool(
    id = "mailbox",
    name = "Mailbox (example)",
    toolClass = "MailboxTool",
    description = "Read messages of a user's mailbox in the example mail service.",
    docsUrl = "https://developers.mail.example/")
@Credential(key = "client_id", label = "Client ID", description = "The OAuth2 client id of your app.")
@Credential(key = "client_secret", label = "Client Secret", secret = true,
    description = "The OAuth2 client secret of your app.")
@Credential(key = "refresh_token", label = "Refresh Token", secret = true,
    description = "The user's refresh token; replaced when the service rotates it.")
@Credential(key = "access_token", label = "Access Token", secret = true, required = false,
    description = "The user's current access token, if the app has one.")
@Server(id = "api", url = "https://api.mail.example/v1",
    auth = @Auth(oauth2 = @OAuth2(grant = OAuth2.Grant.REFRESH_TOKEN,
        tokenUrl = "https://accounts.mail.example/oauth2/token",
        refreshToken = "refresh_token", accessToken = "access_token",
        clientId = "client_id", clientSecret = "client_secret",
        clientAuthentication = OAuth2.ClientAuthentication.POST)))
public interface MailboxTool {

  @Subtool(title = "List Messages", description = "List the newest messages of the mailbox.")
  @GET("/messages")
  Response listMessages(
      @Query @Arg(value = "How many, at most.", required = false, min = 1, max = 100) Integer top);

  @Subtool(title = "Get Message", description = "Fetch one message.")
  @GET("/messages/{message_id}")
  Response getMessage(@Path @Arg("The message's id.") String messageId);

  @Subtool(title = "Who Am I", description = "Get the mailbox's owner.")
  @ConnectionTest("Mailbox authorization (refresh_token)")
  @GET("/me")
  Response whoAmI();
}
