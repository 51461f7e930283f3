package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * ClaimDesk on a cluster, as ops/cluster runs it: PostgreSQL with a migration role and an
 * application role (ops/postgresql/roles.sql), Payara Micro nodes in one data grid (tcpip on
 * 127.0.0.1), nginx in front (ops/nginx/claimdesk.conf). The steps share the cluster, in order;
 * figures go to {@code target/cluster-figures.txt} for docs/benchmarks.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  /** Published bound of how long another node's change takes to become searchable here. */
  static final Duration STALENESS_BOUND = Duration.ofSeconds(5);

  static final String OWNER = "desk_owner";
  static final String APP = "desk_app";
  static final String DATABASE = "desk";

  private final Path dir = ServerProcess.newWorkDir("cluster");
  private final int gridA = ServerProcess.freeLoopbackPort();
  private final int gridB = ServerProcess.freeLoopbackPort();
  private final int gridC = ServerProcess.freeLoopbackPort();
  private final int balancerPort = ServerProcess.freeLoopbackPort();
  private final String ownerPassword = "owner-" + Long.toHexString(System.nanoTime());
  private final String appPassword = "app-" + Long.toHexString(System.nanoTime());
  private final List<String> figures = Collections.synchronizedList(new ArrayList<>());

  private PostgresServer postgres;
  private NginxServer nginx;
  private ServerProcess nodeA;
  private ServerProcess nodeB;
  private ServerProcess nodeC;
  private String factchecker;
  private String auditor;

  @BeforeAll
  void startCluster() {
    postgres = PostgresServer.start();
    postgres.psqlScript(
        Path.of("ops/postgresql/roles.sql"),
        Map.of(
            "owner", OWNER,
            "owner_password", ownerPassword,
            "app", APP,
            "app_password", appPassword,
            "database", DATABASE));
    // both at once: start-up work (migrations, the demo import) must still happen once
    nodeA = node("nodeA", gridA).start();
    nodeB = node("nodeB", gridB).start();
    nodeA.awaitHealthy();
    nodeB.awaitHealthy();
    nginx =
        NginxServer.start(dir.resolve("nginx"), balancerPort, List.of(nodeA.port(), nodeB.port()));
    factchecker = nodeA.api().tokenFor("factchecker");
    auditor = nodeA.api().tokenFor("auditor");
  }

  @AfterAll
  void stopCluster() throws Exception {
    Files.writeString(
        Path.of("target", "cluster-figures.txt"),
        String.join("\n", figures) + "\n",
        StandardCharsets.UTF_8);
    if (nginx != null) {
      nginx.close();
    }
    ServerProcess.killAllStillRunning();
    if (postgres != null) {
      postgres.close();
    }
  }

  private ServerProcess.Options node(String name, int grid) {
    return ServerProcess.in(dir.resolve(name))
        .clusterNode(name, grid, List.of(gridA, gridB, gridC))
        .env("CLAIMDESK_DEMO", "true")
        .env("CLAIMDESK_DB_URL", postgres.jdbcUrl(DATABASE))
        .env("CLAIMDESK_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource")
        .env("CLAIMDESK_DB_USER", APP)
        .env("CLAIMDESK_DB_PASSWORD", appPassword)
        .env("CLAIMDESK_DB_MIGRATION_USER", OWNER)
        .env("CLAIMDESK_DB_MIGRATION_PASSWORD", ownerPassword)
        .env("CLAIMDESK_INDEX_DIR", dir.resolve(name).resolve("index").toString())
        .env("CLAIMDESK_PUBLIC_URL", "http://127.0.0.1:" + balancerPort + "/");
  }

  @Test
  @Order(1)
  void theOwnerMigratesOnceAndTheApplicationRoleCannotTouchTheSchemaOrTheAuditTriggers()
      throws SQLException {
    try (Connection app =
            DriverManager.getConnection(postgres.jdbcUrl(DATABASE), APP, appPassword);
        Statement sql = app.createStatement()) {
      assertEquals(
          OWNER, single(sql, "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event'"));
      assertEquals("5", single(sql, "SELECT COUNT(*) FROM article"), "the demo import ran once");
      assertEquals(
          "1",
          single(sql, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1'"),
          "V1 applied once");
      SQLException trigger =
          assertThrows(
              SQLException.class, () -> sql.execute("ALTER TABLE audit_event DISABLE TRIGGER ALL"));
      assertTrue(trigger.getMessage().contains("must be owner"), trigger.getMessage());
      SQLException create =
          assertThrows(SQLException.class, () -> sql.execute("CREATE TABLE side_door (x INT)"));
      assertTrue(create.getMessage().contains("permission denied"), create.getMessage());
      SQLException edit =
          assertThrows(
              SQLException.class, () -> sql.execute("UPDATE audit_event SET actor = 'nobody'"));
      assertTrue(edit.getMessage().contains("append-only"), edit.getMessage());
    }
  }

  @Test
  @Order(2)
  void aSignedInFactCheckerLosesNeitherSessionNorTypedTextWhenTheirNodeIsKilled() throws Exception {
    long article = seedArticle(nodeA.api(), "Weißes Haus: Verteidigungspakt");
    String statement = "Cluster-Test: Kirby nennt das Abkommen ein Zeichen der Verzweiflung.";
    WebDriver driver = Browser.open("de");
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      String lb = nginx.baseUri().toString();
      driver.get(lb + "login.xhtml");
      driver.findElement(By.id("login:username")).sendKeys("factchecker");
      driver.findElement(By.id("login:password")).sendKeys(Api.DEMO_PASSWORD);
      driver.findElement(By.id("login:submit")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("header:logout")));

      driver.get(lb + "articles/read.xhtml?id=" + article);
      WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.id("article-text")));
      ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", text);
      Actions keys = new Actions(driver);
      keys.sendKeys(Keys.ARROW_DOWN).perform();
      keys.sendKeys("n").perform();
      WebElement field =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("capture:statement")));
      waitForAjax(driver, wait);
      field.clear();
      field.sendKeys(statement);

      int sessionNode =
          nginx
              .lastNodeFor("/articles/read.xhtml")
              .orElseThrow(
                  () -> new AssertionError("nginx logged the reader\n" + nginx.accessLog()));
      ServerProcess victim = sessionNode == nodeA.port() ? nodeA : nodeB;
      ServerProcess survivor = victim == nodeA ? nodeB : nodeA;
      Thread.sleep(1000); // a person types for longer than the grid takes to copy the session
      victim.killHard();

      try {
        long clicked = System.nanoTime();
        driver.findElement(By.id("capture:save")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("capture:statement")));
        waitForAjax(driver, wait);
        double pause = (System.nanoTime() - clicked) / 1e9;
        figures.add(String.format("failover: save after SIGKILL answered in %.2f s", pause));

        assertFalse(driver.getCurrentUrl().contains("login"), driver.getCurrentUrl());
        assertEquals(
            survivor.port(),
            nginx.lastNodeFor("POST /articles/read.xhtml").orElseThrow(),
            "the save went to the other node\n" + nginx.accessLog());
        List<String> statements =
            survivor
                .api()
                .get("api/claims?limit=20", factchecker)
                .object()
                .getJsonArray("items")
                .stream()
                .map(c -> c.asJsonObject().getString("statement"))
                .toList();
        assertTrue(statements.contains(statement), "the typed statement was saved: " + statements);
        driver.get(lb + "index.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("header:logout")));
      } finally {
        // the killed node comes back under its name and takes its share again
        boolean wasA = victim == nodeA;
        ServerProcess back = node(wasA ? "nodeA" : "nodeB", wasA ? gridA : gridB).start();
        back.awaitHealthy();
        if (wasA) {
          nodeA = back;
        } else {
          nodeB = back;
        }
        nginx.reconfigure(List.of(nodeA.port(), nodeB.port()));
      }
    } finally {
      Browser.screenshot(driver, "cluster-failover");
      driver.quit();
    }
  }

  @Test
  @Order(3)
  void aClaimCapturedOnOneNodeIsSimilarAndSearchableOnTheOtherWithinTheBound() {
    long article = seedArticle(nodeA.api(), "Weißes Haus: Verteidigungspakt");
    Api a = nodeA.api();
    Api b = nodeB.api();
    long first =
        capture(b, article, "Russland liefert Nordkorea Waffen für den Krieg gegen die Ukraine.");
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String word = "Clusterwort" + i + "x" + Long.toHexString(System.nanoTime());
      long id =
          capture(a, article, "Russland liefert Nordkorea Waffen " + word + " gegen die Ukraine.");
      assertEquals(1, hits(a, word), "read-your-writes on the node that captured it");
      long t0 = System.nanoTime();
      while (hits(b, word) == 0) {
        assertTrue(
            System.nanoTime() - t0 < STALENESS_BOUND.toNanos(),
            "node B found " + word + " within " + STALENESS_BOUND + "\n" + nodeB.tail(40));
        sleep(20);
      }
      waits.add((System.nanoTime() - t0) / 1_000_000);
      if (i == 0) {
        List<Long> similar =
            b.get("api/claims/" + first + "/similar", factchecker).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> "CLAIM".equals(m.getString("kind")))
                .map(m -> m.getJsonNumber("id").longValue())
                .toList();
        assertTrue(similar.contains(id), "B offers A's claim as similar: " + similar);
      }
    }
    Collections.sort(waits);
    figures.add(
        String.format(
            "search staleness across nodes (%d claims): p50 %d ms, max %d ms",
            waits.size(), waits.get(waits.size() / 2), waits.get(waits.size() - 1)));

    Api.Reply opened =
        a.post(
            "api/cases",
            nodeA.api().tokenFor("supervisor"),
            "{\"claimId\":" + first + ",\"selectionReason\":\"Widerspricht Moskaus Angaben\"}");
    assertEquals(201, opened.status(), opened.toString());
    long caseId = opened.object().getJsonNumber("id").longValue();
    String supervisor = nodeA.api().tokenFor("supervisor");
    long version =
        a.get("api/cases/" + caseId, supervisor).object().getJsonNumber("version").longValue();
    Api.Reply patched =
        a.send(
            "PATCH",
            "api/cases/" + caseId,
            supervisor,
            "{\"version\":"
                + version
                + ",\"title\":\"Auf Knoten A geändert\",\"priority\":\"HIGH\"}");
    assertEquals(200, patched.status(), patched.toString());
    JsonObject onB = b.get("api/cases/" + caseId, supervisor).object();
    assertEquals("Auf Knoten A geändert", onB.getString("title"));
    assertEquals("HIGH", onB.getString("priority"));
  }

  @Test
  @Order(4)
  void concurrentWritesThroughBothNodesKeepTheChainWhileAThirdNodeJoins() throws Exception {
    Duration load = Duration.ofSeconds(30);
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      Api here = thread < 4 ? nodeA.api() : nodeB.api();
      Api there = thread < 4 ? nodeB.api() : nodeA.api();
      work.add(
          writers.submit(
              () -> {
                for (int i = 0; running.get(); i++) {
                  String name = "Zeugin T" + thread + "N" + i + " Clusterlast";
                  Api.Reply made =
                      here.post("api/claimants", factchecker, "{\"name\":\"" + name + "\"}");
                  if (made.status() != 201) {
                    failures.add("create " + name + ": " + made);
                    continue;
                  }
                  long id = made.object().getJsonNumber("id").longValue();
                  long version = made.object().getJsonNumber("version").longValue();
                  acknowledged.put(id, name);
                  // renamed through the other node: it reads what this one just wrote
                  String renamed = name + " umbenannt";
                  Api.Reply rename =
                      there.send(
                          "PUT",
                          "api/claimants/" + id,
                          factchecker,
                          "{\"version\":" + version + ",\"name\":\"" + renamed + "\"}");
                  if (rename.status() == 200) {
                    acknowledged.put(id, renamed);
                  } else if (rename.status() == 409) {
                    conflicts.incrementAndGet();
                  } else {
                    failures.add("rename " + id + ": " + rename);
                  }
                }
              }));
    }
    // a third node joins while the writes run
    sleep(5000);
    nodeC = node("nodeC", gridC).start();
    nodeC.awaitHealthy();
    while (System.nanoTime() - started < load.toNanos()) {
      sleep(200);
    }
    running.set(false);
    for (Future<?> f : work) {
      f.get(2, TimeUnit.MINUTES);
    }
    writers.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    figures.add(
        String.format(
            "concurrent writes: %d claimants created and renamed through 2 nodes x 4 threads in"
                + " %.0f s (%.1f writes/s), %d conflicts",
            acknowledged.size(), seconds, 2 * acknowledged.size() / seconds, conflicts.get()));
    assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())));
    assertTrue(acknowledged.size() > 40, "writes went through: " + acknowledged.size());

    try (Connection app =
            DriverManager.getConnection(postgres.jdbcUrl(DATABASE), APP, appPassword);
        Statement sql = app.createStatement();
        ResultSet seq = sql.executeQuery("SELECT COUNT(*), MIN(seq), MAX(seq) FROM audit_event")) {
      seq.next();
      assertEquals(1, seq.getLong(2));
      assertEquals(seq.getLong(1), seq.getLong(3), "audit seq has no gaps across the nodes");
    }
    JsonObject verified = nodeB.api().get("api/audit/verify", auditor).object();
    assertTrue(verified.getBoolean("intact"), verified.toString());

    // the new node catches up and finds what the others wrote
    long t0 = System.nanoTime();
    while (true) {
      JsonObject search = nodeC.api().get("api/health", null).object().getJsonObject("search");
      if (search.getJsonNumber("appliedSeq").longValue()
          >= search.getJsonNumber("headSeq").longValue()) {
        break;
      }
      assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(60).toNanos(), search.toString());
      sleep(100);
    }
    List<String> sample = acknowledged.values().stream().sorted().limit(10).toList();
    for (String name : sample) {
      assertTrue(claimantHits(nodeC.api(), name) >= 1, "node C finds claimant '" + name + "'");
    }

    // every acknowledged write survives a restart of both writing nodes
    nodeA.stop();
    nodeB.stop();
    nodeA = node("nodeA", gridA).start();
    nodeB = node("nodeB", gridB).start();
    nodeA.awaitHealthy();
    nodeB.awaitHealthy();
    for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
      Api.Reply got = nodeA.api().get("api/claimants/" + e.getKey(), factchecker);
      assertEquals(200, got.status(), got.toString());
      assertEquals(e.getValue(), got.object().getString("name"));
    }
    assertTrue(nodeB.api().get("api/audit/verify", auditor).object().getBoolean("intact"));
  }

  @Test
  @Order(5)
  void disablingAnAccountOnOneNodeEndsItsSessionsOnEveryNode() {
    String session = nodeB.api().sessionFor("factchecker2");
    // the same session used on node C, which loads it from the data grid
    assertEquals(200, page(nodeC, session), "signed in on C with B's session");
    assertEquals(200, page(nodeB, session));
    String admin = nodeA.api().tokenFor("admin");
    Api.Reply disabled = nodeA.api().post("api/accounts/factchecker2/disable", admin, "{}");
    assertEquals(200, disabled.status(), disabled.toString());
    try {
      long t0 = System.nanoTime();
      while (page(nodeB, session) == 200 || page(nodeC, session) == 200) {
        assertTrue(
            System.nanoTime() - t0 < STALENESS_BOUND.toNanos(),
            "the session ended on B and C within " + STALENESS_BOUND);
        sleep(50);
      }
      figures.add(
          String.format(
              "a disabled account's sessions ended on the other nodes after %d ms",
              (System.nanoTime() - t0) / 1_000_000));
    } finally {
      nodeA.api().post("api/accounts/factchecker2/enable", admin, "{}");
    }
  }

  /** The dashboard's status with this session cookie: 200 signed in, 302 to the login page. */
  private static int page(ServerProcess node, String sessionCookie) {
    return node.api().get("index.xhtml", null, "Cookie", sessionCookie).status();
  }

  // ------------------------------------------------------------------ helpers

  private long seedArticle(Api api, String titleStart) {
    for (JsonValue item :
        api.get("api/articles?limit=200", factchecker).object().getJsonArray("items")) {
      if (item.asJsonObject().getString("title").startsWith(titleStart)) {
        return item.asJsonObject().getJsonNumber("id").longValue();
      }
    }
    throw new AssertionError("no seed article " + titleStart);
  }

  private long capture(Api api, long article, String statement) {
    String text = api.get("api/articles/" + article, factchecker).object().getString("text");
    int end = text.indexOf('.') + 1;
    Api.Reply reply =
        api.post(
            "api/claims",
            factchecker,
            Json.createObjectBuilder()
                .add("articleId", article)
                .add("start", 0)
                .add("end", end)
                .add("statement", statement)
                .build()
                .toString());
    assertEquals(201, reply.status(), reply.toString());
    return reply.object().getJsonNumber("id").longValue();
  }

  private int hits(Api api, String word) {
    Api.Reply reply = api.get("api/search?kind=claim&q=" + word, factchecker);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getInt("total");
  }

  private int claimantHits(Api api, String name) {
    String q = java.net.URLEncoder.encode("\"" + name + "\"", StandardCharsets.UTF_8);
    Api.Reply reply = api.get("api/search?kind=claimant&q=" + q, factchecker);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getInt("total");
  }

  private static String single(Statement sql, String query) throws SQLException {
    try (ResultSet rs = sql.executeQuery(query)) {
      assertTrue(rs.next(), query);
      return rs.getString(1);
    }
  }

  private static void waitForAjax(WebDriver driver, WebDriverWait wait) {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return !!window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty()"
                            + " && document.readyState === 'complete'")));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
