package org.claimdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./claimdesk compact}: a file that changes left large shrinks and keeps its data. */
class CompactCommandTest {
  @TempDir Path dir;

  @Test
  void aFileWithDeletedRowsShrinksAndKeepsWhatRemains() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("claimdesk");
    try (Connection c = DriverManager.getConnection(url, "claimdesk", "claimdesk");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(4000))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO note VALUES (?, ?)")) {
        for (int i = 0; i < 4_000; i++) {
          insert.setInt(1, i);
          insert.setString(2, "Notiz ".repeat(100) + i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      s.execute("DELETE FROM note WHERE id >= 100");
    }
    long before = Files.size(dir.resolve("claimdesk.mv.db"));
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();

    int exit =
        CompactCommand.run(
            Map.of("CLAIMDESK_DB_URL", url),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    long after = Files.size(dir.resolve("claimdesk.mv.db"));
    assertTrue(after < before / 4, before + " bytes before, " + after + " after");
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Compacted"), out.toString());
    try (Connection c = DriverManager.getConnection(url, "claimdesk", "claimdesk");
        ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM note")) {
      count.next();
      assertEquals(100, count.getInt(1));
    }
  }

  @Test
  void aMissingFileOrAnotherDatabaseIsRefusedWithoutCreatingAnything() {
    var err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    String missing = "jdbc:h2:file:" + dir.resolve("nothing-here");

    assertEquals(2, CompactCommand.run(Map.of("CLAIMDESK_DB_URL", missing), System.out, errors));
    assertTrue(Files.notExists(dir.resolve("nothing-here.mv.db")));
    assertEquals(
        2,
        CompactCommand.run(
            Map.of("CLAIMDESK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/claimdesk"),
            System.out,
            errors));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("autovacuum"), err.toString());
  }
}
