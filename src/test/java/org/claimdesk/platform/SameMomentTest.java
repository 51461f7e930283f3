package org.claimdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SameMomentTest {

  @Test
  void aUniqueViolationDeepInTheWrappersIsAConflict() {
    RollbackException commit = new RollbackException("commit failed");
    commit.initCause(
        new PersistenceException(
            "flush", new SQLException("Unique index or primary key violation", "23505")));
    Conflict conflict = SameMoment.in(commit).orElseThrow();
    assertEquals("problem.sameMoment", conflict.message().key());
    assertTrue(
        conflict.text(Locale.GERMAN).startsWith("Jemand anderes hat im selben Moment"),
        conflict.text(Locale.GERMAN));
  }

  @Test
  void otherDatabaseFailuresAreNot() {
    // a missing row behind a foreign key, a lost connection: failures, not a race to report
    assertTrue(SameMoment.in(new PersistenceException(new SQLException("fk", "23503"))).isEmpty());
    assertTrue(SameMoment.in(new SQLException("gone", "08006")).isEmpty());
    assertTrue(SameMoment.in(new IllegalStateException("no cause")).isEmpty());
  }
}
