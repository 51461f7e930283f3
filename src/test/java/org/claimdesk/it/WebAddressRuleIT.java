package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One rule for every web address ClaimDesk stores: absolute http or https, or a 400 problem that
 * names the field, and nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebAddressRuleIT {
  static final String SCRIPT = "javascript:alert(document.domain)";

  @ArquillianResource URL deployment;
  Api api;
  String checker;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    checker = api.sharedToken("factchecker");
  }

  @Test
  void anArticleImportedWithAScriptAddressIsRefusedNamingTheField() {
    long before = articles();
    String marker = UUID.randomUUID().toString();
    Api.Reply file =
        api.upload(
            "api/articles",
            checker,
            "artikel.txt",
            "text/plain",
            ("Ein Artikel " + marker + " mit einer Adresse.").getBytes(StandardCharsets.UTF_8),
            "title",
            "Artikel " + marker,
            "url",
            SCRIPT);
    refusedNamingUrl(file);
    assertEquals(before, articles(), "nothing stored");

    refusedNamingUrl(api.post("api/articles", checker, "{\"url\":\"" + SCRIPT + "\"}"));
    refusedNamingUrl(api.post("api/articles", checker, "{\"url\":\"/relative/page\"}"));
    assertEquals(before, articles(), "nothing stored");

    Api.Reply imported =
        api.post(
            "api/articles",
            checker,
            Json.createObjectBuilder().add("text", "Text " + marker + ".").build().toString());
    assertEquals(201, imported.status(), imported.toString());
    long id = imported.object().getJsonObject("article").getJsonNumber("id").longValue();
    refusedNamingUrl(
        api.send(
            "PUT",
            "api/articles/" + id,
            checker,
            Json.createObjectBuilder()
                .add("version", imported.object().getJsonNumber("version").longValue())
                .add("title", "Artikel " + marker)
                .add("url", "data:text/html,<script>alert(1)</script>")
                .add("language", "de")
                .build()
                .toString()));
    assertTrue(
        !api.get("api/articles/" + id, checker)
            .object()
            .getJsonObject("article")
            .containsKey("url"),
        "the address stays empty");
  }

  @Test
  void evidenceAndSourcesFollowTheSameRule() {
    refusedNamingUrl(
        api.post(
            "api/sources",
            checker,
            Json.createObjectBuilder()
                .add("name", "Quelle " + UUID.randomUUID())
                .add("kind", "AGENCY")
                .add("url", "JavaScript:alert(1)")
                .build()
                .toString()));
    Desk desk = new Desk(api, user -> user.equals("factchecker") ? checker : api.sharedToken(user));
    long caseId = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    refusedNamingUrl(
        api.post(
            "api/cases/" + caseId + "/evidence",
            checker,
            "{\"kind\":\"document\",\"stance\":\"context\",\"summary\":\"x\",\"url\":\""
                + SCRIPT
                + "\"}"));
    assertEquals(
        0, api.get("api/cases/" + caseId + "/evidence", checker).json().asJsonArray().size());
  }

  private long articles() {
    return api.get("api/articles?limit=1", checker).object().getJsonNumber("total").longValue();
  }

  private static void refusedNamingUrl(Api.Reply reply) {
    assertEquals(400, reply.status(), reply.toString());
    assertTrue(reply.isProblem(), reply.toString());
    String detail = reply.object().getString("detail");
    assertTrue(detail.startsWith("url "), "the problem names the field: " + detail);
  }
}
