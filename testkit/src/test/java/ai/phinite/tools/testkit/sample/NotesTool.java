package ai.phinite.tools.testkit.sample;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Header;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.annotations.Tool;
import ai.phinite.tools.runtime.Response;

/** A small tool over two servers, used by the test kit's own tests. */
@Tool(id = "notes", name = "Notes", toolClass = "NotesTool",
    description = "Keep notes in a notes service.")
@Credential(key = "api_token", label = "API Token", description = "A notes API token.", secret = true)
@Server(id = "api", url = "https://notes.example.com/api/v2", auth = @Auth(bearer = "api_token"))
@Server(id = "files", url = "https://files.example.com", auth = @Auth(bearer = "api_token"))
public interface NotesTool {

  @Subtool(title = "Get Note", description = "Fetch one note by its id.")
  @GET(value = "/notes/{note_id}", server = "api")
  Response getNote(@Path @Arg("The note's id.") String noteId,
      @Query @Arg(value = "Fields to include, comma-separated.", required = false) String fields);

  @Subtool(title = "Create Note", description = "Create a note.")
  @POST(value = "/notes", server = "api")
  Response createNote(@BodyField @Arg("The note's text.") String text,
      @BodyField @Arg(value = "A label, or null to leave it unset.", required = false) String label,
      @Header("X-Request-Source") @Arg(value = "Where the request comes from.", required = false)
          String source);

  @Subtool(title = "Delete Attachment", description = "Delete a file attached to a note.")
  @DELETE(value = "/attachments/{attachment_id}", server = "files")
  Response deleteAttachment(@Path @Arg("The attachment's id.") String attachmentId);
}
