package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.claimdesk.testing.SchemaOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * ClaimDesk on a real PostgreSQL server, configured only through the documented environment
 * variables: Flyway creates the schema, the demo data arrives once with its German text intact, and
 * a restart finds the same accounts and articles. On PostgreSQL the append-only trigger binds
 * ClaimDesk's own database user, a non-superuser that owns its database: UPDATE, DELETE and
 * TRUNCATE of audit events are refused. A superuser who switches the trigger off for a moment to
 * change one byte is still caught, by the running server and by {@code ./claimdesk verify}.
 *
 * <p>One private PostgreSQL cluster and two starts serve the steps, in order: the first start, the
 * restart, on the restarted server the dashboard's figures (counted with PostgreSQL's SQL), and the
 * audit trail, last because it breaks the chain. A step that needs an earlier one is skipped, not
 * failed, when that one failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresIT {
  static final List<String> DEMO_ACCOUNTS =
      List.of("admin", "auditor", "factchecker", "factchecker2", "supervisor", "supervisor2");
  static final String TARGET_NAME = "pg-target-A";
  static final String TAMPERED_NAME = "pg-target-B";

  private final Path dir = ServerProcess.newWorkDir("postgres");
  private PostgresServer postgres;
  private Map<String, Seed> seeds;
  private Map<String, Long> accountsAfterFirstStart;
  private Map<String, Long> articleIdsAfterFirstStart;
  private String tokenFromFirstStart;
  private boolean firstStartChecked;
  private ServerProcess restarted;

  /** Demo tokens on the restarted server, each issued once: each costs a password hash there. */
  private final Map<String, String> restartedTokens = new HashMap<>();

  @BeforeAll
  void startPostgres() throws IOException {
    seeds = seedArticles();
    postgres = PostgresServer.start();
  }

  @AfterAll
  void stopEverything() {
    ServerProcess.killAllStillRunning();
    if (postgres != null) {
      postgres.close();
    }
  }

  private ServerProcess.Options claimDeskOnPostgres() {
    return ServerProcess.in(dir)
        .env("CLAIMDESK_DEMO", "true")
        .env("CLAIMDESK_DB_URL", postgres.jdbcUrl())
        .env("CLAIMDESK_DB_USER", postgres.user())
        .env("CLAIMDESK_DB_PASSWORD", postgres.password())
        .env("CLAIMDESK_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource");
  }

  /** The second start: begun by step 2, used by step 3 (which starts it if step 2 was skipped). */
  private ServerProcess restarted() {
    if (restarted == null) {
      restarted = claimDeskOnPostgres().start();
      restarted.awaitHealthy();
    }
    return restarted;
  }

  /** The demo account's token on the restarted server (the one step 2 checked, if it did). */
  private String restartedToken(String user) {
    return restartedTokens.computeIfAbsent(user, restarted().api()::tokenFor);
  }

  @Test
  @Order(1)
  void runsOnPostgresqlWithIntactText() throws Exception {
    try (ServerProcess first = claimDeskOnPostgres().start()) {
      first.awaitHealthy();
      Api api = first.api();
      assertFalse(
          Files.exists(dir.resolve("data")),
          "no H2 database next to a PostgreSQL-configured ClaimDesk");
      assertFalse(
          first.log().contains(postgres.password()),
          "the database password never appears in the log");

      tokenFromFirstStart = api.tokenFor("factchecker");
      articleIdsAfterFirstStart = assertArticlesIntact(api, tokenFromFirstStart, seeds);

      try (Connection db = postgres.connect()) {
        assertFlywayAppliedV1Once(db);
        accountsAfterFirstStart = accounts(db);
        assertEquals(
            DEMO_ACCOUNTS, List.copyOf(accountsAfterFirstStart.keySet()), "the six demo accounts");
        assertStoredTextsMatchSeeds(db, seeds);
      }
      first.stop();
      firstStartChecked = true;
    }
  }

  @Test
  @Order(2)
  void aRestartFindsTheSameAccountsAndArticles() throws Exception {
    assumeTrue(firstStartChecked, "needs the first start of step 1");
    ServerProcess second = restarted();
    Api api = second.api();
    assertTrue(
        second.log().contains("Demo data: 0 seed article(s) imported now."),
        "the restart imports nothing\n" + second.diagnosis());
    assertTrue(
        second.log().contains("(0 migration(s) applied now)"),
        "the restart applies no migration\n" + second.diagnosis());

    assertEquals(
        200,
        api.get("api/tokens", tokenFromFirstStart).status(),
        "a token issued before the restart still works");
    String supervisorToken =
        api.tokenFor("supervisor"); // HTTP Basic against the stored password hash
    restartedTokens.put("supervisor", supervisorToken);
    assertEquals(
        articleIdsAfterFirstStart,
        assertArticlesIntact(api, supervisorToken, seeds),
        "the same 5 articles, not new copies");

    try (Connection db = postgres.connect()) {
      assertEquals(
          accountsAfterFirstStart,
          accounts(db),
          "the same accounts (same ids), none created twice");
      assertFlywayAppliedV1Once(db);
      try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM article")) {
        rs.next();
        assertEquals(5, rs.getLong(1), "5 article rows after the restart");
      }
    }
  }

  /**
   * The dashboard's GROUP BY and percentile SQL on PostgreSQL, on a database that holds only what
   * this step makes: exact counts, and the median equal to the one computed here from the rows.
   */
  @Test
  @Order(3)
  void theDashboardCountsOnPostgresql() throws Exception {
    Api api = restarted().api();
    Desk desk = new Desk(api, this::restartedToken);
    long published = 0;
    for (String rating : List.of("FALSE", "TRUE", "FALSE")) {
      published = desk.publishedCase(rating).getJsonNumber("id").longValue();
    }
    desk.caseWorkedBy("factchecker2");

    // publication's queries on PostgreSQL: the ClaimReview and the public feed
    JsonObject review =
        api.get("api/cases/" + published + "/claimreview", restartedToken("factchecker")).object();
    SchemaOrg.requireValid(review);
    assertEquals(1, review.getJsonObject("reviewRating").getInt("ratingValue"));
    Api.Reply feed = api.get("api/claimreviews", null);
    assertEquals(200, feed.status(), feed.toString());
    assertEquals(3, feed.object().getJsonArray("dataFeedElement").size());
    SchemaOrg.requireValid(feed.object());
    JsonObject figures = api.get("api/dashboard?language=en", restartedToken("auditor")).object();

    assertEquals(4, figures.getJsonNumber("cases").longValue(), figures.toString());
    JsonObject byStatus = figures.getJsonObject("casesByStatus");
    assertEquals(1, byStatus.getInt("NEW"), figures.toString());
    assertEquals(3, byStatus.getInt("PUBLISHED"), figures.toString());
    assertEquals(0, figures.getJsonNumber("overdue").longValue());
    assertEquals(
        List.of("factchecker2 1 0"),
        figures.getJsonArray("people").getValuesAs(JsonObject.class).stream()
            .map(p -> p.getString("username") + " " + p.getInt("open") + " " + p.getInt("overdue"))
            .toList(),
        "published cases are nobody's open work");
    Map<String, Integer> byRating = new TreeMap<>();
    for (JsonObject r : figures.getJsonArray("verdictsByRating").getValuesAs(JsonObject.class)) {
      if (r.getInt("published") > 0) {
        byRating.put(r.getString("label"), r.getInt("published"));
      }
    }
    assertEquals(Map.of("False", 2, "True", 1), byRating);

    List<Double> seconds = new ArrayList<>();
    try (Connection db = postgres.connect();
        ResultSet r =
            db.createStatement()
                .executeQuery(
                    "SELECT c.opened_at, v.first_published_at FROM verdict v"
                        + " JOIN fact_case c ON c.id = v.case_id"
                        + " WHERE v.first_published_at IS NOT NULL")) {
      while (r.next()) {
        Duration d =
            Duration.between(
                r.getObject(1, OffsetDateTime.class), r.getObject(2, OffsetDateTime.class));
        seconds.add(d.getSeconds() + d.getNano() / 1e9);
      }
    }
    assertEquals(3, seconds.size());
    Collections.sort(seconds);
    assertEquals(
        seconds.get(1) / 86_400,
        figures.getJsonNumber("medianDaysToPublication").doubleValue(),
        1e-9,
        "the middle of three");

    // "My cases" as it opens walks the person's assignments (V13, kept by a plpgsql trigger): one
    // page at a time by key, the same cases in the same order as the whole queue shows them
    desk.caseWorkedBy("factchecker2");
    desk.caseWorkedBy("supervisor", "factchecker2");
    List<Long> expected =
        api
            .get(
                "api/cases?queue=all&sort=opened&order=desc&limit=500",
                restartedToken("supervisor"))
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(c -> c.getJsonArray("assignees").toString().contains("\"factchecker2\""))
            .map(c -> c.getJsonNumber("id").longValue())
            .toList();
    List<Long> walked = new ArrayList<>();
    String after = "";
    do {
      JsonObject page =
          api.get("api/cases?queue=mine&limit=1" + after, restartedToken("factchecker2")).object();
      page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .map(c -> c.getJsonNumber("id").longValue())
          .forEach(walked::add);
      after = page.containsKey("next") ? "&after=" + page.getString("next") : null;
    } while (after != null);
    assertEquals(3, expected.size(), expected.toString());
    assertEquals(expected, walked);
  }

  @Test
  @Order(4)
  void appendOnlyForTheAppUserAndASuperusersEditIsFound() throws Exception {
    try (Connection db = postgres.connect()) {
      assertEquals(
          List.of("false", postgres.user()),
          row(
              db,
              "SELECT rolsuper::text, pg_get_userbyid(d.datdba) FROM pg_roles r, pg_database d"
                  + " WHERE r.rolname = current_user AND d.datname = current_database()"),
          "ClaimDesk's role is no superuser and owns its database");
    }

    ServerProcess server = restarted();
    Api api = server.api();
    String factchecker = restartedToken("factchecker");
    String auditor = restartedToken("auditor");
    long targetId = 0;
    for (String name : List.of("pg-1", TARGET_NAME, "pg-2")) {
      Api.Reply issued = api.post("api/tokens", factchecker, "{\"name\":\"" + name + "\"}");
      assertEquals(201, issued.status(), issued.toString());
      if (name.equals(TARGET_NAME)) {
        targetId = issued.object().getJsonObject("details").getJsonNumber("id").longValue();
      }
    }
    Api.Reply found =
        api.get(
            "api/audit?entityType=api-token&action=api-token.issued&entityId=" + targetId, auditor);
    assertEquals(200, found.status(), found.toString());
    assertEquals(1, found.object().getJsonArray("items").size(), found.toString());
    long k = found.object().getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();

    JsonObject before = SigkillIT.verify(api, auditor);
    assertTrue(before.getBoolean("intact"), before.toString());
    VerifyCli cli =
        VerifyCli.withEnv("CLAIMDESK_DB_URL", postgres.jdbcUrl())
            .env("CLAIMDESK_DB_USER", postgres.user())
            .env("CLAIMDESK_DB_PASSWORD", postgres.password());
    VerifyCli.Result clean = cli.launcher();
    assertEquals(0, clean.exitCode(), clean.toString());
    assertTrue(clean.output().contains(" events, intact"), clean.toString());

    // ClaimDesk's own user: owner of the tables (Flyway ran as it), bound by the triggers.
    try (Connection db = postgres.connect()) {
      assertEquals(
          List.of(postgres.user()),
          row(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event'"));
      assertEquals(
          Map.of("audit_event_append_only", "O", "audit_event_no_truncate", "O"),
          triggers(db),
          "both triggers present and enabled");
      String changes = changesOf(db, k);
      long count = count(db);

      assertRefused(
          db, "UPDATE audit_event SET changes = changes || ' ' WHERE seq = " + k, "UPDATE");
      assertRefused(db, "UPDATE audit_event SET actor = 'nobody'", "UPDATE");
      assertRefused(db, "DELETE FROM audit_event WHERE seq = " + k, "DELETE");
      assertRefused(db, "DELETE FROM audit_event", "DELETE");
      // Plain TRUNCATE also trips over the chain head's foreign key; CASCADE (which would empty
      // the head too) gets past that and meets the trigger.
      SQLException truncate =
          assertThrows(SQLException.class, () -> execute(db, "TRUNCATE audit_event"));
      assertTrue(truncate.getMessage().contains("foreign key constraint"), truncate.getMessage());
      assertRefused(db, "TRUNCATE audit_event CASCADE", "TRUNCATE");

      assertEquals(changes, changesOf(db, k), "event " + k + " unchanged");
      assertEquals(count, count(db), "no event removed");
      assertEquals(
          List.of("1"), row(db, "SELECT count(*)::text FROM audit_chain_head"), "head kept");
    }
    assertTrue(SigkillIT.verify(api, auditor).getBoolean("intact"));

    // The superuser switches the trigger off inside one transaction, edits one byte, switches
    // it back on.
    postgres.psqlIn(
        postgres.database(),
        "BEGIN;"
            + " ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;"
            + " UPDATE audit_event SET changes = replace(changes, '"
            + TARGET_NAME
            + "', '"
            + TAMPERED_NAME
            + "') WHERE seq = "
            + k
            + ";"
            + " ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;"
            + " COMMIT;");
    try (Connection db = postgres.connect()) {
      String tampered = changesOf(db, k);
      assertTrue(tampered.contains(TAMPERED_NAME), "the edit happened: " + tampered);
      assertFalse(tampered.contains(TARGET_NAME), tampered);
      assertEquals(
          Map.of("audit_event_append_only", "O", "audit_event_no_truncate", "O"),
          triggers(db),
          "the trigger is back on");
    }

    JsonObject after = SigkillIT.verify(api, auditor);
    assertFalse(after.getBoolean("intact"), "the running server sees the edit: " + after);
    assertEquals(k, after.getJsonNumber("brokenAt").longValue(), after.toString());
    assertTrue(
        after.getString("problem").contains("its content does not match its hash"),
        after.toString());

    VerifyCli.Result broken = cli.launcher();
    assertEquals(1, broken.exitCode(), broken.toString());
    assertTrue(
        broken.output().startsWith("BROKEN at event " + k + ": its content does not match"),
        broken.toString());

    server.stop();
  }

  /**
   * /api/articles lists exactly the seeds; each article's title, bytes (SHA-256) and reading text
   * equal its seed file.
   */
  private static Map<String, Long> assertArticlesIntact(
      Api api, String token, Map<String, Seed> seeds) {
    Api.Reply list = api.get("api/articles?limit=50", token);
    assertEquals(200, list.status(), list.toString());
    assertEquals(5, list.object().getJsonNumber("total").longValue(), "5 demo articles: " + list);
    Map<String, Long> idsByTitle = new TreeMap<>();
    List<Executable> checks = new ArrayList<>();
    for (JsonValue value : list.object().getJsonArray("items")) {
      JsonObject item = value.asJsonObject();
      String title = item.getString("title");
      long id = item.getJsonNumber("id").longValue();
      idsByTitle.put(title, id);
      Seed seed = seeds.get(title);
      assertNotNull(
          seed,
          "title not among the seed titles (umlauts or quotes broken?): '"
              + title
              + "'; seeds: "
              + seeds.keySet());
      assertEquals(seed.sha256(), item.getString("sha256"), "original bytes of '" + title + "'");
      Api.Reply detail = api.get("api/articles/" + id, token);
      assertEquals(200, detail.status(), detail.toString());
      String text = detail.object().getString("text");
      checks.add(
          () ->
              assertEquals(
                  seed.text(), text, "reading text of '" + title + "' (" + seed.file() + ")"));
    }
    assertEquals(seeds.keySet(), idsByTitle.keySet(), "every seed article exactly once");
    assertAll(checks);
    return idsByTitle;
  }

  /**
   * Independent of ClaimDesk's own reading: what PostgreSQL holds is the seed text, character for
   * character.
   */
  private static void assertStoredTextsMatchSeeds(Connection db, Map<String, Seed> seeds)
      throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "SELECT a.title, r.reading_text, octet_length(a.original) FROM article a"
                + " JOIN article_revision r ON r.article_id = a.id AND r.number = 1"
                + " WHERE a.sha256 = ?")) {
      for (Seed seed : seeds.values()) {
        query.setString(1, seed.sha256());
        try (ResultSet rs = query.executeQuery()) {
          assertTrue(rs.next(), "row for " + seed.file());
          assertEquals(seed.title(), rs.getString(1));
          assertEquals(
              seed.text(),
              rs.getString(2),
              "reading_text of " + seed.file() + " as stored in PostgreSQL");
          assertEquals(seed.bytes(), rs.getInt(3), "original of " + seed.file());
        }
      }
    }
    try (ResultSet rs = db.createStatement().executeQuery("SHOW server_encoding")) {
      rs.next();
      assertEquals("UTF8", rs.getString(1));
    }
  }

  private static void assertFlywayAppliedV1Once(Connection db) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs =
        db.createStatement()
            .executeQuery(
                "SELECT version, description, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
      while (rs.next()) {
        rows.add(
            rs.getString("version")
                + " "
                + rs.getString("description")
                + " success="
                + rs.getBoolean("success"));
      }
    }
    assertFalse(rows.isEmpty(), "Flyway's history table has no migrations");
    assertEquals(
        "1 foundation success=true",
        rows.get(0),
        "V1 is recorded as applied successfully: " + rows);
    assertEquals(
        rows.size(), rows.stream().distinct().count(), "no migration recorded twice: " + rows);
    assertTrue(
        rows.stream().allMatch(r -> r.endsWith("success=true")),
        "every migration succeeded: " + rows);
  }

  private static Map<String, Long> accounts(Connection db) throws SQLException {
    Map<String, Long> accounts = new TreeMap<>();
    try (ResultSet rs = db.createStatement().executeQuery("SELECT username, id FROM account")) {
      while (rs.next()) {
        accounts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return accounts;
  }

  record Seed(String file, String title, String text, String sha256, int bytes) {}

  /**
   * The seed files as they are in the source tree: title from index.properties, reading text as the
   * cleaner makes it.
   */
  static Map<String, Seed> seedArticles() throws IOException {
    Path folder = ServerProcess.projectDir().resolve("src/main/resources/demo/articles");
    Properties index = new Properties();
    try (Reader in =
        Files.newBufferedReader(folder.resolve("index.properties"), StandardCharsets.UTF_8)) {
      index.load(in);
    }
    Map<String, Seed> seeds = new TreeMap<>();
    for (String file : index.stringPropertyNames()) {
      String title = index.getProperty(file).split("\\|", -1)[0].strip();
      byte[] bytes = Files.readAllBytes(folder.resolve(file));
      // the reading text is the cleaned seed; the original bytes stay the seed file
      String text = org.claimdesk.testing.SeedText.of(file);
      seeds.put(title, new Seed(file, title, text, sha256(bytes), bytes.length));
    }
    assertEquals(5, seeds.size(), "5 distinct seed titles in " + folder);
    // The comparison above is only meaningful because the seeds contain what breaks in a wrong
    // encoding.
    String all =
        String.join("", seeds.keySet())
            + seeds.values().stream().map(Seed::text).reduce("", String::concat);
    for (String special : List.of("ä", "ö", "ü", "ß", "„", "“", "–")) {
      assertTrue(all.contains(special), "the seed articles contain " + special);
    }
    return seeds;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertRefused(Connection db, String sql, String operation) {
    SQLException refused = assertThrows(SQLException.class, () -> execute(db, sql), sql);
    assertTrue(
        refused.getMessage().contains("audit_event is append-only: " + operation + " refused"),
        sql + ": " + refused.getMessage());
  }

  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> row(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), "a row from " + sql);
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      assertFalse(rs.next(), "one row from " + sql);
      return values;
    }
  }

  private static Map<String, String> triggers(Connection db) throws SQLException {
    Map<String, String> triggers = new TreeMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tgname, tgenabled::text FROM pg_trigger"
                    + " WHERE tgrelid = 'audit_event'::regclass AND NOT tgisinternal")) {
      while (rs.next()) {
        triggers.put(rs.getString(1), rs.getString(2));
      }
    }
    return triggers;
  }

  private static String changesOf(Connection db, long seq) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement("SELECT changes FROM audit_event WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "event " + seq + " exists");
        return rs.getString(1);
      }
    }
  }

  private static long count(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
