package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.claimdesk.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * ClaimDesk on a real PostgreSQL server, configured only through the documented environment
 * variables: Flyway creates the schema, the demo data arrives once with its German text intact, and
 * a restart finds the same accounts and articles.
 */
class PostgresIT {
  static final List<String> DEMO_ACCOUNTS =
      List.of("admin", "auditor", "factchecker", "factchecker2", "supervisor", "supervisor2");

  static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopEverything() {
    ServerProcess.killAllStillRunning();
    if (postgres != null) {
      postgres.close();
    }
  }

  private ServerProcess.Options claimDeskOnPostgres(Path dir) {
    return ServerProcess.in(dir)
        .env("CLAIMDESK_DEMO", "true")
        .env("CLAIMDESK_DB_URL", postgres.jdbcUrl())
        .env("CLAIMDESK_DB_USER", postgres.user())
        .env("CLAIMDESK_DB_PASSWORD", postgres.password())
        .env("CLAIMDESK_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource");
  }

  @Test
  void runsOnPostgresqlWithIntactTextAndSurvivesARestart() throws Exception {
    Map<String, Seed> seeds = seedArticles();
    Path dir = ServerProcess.newWorkDir("postgres");
    Map<String, Long> accountsAfterFirstStart;
    Map<String, Long> articleIdsAfterFirstStart;
    String tokenFromFirstStart;

    try (ServerProcess first = claimDeskOnPostgres(dir).start()) {
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
    }

    try (ServerProcess second = claimDeskOnPostgres(dir).start()) {
      second.awaitHealthy();
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
      second.stop();
    }
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
}
