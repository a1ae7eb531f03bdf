package com.example.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.testkit.CannedResponse;
import ai.phinite.tools.testkit.ToolChecks;
import ai.phinite.tools.testkit.ToolServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubIssuesToolTest {
  @RegisterExtension
  static final ToolServer github = ToolServer.forTool("github_issues").credential("token", "ghp-test");

  @Test
  void listIssues() {
    github.onRequest("GET", "/repos/acme/web/issues?state=open")
        .respond(CannedResponse.json("[{\"number\": 7}]"));

    Response r = github.call("list_issues", "{'owner': 'acme', 'repo': 'web', 'state': 'open'}");

    assertEquals(7, r.body().get(0).get("number").asInt());
    github.assertOneRequest().method("GET").url("/repos/acme/web/issues?state=open")
        .header("Authorization", "Bearer ghp-test").noBody();
  }

  @Test
  void createIssue() {
    github.call("create_issue", "{'owner': 'acme', 'repo': 'web', 'title': 'Broken link'}");

    github.assertOneRequest().method("POST").url("/repos/acme/web/issues")
        .jsonBody("{'title': 'Broken link'}");
  }

  @Test
  void everySubtoolAndArgumentIsDescribed() {
    ToolChecks.assertWellDescribed(github.provider());
    ToolChecks.assertStrictModeReady(github.provider());
  }
}
