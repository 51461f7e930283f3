package org.claimdesk.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./claimdesk verify [--against checkpoint.json] [--write-checkpoint file]}: verifies the
 * audit chain straight from the database, with ClaimDesk stopped (H2 file) or running (PostgreSQL).
 * Exit code 0 intact, 1 broken, 2 the check could not run.
 */
public final class VerifyCommand {
  private VerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        err.println(
            "usage: verify [--url JDBC-URL] [--user U] [--password P] [--against checkpoint.json] [--write-checkpoint file]");
        return 2;
      }
      options.put(args[i].substring(2), args[++i]);
    }
    String url =
        options.getOrDefault(
            "url", env.getOrDefault("CLAIMDESK_DB_URL", "jdbc:h2:file:./data/claimdesk"));
    String user = options.getOrDefault("user", env.getOrDefault("CLAIMDESK_DB_USER", "claimdesk"));
    String password =
        options.getOrDefault("password", env.getOrDefault("CLAIMDESK_DB_PASSWORD", "claimdesk"));
    try {
      Optional<Checkpoint> against = Optional.empty();
      if (options.containsKey("against")) {
        against =
            Optional.of(
                Checkpoint.fromJson(
                    Files.readString(Path.of(options.get("against")), StandardCharsets.UTF_8)));
      }
      // never create an empty database where the person expected theirs
      String connectUrl =
          url.startsWith("jdbc:h2:file:") && !url.toUpperCase().contains("IFEXISTS")
              ? url + ";IFEXISTS=TRUE"
              : url;
      try (Connection connection = DriverManager.getConnection(connectUrl, user, password)) {
        connection.setReadOnly(true);
        ChainVerifier.Report report = ChainVerifier.verify(connection, against);
        out.println(report.summary());
        if (report.intact() && options.containsKey("write-checkpoint")) {
          Checkpoint checkpoint =
              new Checkpoint(
                  report.events(),
                  report.headHash(),
                  null,
                  Instant.now(),
                  "verify command (" + System.getProperty("user.name") + ")");
          Files.writeString(
              Path.of(options.get("write-checkpoint")),
              checkpoint.toJson() + "\n",
              StandardCharsets.UTF_8);
          out.println("Checkpoint written to " + options.get("write-checkpoint"));
        }
        return report.intact() ? 0 : 1;
      }
    } catch (SQLException e) {
      err.println(
          "Cannot read the audit log at "
              + url
              + ": "
              + e.getMessage()
              + (String.valueOf(e.getMessage()).contains("already in use")
                  ? " (ClaimDesk is still running on this H2 file: stop it first.)"
                  : ""));
      return 2;
    } catch (IOException e) {
      err.println("Cannot read the checkpoint file: " + e);
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
  }
}
