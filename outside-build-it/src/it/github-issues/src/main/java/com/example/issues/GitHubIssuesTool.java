package com.example.issues;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.annotations.Tool;
import ai.phinite.tools.runtime.Response;

/** A GitHub Issues tool, built outside the Phinite project. */
@Tool(id = "github_issues", name = "GitHub Issues", toolClass = "GitHubIssuesTool",
    description = "Read and open issues of a GitHub repository.",
    docsUrl = "https://docs.github.com/en/rest/issues")
@Credential(key = "token", label = "Token", description = "A GitHub personal access token.",
    secret = true)
@Server(id = "api", url = "https://api.github.com", auth = @Auth(bearer = "token"))
public interface GitHubIssuesTool {

  /**
   * Lists the issues of a repository.
   *
   * @param owner the account that owns the repository
   * @param repo the repository's name
   * @param state which issues to list
   * @return the response: a JSON array of issues
   */
  @Subtool(title = "List Issues", description = "List the issues of a repository.")
  @GET("/repos/{owner}/{repo}/issues")
  Response listIssues(
      @Path @Arg("The account that owns the repository.") String owner,
      @Path @Arg("The repository's name.") String repo,
      @Query @Arg(value = "Which issues: open, closed or all.", required = false,
          allowed = {"open", "closed", "all"}) String state);

  /**
   * Opens an issue.
   *
   * @param owner the account that owns the repository
   * @param repo the repository's name
   * @param title the issue's title
   * @param body the issue's text
   * @return the response: the new issue
   */
  @Subtool(title = "Create Issue", description = "Open a new issue in a repository.")
  @POST("/repos/{owner}/{repo}/issues")
  Response createIssue(
      @Path @Arg("The account that owns the repository.") String owner,
      @Path @Arg("The repository's name.") String repo,
      @BodyField @Arg("The issue's title.") String title,
      @BodyField @Arg(value = "The issue's text, in Markdown.", required = false) String body);
}
