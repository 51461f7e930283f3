package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.claimdesk.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A change and its audit event are one transaction, also when the process dies: four clients issue
 * API tokens as fast as they can, the server is SIGKILLed in the middle of the burst, and after a
 * restart on the same H2 file every acknowledged token is there with exactly one {@code
 * api-token.issued} event, no event names a token that does not exist, and the hash chain is
 * intact, for ClaimDesk and for {@code ./claimdesk verify} on the stopped file.
 */
class AuditCrashIT {
  static final int CLIENTS = 4;
  static final Duration BURST = Duration.ofSeconds(3);
  static final String ISSUED = "api-token.issued";

  @AfterAll
  static void noServerSurvives() {
    ServerProcess.killAllStillRunning();
  }

  @Test
  void everyAcknowledgedTokenHasExactlyOneEventAndTheChainSurvivesSigkill() throws Exception {
    Path dir = ServerProcess.newWorkDir("audit-crash");
    String dbUrl =
        "jdbc:h2:file:" + dir.resolve("data/claimdesk") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    Map<Long, String> acknowledged = new ConcurrentHashMap<>(); // token id -> name
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    List<Failure> failedAtKill = Collections.synchronizedList(new ArrayList<>());
    AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
    String factcheckerToken;
    String auditorToken;

    try (ServerProcess first = server(dir, dbUrl).start()) {
      first.awaitHealthy();
      Api api = first.api();
      factcheckerToken = api.tokenFor("factchecker");
      auditorToken = api.tokenFor("auditor");
      List<String> clientTokens = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clientTokens.add(api.tokenFor("factchecker"));
      }

      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      AtomicBoolean stop = new AtomicBoolean();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        String bearer = clientTokens.get(c);
        Api own = Api.at(first.baseUri());
        clients.submit(
            () -> {
              for (int n = 1; !stop.get(); n++) {
                String name = "burst-" + client + "-" + n;
                long started = System.nanoTime();
                try {
                  Api.Reply reply = own.post("api/tokens", bearer, "{\"name\":\"" + name + "\"}");
                  if (reply.status() == 201) {
                    JsonObject details = reply.object().getJsonObject("details");
                    acknowledged.put(details.getJsonNumber("id").longValue(), name);
                  } else {
                    unexpected.add(name + ": " + reply);
                  }
                } catch (UncheckedIOException e) {
                  if (killedAt.get() == Long.MAX_VALUE) {
                    unexpected.add(name + " failed before the kill: " + e);
                  } else {
                    failedAtKill.add(new Failure(started, e.getCause()));
                    return; // the server is gone
                  }
                } catch (RuntimeException e) {
                  unexpected.add(name + ": " + e);
                  return;
                }
              }
            });
      }
      ServerProcess.pause(BURST.toMillis());
      int acknowledgedBeforeKill = acknowledged.size();
      killedAt.set(System.nanoTime());
      first.killHard();
      long diedBy = System.nanoTime();
      stop.set(true);
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients ended");
      // In flight: sent before the process was gone and not refused, so the server had it.
      long inFlightAtKill =
          failedAtKill.stream()
              .filter(f -> f.startedNanos() < diedBy && !(f.cause() instanceof ConnectException))
              .count();

      System.out.printf(
          "[process-it] burst: %d tokens acknowledged (%d when the kill began), %d requests in"
              + " flight at the kill%n",
          acknowledged.size(), acknowledgedBeforeKill, inFlightAtKill);
      assertTrue(unexpected.isEmpty(), "every request before the kill got a 201: " + unexpected);
      assertTrue(
          acknowledged.size() >= 2 * CLIENTS,
          "a real burst: at least " + 2 * CLIENTS + " tokens acknowledged, " + acknowledged);
      assertTrue(
          inFlightAtKill > 0,
          "the kill hit requests in flight (the server was idle at the kill?): " + failedAtKill);
    }

    long eventsAfterRestart;
    try (ServerProcess second = server(dir, dbUrl).start()) {
      second.awaitHealthy();
      Api api = second.api();

      // All api-token.issued events first, then the tokens: nobody issues tokens in between.
      Map<Long, List<JsonObject>> eventsByToken = issuedEvents(api, auditorToken);
      Map<Long, String> tokens = new TreeMap<>();
      for (String bearer : List.of(factcheckerToken, auditorToken)) {
        Api.Reply list = api.get("api/tokens", bearer);
        assertEquals(200, list.status(), "tokens issued before the kill still work: " + list);
        for (JsonValue v : list.json().asJsonArray()) {
          tokens.put(
              v.asJsonObject().getJsonNumber("id").longValue(), v.asJsonObject().getString("name"));
        }
      }

      Map<Long, String> lost = new TreeMap<>(acknowledged);
      lost.keySet().removeAll(tokens.keySet());
      assertTrue(lost.isEmpty(), lost.size() + " acknowledged tokens are missing: " + lost);
      acknowledged.forEach(
          (id, name) ->
              assertEquals(name, tokens.get(id), "token " + id + " has the acknowledged name"));

      Map<Long, Integer> notOnce = new TreeMap<>();
      tokens.keySet().forEach(id -> count(eventsByToken, id, notOnce));
      assertTrue(
          notOnce.isEmpty(),
          "tokens without exactly one " + ISSUED + " event (id -> events): " + notOnce);
      Set<Long> orphans = new TreeSet<>(eventsByToken.keySet());
      orphans.removeAll(tokens.keySet());
      assertTrue(
          orphans.isEmpty(),
          ISSUED
              + " events of tokens that do not exist (owner factchecker or auditor): "
              + orphans);
      for (Map.Entry<Long, List<JsonObject>> e : eventsByToken.entrySet()) {
        JsonObject event = e.getValue().get(0);
        JsonObject changes =
            Json.createReader(new StringReader(event.getString("changes"))).readObject();
        assertEquals(
            tokens.get(e.getKey()),
            changes.getJsonObject("name").getString("after"),
            "the event of token " + e.getKey() + " records its name: " + event);
      }
      int committedUnacknowledged = tokens.size() - acknowledged.size() - 2 - CLIENTS;
      System.out.printf(
          "[process-it] after restart: %d tokens, %d %s events, %d committed without an"
              + " acknowledgment%n",
          tokens.size(), eventsByToken.size(), ISSUED, committedUnacknowledged);

      // The per-entity query an auditor would use, for every acknowledged token.
      for (Map.Entry<Long, String> e : new TreeMap<>(acknowledged).entrySet()) {
        Api.Reply reply =
            api.get(
                "api/audit?entityType=api-token&action="
                    + ISSUED
                    + "&entityId="
                    + e.getKey()
                    + "&limit=10",
                auditorToken);
        assertEquals(200, reply.status(), reply.toString());
        List<JsonValue> items = reply.object().getJsonArray("items");
        assertEquals(
            1, items.size(), "one " + ISSUED + " event of token " + e.getKey() + ": " + reply);
        assertEquals(String.valueOf(e.getKey()), items.get(0).asJsonObject().getString("entityId"));
      }

      JsonObject verified = verify(api, auditorToken);
      assertTrue(verified.getBoolean("intact"), "the chain is intact after SIGKILL: " + verified);
      assertTrue(
          verified.getJsonNumber("events").longValue() >= eventsByToken.size(),
          "the chain holds at least the token events: " + verified);

      // The chain goes on from the recovered head.
      assertEquals(
          201, api.post("api/tokens", factcheckerToken, "{\"name\":\"after-restart\"}").status());
      JsonObject afterAppend = verify(api, auditorToken);
      assertTrue(afterAppend.getBoolean("intact"), "intact after appending: " + afterAppend);
      assertTrue(
          afterAppend.getJsonNumber("events").longValue()
              > verified.getJsonNumber("events").longValue(),
          "the new token's event was appended: " + afterAppend);
      eventsAfterRestart = afterAppend.getJsonNumber("events").longValue();

      second.stop();
      assertFalse(second.isAlive());
    }

    assertTrue(Files.isRegularFile(dir.resolve("data/claimdesk.mv.db")));
    VerifyCli.Result cli = VerifyCli.withEnv("CLAIMDESK_DB_URL", dbUrl).launcher();
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(
        cli.output().startsWith(eventsAfterRestart + " events, intact"),
        "the CLI sees the same " + eventsAfterRestart + " events, intact: " + cli);
  }

  /** A request that failed when the server died. */
  record Failure(long startedNanos, Throwable cause) {}

  private static ServerProcess.Options server(Path dir, String dbUrl) {
    return ServerProcess.in(dir).env("CLAIMDESK_DEMO", "true").env("CLAIMDESK_DB_URL", dbUrl);
  }

  private static void count(Map<Long, List<JsonObject>> events, long id, Map<Long, Integer> bad) {
    int n = events.getOrDefault(id, List.of()).size();
    if (n != 1) {
      bad.put(id, n);
    }
  }

  /** Every api-token.issued event, paged newest first through the auditor API, by token id. */
  static Map<Long, List<JsonObject>> issuedEvents(Api api, String auditorToken) {
    Map<Long, List<JsonObject>> byToken = new TreeMap<>();
    String base =
        "api/audit?entityType=api-token&action="
            + URLEncoder.encode(ISSUED, StandardCharsets.UTF_8)
            + "&limit=500";
    Long before = null;
    Long previousSeq = null;
    for (int page = 0; page < 1000; page++) {
      Api.Reply reply = api.get(base + (before == null ? "" : "&before=" + before), auditorToken);
      assertEquals(200, reply.status(), reply.toString());
      JsonObject body = reply.object();
      for (JsonValue v : body.getJsonArray("items")) {
        JsonObject event = v.asJsonObject();
        long seq = event.getJsonNumber("seq").longValue();
        if (previousSeq != null && seq >= previousSeq) {
          fail("newest first: event " + seq + " after " + previousSeq);
        }
        previousSeq = seq;
        assertEquals(ISSUED, event.getString("action"));
        byToken
            .computeIfAbsent(Long.parseLong(event.getString("entityId")), k -> new ArrayList<>())
            .add(event);
      }
      if (!body.containsKey("next") || body.isNull("next")) {
        return byToken;
      }
      before = body.getJsonNumber("next").longValue();
    }
    throw new AssertionError("more than 1000 pages of " + ISSUED + " events");
  }

  static JsonObject verify(Api api, String auditorToken) {
    Api.Reply reply = api.get("api/audit/verify", auditorToken);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object();
  }
}
