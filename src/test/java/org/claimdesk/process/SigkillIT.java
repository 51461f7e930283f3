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
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What ClaimDesk acknowledged survives SIGKILL, and a change and its audit event are one
 * transaction also when the process dies.
 *
 * <p>One demo server on the default H2 file database ({@code ./data/claimdesk;WRITE_DELAY=0},
 * relative to its working directory) gets two kinds of writes: the supervisor issues {@value
 * #WRITES} API tokens one after the other, and before the last of them {@value #CLIENTS} clients
 * start issuing tokens as fast as they can. Right after the supervisor's last acknowledgment the
 * server is SIGKILLed, in the middle of the burst. It restarts once on the same file ({@link
 * #killMidBurstAndRestart()}), and each test checks one promise on the restarted server, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigkillIT {
  static final int WRITES = 50;
  static final int CLIENTS = 4;
  static final String ISSUED = "api-token.issued";

  /** How long the clients issue tokens before the supervisor's last write and the kill. */
  static final Duration BURST = Duration.ofSeconds(3);

  /** Bounds the wait for {@code 2 * CLIENTS} acknowledgments; they take a second or two. */
  static final Duration BURST_LIMIT = Duration.ofSeconds(120);

  private final Path dir = ServerProcess.newWorkDir("sigkill");
  private final Map<String, Long> sequential = new LinkedHashMap<>(); // supervisor's: name -> id
  private final Map<Long, String> burst = new ConcurrentHashMap<>(); // id -> name
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  private final List<Failure> failedAtKill = Collections.synchronizedList(new ArrayList<>());
  private String lastSequentialSecret;
  private long inFlightAtKill;
  private String firstLog;
  private String supervisorToken;
  private String factcheckerToken;
  private String auditorToken;
  private ServerProcess second;

  /** A request that failed when the server died. */
  record Failure(long startedNanos, Throwable cause) {}

  @BeforeAll
  void killMidBurstAndRestart() throws InterruptedException {
    try (ServerProcess first = demoServer()) {
      first.awaitHealthy();
      Api api = first.api();
      supervisorToken = api.tokenFor("supervisor");
      factcheckerToken = api.tokenFor("factchecker");
      auditorToken = api.tokenFor("auditor");
      List<String> clientTokens = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        // issued with a token, not a password: no 600,000-iteration hash per client
        Api.Reply reply =
            api.post("api/tokens", factcheckerToken, "{\"name\":\"client-" + c + "\"}");
        assertEquals(201, reply.status(), reply.toString());
        clientTokens.add(reply.object().getString("token"));
      }

      for (int i = 1; i < WRITES; i++) {
        issueSequential(api, i);
      }
      AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
      long diedBy;
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      try {
        long burstStarted = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
          clients.submit(burstClient(c, clientTokens.get(c), first, killedAt, stop));
        }
        while (System.nanoTime() - burstStarted < BURST.toNanos()
            || (burst.size() < 2 * CLIENTS && unexpected.isEmpty())) {
          if (System.nanoTime() - burstStarted > BURST_LIMIT.toNanos()) {
            fail("the burst did not get going: " + burst.size() + " tokens acknowledged");
          }
          ServerProcess.pause(50);
        }
        issueSequential(api, WRITES);
        // Right after the last acknowledgment: no graceful shutdown, no chance to flush anything.
        killedAt.set(System.nanoTime());
        first.killHard();
        diedBy = System.nanoTime();
      } finally {
        stop.set(true);
        clients.shutdown();
      }
      assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS), "the clients ended");
      // In flight: sent before the process was gone and not refused, so the server had it.
      long gone = diedBy;
      inFlightAtKill =
          failedAtKill.stream()
              .filter(f -> f.startedNanos() < gone && !(f.cause() instanceof ConnectException))
              .count();
      System.out.printf(
          "[process-it] burst: %d tokens acknowledged, %d requests in flight at the kill%n",
          burst.size(), inFlightAtKill);
      firstLog = first.log();
    }
    second = demoServer();
    second.awaitHealthy();
  }

  /** The supervisor's write number {@code i}; fails unless it is acknowledged. */
  private void issueSequential(Api api, int i) {
    String name = String.format("durable-%02d", i);
    Api.Reply reply = api.post("api/tokens", supervisorToken, "{\"name\":\"" + name + "\"}");
    if (reply.status() != 201) {
      fail("write " + i + " was not acknowledged: " + reply);
    }
    JsonObject body = reply.object();
    assertEquals(name, body.getJsonObject("details").getString("name"));
    sequential.put(name, body.getJsonObject("details").getJsonNumber("id").longValue());
    lastSequentialSecret = body.getString("token");
  }

  /** Issues tokens until {@code stop}; after the kill it ends at its first failed request. */
  private Runnable burstClient(
      int client, String bearer, ServerProcess server, AtomicLong killedAt, AtomicBoolean stop) {
    Api own = Api.at(server.baseUri());
    return () -> {
      for (int n = 1; !stop.get(); n++) {
        String name = "burst-" + client + "-" + n;
        long started = System.nanoTime();
        try {
          Api.Reply reply = own.post("api/tokens", bearer, "{\"name\":\"" + name + "\"}");
          if (reply.status() == 201) {
            JsonObject details = reply.object().getJsonObject("details");
            burst.put(details.getJsonNumber("id").longValue(), name);
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
    };
  }

  @AfterAll
  void noServerSurvives() {
    ServerProcess.killAllStillRunning();
  }

  @Test
  @Order(1)
  void theKillHitABurstWithRequestsInFlight() {
    assertTrue(
        firstLog.contains("Demo data: 5 seed article(s) imported now."),
        "the first start imports the 5 demo articles\n" + firstLog);
    assertTrue(
        Files.isRegularFile(dir.resolve("data/claimdesk.mv.db")),
        "the default H2 URL is relative to the working directory: "
            + dir.resolve("data/claimdesk.mv.db"));
    assertTrue(unexpected.isEmpty(), "every request before the kill got a 201: " + unexpected);
    assertTrue(
        burst.size() >= 2 * CLIENTS,
        "a real burst: at least " + 2 * CLIENTS + " tokens acknowledged, " + burst);
    assertTrue(
        inFlightAtKill > 0,
        "the kill hit requests in flight (the server was idle at the kill?): " + failedAtKill);
  }

  @Test
  @Order(2)
  void everyAcknowledgedWriteSurvivesSigkill() {
    Api api = second.api();

    Api.Reply list = api.get("api/tokens", supervisorToken);
    assertEquals(
        200, list.status(), "the token issued before the kill still authenticates: " + list);
    Map<String, Long> present = new TreeMap<>();
    for (JsonValue v : list.json().asJsonArray()) {
      present.put(
          v.asJsonObject().getString("name"), v.asJsonObject().getJsonNumber("id").longValue());
    }
    Map<String, Long> missingOrChanged = new TreeMap<>();
    sequential.forEach(
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
        "exactly the acknowledged tokens plus the supervisor's first one: " + present);
    assertEquals(
        200,
        api.get("api/tokens", lastSequentialSecret).status(),
        "the last token acknowledged before the kill works after the restart");

    Map<Long, String> burstPresent = tokensById(api, factcheckerToken);
    Map<Long, String> lost = new TreeMap<>(burst);
    lost.keySet().removeAll(burstPresent.keySet());
    assertTrue(lost.isEmpty(), lost.size() + " acknowledged burst tokens are missing: " + lost);
    burst.forEach(
        (id, name) ->
            assertEquals(name, burstPresent.get(id), "token " + id + " has the acknowledged name"));

    Api.Reply articles = api.get("api/articles", supervisorToken);
    assertEquals(200, articles.status(), articles.toString());
    assertEquals(
        5,
        articles.object().getJsonNumber("total").longValue(),
        "demo articles imported once, not again after the restart: " + articles);
    assertTrue(
        second.log().contains("Demo data: 0 seed article(s) imported now."),
        "the restart imports nothing\n" + second.diagnosis());
  }

  @Test
  @Order(3)
  void everyTokenHasExactlyOneIssuedEventAndNoEventNamesAMissingToken() {
    Api api = second.api();
    // All api-token.issued events first, then the tokens: nobody issues tokens in between.
    Map<Long, List<JsonObject>> eventsByToken = issuedEvents(api, auditorToken);
    Map<Long, String> tokens = new TreeMap<>();
    for (String bearer : List.of(supervisorToken, factcheckerToken, auditorToken)) {
      tokens.putAll(tokensById(api, bearer));
    }

    Map<Long, Integer> notOnce = new TreeMap<>();
    for (long id : tokens.keySet()) {
      int n = eventsByToken.getOrDefault(id, List.of()).size();
      if (n != 1) {
        notOnce.put(id, n);
      }
    }
    assertTrue(
        notOnce.isEmpty(),
        "tokens without exactly one " + ISSUED + " event (id -> events): " + notOnce);
    Set<Long> orphans = new TreeSet<>(eventsByToken.keySet());
    orphans.removeAll(tokens.keySet());
    assertTrue(
        orphans.isEmpty(),
        ISSUED
            + " events of tokens that do not exist (owner supervisor, factchecker or auditor): "
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
    int committedUnacknowledged = tokens.size() - burst.size() - WRITES - 3 - CLIENTS;
    System.out.printf(
        "[process-it] after restart: %d tokens, %d %s events, %d committed without an"
            + " acknowledgment%n",
        tokens.size(), eventsByToken.size(), ISSUED, committedUnacknowledged);

    // The per-entity query an auditor would use, for every acknowledged token.
    Set<Long> acknowledged = new TreeSet<>(burst.keySet());
    acknowledged.addAll(sequential.values());
    for (long id : acknowledged) {
      Api.Reply reply =
          api.get(
              "api/audit?entityType=api-token&action=" + ISSUED + "&entityId=" + id + "&limit=10",
              auditorToken);
      assertEquals(200, reply.status(), reply.toString());
      List<JsonValue> items = reply.object().getJsonArray("items");
      assertEquals(1, items.size(), "one " + ISSUED + " event of token " + id + ": " + reply);
      assertEquals(String.valueOf(id), items.get(0).asJsonObject().getString("entityId"));
    }
  }

  @Test
  @Order(4)
  void theChainIsIntactGoesOnAndTheCliAgreesOnTheStoppedFile() {
    Api api = second.api();
    JsonObject verified = verify(api, auditorToken);
    assertTrue(verified.getBoolean("intact"), "the chain is intact after SIGKILL: " + verified);
    assertTrue(
        verified.getJsonNumber("events").longValue() >= issuedEvents(api, auditorToken).size(),
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
    long eventsAfterRestart = afterAppend.getJsonNumber("events").longValue();

    second.stop();
    assertFalse(second.isAlive());
    String dbUrl =
        "jdbc:h2:file:" + dir.resolve("data/claimdesk") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    VerifyCli.Result cli = VerifyCli.withEnv("CLAIMDESK_DB_URL", dbUrl).launcher();
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(
        cli.output().startsWith(eventsAfterRestart + " events, intact"),
        "the CLI sees the same " + eventsAfterRestart + " events, intact: " + cli);
  }

  private ServerProcess demoServer() {
    // the default database URL (jdbc:h2:file:./data/claimdesk;WRITE_DELAY=0), in the work dir
    return ServerProcess.in(dir).env("CLAIMDESK_DEMO", "true").start();
  }

  /** The caller's own tokens, id -> name. */
  private static Map<Long, String> tokensById(Api api, String bearer) {
    Api.Reply list = api.get("api/tokens", bearer);
    assertEquals(200, list.status(), "tokens issued before the kill still work: " + list);
    Map<Long, String> tokens = new TreeMap<>();
    for (JsonValue v : list.json().asJsonArray()) {
      tokens.put(
          v.asJsonObject().getJsonNumber("id").longValue(), v.asJsonObject().getString("name"));
    }
    return tokens;
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

  /** {@code GET /api/audit/verify} as the auditor. */
  static JsonObject verify(Api api, String auditorToken) {
    Api.Reply reply = api.get("api/audit/verify", auditorToken);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object();
  }
}
