package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.claimdesk.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What ClaimDesk acknowledged is on disk: with the default H2 file database ({@code
 * WRITE_DELAY=0}), rows committed right before a SIGKILL are all there after a restart, and a
 * restart does not import the demo articles a second time.
 */
class DurabilityIT {
  static final int WRITES = 50;

  @AfterAll
  static void noServerSurvives() {
    ServerProcess.killAllStillRunning();
  }

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() {
    Path dir = ServerProcess.newWorkDir("durability");
    Map<String, Long> acknowledged = new LinkedHashMap<>();
    String firstToken;
    String lastIssuedSecret = null;

    // Default database URL (jdbc:h2:file:./data/claimdesk;WRITE_DELAY=0), relative to the fresh
    // working directory.
    try (ServerProcess first = ServerProcess.in(dir).env("CLAIMDESK_DEMO", "true").start()) {
      first.awaitHealthy();
      assertTrue(
          first.log().contains("Demo data: 5 seed article(s) imported now."),
          "first start imports the 5 demo articles\n" + first.diagnosis());
      Api api = first.api();
      firstToken = api.tokenFor("factchecker");

      for (int i = 1; i <= WRITES; i++) {
        String name = String.format("durable-%02d", i);
        Api.Reply reply = api.post("api/tokens", firstToken, "{\"name\":\"" + name + "\"}");
        if (reply.status() != 201) {
          fail("write " + i + " was not acknowledged: " + reply);
        }
        JsonObject body = reply.object();
        assertEquals(name, body.getJsonObject("details").getString("name"));
        acknowledged.put(name, body.getJsonObject("details").getJsonNumber("id").longValue());
        lastIssuedSecret = body.getString("token");
      }
      // Right after the last acknowledgment: no graceful shutdown, no chance to flush anything.
      first.killHard();
    }

    assertTrue(
        Files.isRegularFile(dir.resolve("data/claimdesk.mv.db")),
        "the default H2 URL is relative to the working directory: "
            + dir.resolve("data/claimdesk.mv.db"));

    try (ServerProcess second = ServerProcess.in(dir).env("CLAIMDESK_DEMO", "true").start()) {
      second.awaitHealthy();
      Api api = second.api();

      Api.Reply list = api.get("api/tokens", firstToken);
      assertEquals(
          200, list.status(), "the token issued before the kill still authenticates: " + list);
      Map<String, Long> present = new TreeMap<>();
      list.json()
          .asJsonArray()
          .forEach(
              v ->
                  present.put(
                      v.asJsonObject().getString("name"),
                      v.asJsonObject().getJsonNumber("id").longValue()));
      Map<String, Long> missingOrChanged = new TreeMap<>();
      acknowledged.forEach(
          (name, id) -> {
            if (!id.equals(present.get(name))) {
              missingOrChanged.put(name, id);
            }
          });
      assertTrue(
          missingOrChanged.isEmpty(),
          missingOrChanged.size()
              + " of "
              + WRITES
              + " acknowledged writes are missing after SIGKILL + restart: "
              + missingOrChanged
              + "\npresent after restart: "
              + present);
      assertEquals(
          WRITES + 1,
          present.size(),
          "exactly the acknowledged tokens plus the first one: " + present);

      assertEquals(
          200,
          api.get("api/tokens", lastIssuedSecret).status(),
          "the last token acknowledged before the kill works after the restart");

      Api.Reply articles = api.get("api/articles", firstToken);
      assertEquals(200, articles.status(), articles.toString());
      assertEquals(
          5,
          articles.object().getJsonNumber("total").longValue(),
          "demo articles imported once, not again after the restart: " + articles);
      assertTrue(
          second.log().contains("Demo data: 0 seed article(s) imported now."),
          "the restart imports nothing\n" + second.diagnosis());

      second.stop();
    }
  }
}
