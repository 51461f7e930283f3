package org.claimdesk.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * {@code ./claimdesk compact}: rewrites a stopped ClaimDesk's H2 file without the space that
 * changes left behind (H2's {@code SHUTDOWN COMPACT}). H2 appends every change and reclaims old
 * space only partly while running, so a busy file grows well beyond its data. PostgreSQL needs no
 * such step (autovacuum). Exit code 0 compacted, 2 it could not run.
 */
public final class CompactCommand {
  private CompactCommand() {}

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err));
  }

  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    String url = env.getOrDefault("CLAIMDESK_DB_URL", "jdbc:h2:file:./data/claimdesk");
    if (!url.startsWith("jdbc:h2:file:")) {
      err.println(
          "Only an H2 file database is compacted; "
              + url.replaceAll("(?i)(password=)[^;&]*", "$1***")
              + " is not one (PostgreSQL reclaims space by itself: autovacuum).");
      return 2;
    }
    Path file = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db");
    try {
      long before = Files.size(file);
      // never create an empty database where the person expected theirs
      try (Connection connection =
              DriverManager.getConnection(
                  url + ";IFEXISTS=TRUE",
                  env.getOrDefault("CLAIMDESK_DB_USER", "claimdesk"),
                  env.getOrDefault("CLAIMDESK_DB_PASSWORD", "claimdesk"));
          Statement statement = connection.createStatement()) {
        long started = System.nanoTime();
        statement.execute("SHUTDOWN COMPACT");
        long after = Files.size(file);
        out.printf(
            "Compacted %s: %,d MB before, %,d MB after (%.1f s).%n",
            file, before >> 20, after >> 20, (System.nanoTime() - started) / 1e9);
      }
      return 0;
    } catch (IOException e) {
      err.println("No H2 database file at " + file + ": " + e.getMessage());
      return 2;
    } catch (SQLException e) {
      err.println(
          "Cannot compact "
              + file
              + ": "
              + e.getMessage()
              + (String.valueOf(e.getMessage()).contains("already in use")
                  ? " (ClaimDesk is still running on this H2 file: stop it first.)"
                  : ""));
      return 2;
    }
  }
}
