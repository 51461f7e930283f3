package org.claimdesk.platform;

import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Two requests that both found a name or a slot free and both wrote it (two checkers opening a case
 * on one claim, two supervisors registering one source): the database's unique index stops the
 * second. For the person that is a conflict to reload and look at, like a stale version, so the web
 * pages and the API answer it as one (409), never as a failure.
 */
public final class SameMoment {
  /** SQLState of a unique violation, on H2 and PostgreSQL alike. */
  static final String UNIQUE_VIOLATION = "23505";

  private static final Logger LOG = Logger.getLogger(SameMoment.class.getName());

  private SameMoment() {}

  /** The conflict to report when a unique index refused the write somewhere in {@code thrown}. */
  public static Optional<Conflict> in(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        // kept in the log: a unique violation no race explains would be a bug to look at
        LOG.info(
            () -> "A unique index refused a write made at the same moment: " + sql.getMessage());
        return Optional.of(new Conflict("problem.sameMoment"));
      }
    }
    return Optional.empty();
  }
}
