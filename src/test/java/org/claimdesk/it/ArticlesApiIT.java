package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Articles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo articles through the REST API, text intact. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArticlesApiIT {
  @ArquillianResource URL deployment;
  Api api;
  String token;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    token = api.sharedToken("factchecker");
  }

  @Test
  void everyRoleReadsTheFiveSeedArticles() {
    for (String user : new String[] {"factchecker", "supervisor", "auditor", "admin"}) {
      Api.Reply reply = api.get("api/articles", api.sharedToken(user));
      assertEquals(200, reply.status(), user);
      assertTrue(reply.object().getInt("total") >= 5, user);
    }
  }

  @Test
  void theOriginalIsTheSeedFileByteForByteAndTheReadingTextIsClean() throws IOException {
    Set<String> seen = new HashSet<>();
    for (JsonObject item : Articles.oldestFirst(api, token)) {
      String seed = seedWithHash(item.getString("sha256"));
      if (seed == null) {
        continue; // imported by another test
      }
      long id = item.getJsonNumber("id").longValue();
      byte[] original = api.download("api/articles/" + id + "/original", token).body();
      assertEquals(seed, new String(original, StandardCharsets.UTF_8), item.getString("title"));
      String text = api.get("api/articles/" + id, token).object().getString("text");
      for (String boilerplate :
          new String[] {"Schreibe einen Kommentar", "Siehe auch", "CNN\n—", "nach dem Film"}) {
        assertFalse(text.contains(boilerplate), boilerplate + " in " + item.getString("title"));
      }
      assertFalse(text.contains("am 15.\nAugust"), "broken line joined");
      seen.add(item.getString("sha256"));
    }
    assertEquals(5, seen.size());
  }

  @Test
  void germanTypographyArrivesIntact() {
    String all =
        Articles.oldestFirst(api, token).stream()
            .filter(i -> isSeed(i.getString("sha256")))
            .map(
                i ->
                    api.get("api/articles/" + i.getJsonNumber("id").longValue(), token)
                        .object()
                        .getString("text"))
            .reduce("", String::concat);
    for (String expected :
        new String[] {
          "Weißen Hauses",
          "Überraschung",
          "„unglaublich besorgniserregend“",
          "Pjöngjang",
          "Atomprogramms"
        }) {
      assertTrue(all.contains(expected), expected);
    }
  }

  @Test
  void pagingIsBoundedAndValidated() {
    JsonObject page = api.get("api/articles?offset=2&limit=2", token).object();
    assertEquals(2, page.getJsonArray("items").size());
    assertTrue(page.getInt("total") >= 5);
    for (String bad : new String[] {"limit=0", "limit=201", "offset=-1"}) {
      Api.Reply reply = api.get("api/articles?" + bad, token);
      assertEquals(400, reply.status(), bad);
      assertTrue(reply.isProblem(), bad);
    }
  }

  @Test
  void anUnknownArticleIs404ProblemJson() {
    Api.Reply reply = api.get("api/articles/987654", token);
    assertEquals(404, reply.status());
    assertTrue(reply.isProblem());
    assertTrue(reply.object().getString("detail").contains("987654"));
    Api.Reply notANumber = api.get("api/articles/abc", token);
    assertEquals(404, notANumber.status());
    assertTrue(notANumber.isProblem());
  }

  /** The seed file (shipped with the WAR resources) with this SHA-256, or null. */
  private static boolean isSeed(String sha256) {
    try {
      return seedWithHash(sha256) != null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String seedWithHash(String sha256) throws IOException {
    for (String name :
        new String[] {
          "000_da7b1f475156277f.txt",
          "001_c92052077ae66e60.txt",
          "002_2f1474f60fdc96d6.txt",
          "003_cf013e87bb0c4974.txt",
          "004_13fc5d182ca531a0.txt"
        }) {
      try (InputStream in =
          ArticlesApiIT.class.getClassLoader().getResourceAsStream("demo/articles/" + name)) {
        byte[] bytes = in.readAllBytes();
        if (org.claimdesk.platform.Sha256.hex(bytes).equals(sha256)) {
          return new String(bytes, StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }
}
