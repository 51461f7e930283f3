package org.claimdesk.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.ClaimDeskDataSource;
import org.claimdesk.platform.InvalidInput;

/**
 * What auditors see: the log filtered and paged, an entity's timeline, streamed exports,
 * verification and checkpoints. Read-only, and only for the AUDITOR role.
 */
@ApplicationScoped
public class AuditLog {
  /** Counting stops here, so a page turn never counts millions of rows. */
  public static final int COUNT_CAP = 10_000;

  static final int LONGEST_PAGE = 500;

  @Resource(lookup = ClaimDeskDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject Caller caller;
  @Inject AuditTrail trail;
  @Inject Clock clock;

  /** Newest first. With {@code beforeSeq} (keyset paging) the page starts below that event. */
  public List<AuditEvent> newestFirst(AuditFilter filter, Long beforeSeq, int offset, int limit) {
    caller.require(Role.AUDITOR);
    if (limit < 1 || limit > LONGEST_PAGE || offset < 0) {
      throw new InvalidInput("refusal.page.limitOffset", LONGEST_PAGE);
    }
    try (Connection c = dataSource.getConnection()) {
      return EventRows.newestFirst(c, filter, beforeSeq, offset, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the audit log", e);
    }
  }

  /** How many events match, counted up to {@link #COUNT_CAP} + 1 at most. */
  public int countUpToCap(AuditFilter filter) {
    caller.require(Role.AUDITOR);
    try (Connection c = dataSource.getConnection()) {
      return EventRows.countUpTo(c, filter, COUNT_CAP + 1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count the audit log", e);
    }
  }

  /** Every event of one thing (an account, an article), oldest first. */
  public List<AuditEvent> timeline(String entityType, String entityId) {
    return oldestFirst(new AuditFilter(null, null, entityType, entityId, null, null, null));
  }

  /**
   * A case's story, oldest first: its own events and those of everything that belongs to it (see
   * {@link AuditFilter}).
   */
  public List<AuditEvent> story(long caseId) {
    return oldestFirst(AuditFilter.ofCase(caseId));
  }

  private List<AuditEvent> oldestFirst(AuditFilter filter) {
    caller.require(Role.AUDITOR);
    List<AuditEvent> events = new ArrayList<>();
    walk(
        filter,
        "seq",
        event -> {
          events.add(event);
          return events.size() < LONGEST_PAGE * 10;
        });
    return events;
  }

  /** The actions the log records, by their readable names in this language. */
  public List<EventTexts.ActionName> actions(Locale language) {
    caller.require(Role.AUDITOR);
    return new EventTexts(language, username -> username).actions();
  }

  /** Streams matching events, oldest first, never holding them all in memory. */
  public interface Exporter {
    void streamTo(EventRows.Visitor visitor);
  }

  /**
   * Checks the caller now and streams later, when the response body is written (after the request's
   * status line: a refusal must come before that).
   */
  public Exporter exporter(AuditFilter filter) {
    caller.require(Role.AUDITOR);
    return visitor -> walk(filter, "seq", visitor);
  }

  /** Verifies against a checkpoint file's content (read only after the caller is checked). */
  public ChainVerifier.Report verifyAgainst(String checkpointJson) {
    caller.require(Role.AUDITOR);
    return verify(Optional.of(Checkpoint.fromJson(checkpointJson)));
  }

  public ChainVerifier.Report verify(Optional<Checkpoint> against) {
    caller.require(Role.AUDITOR);
    try (Connection c = dataSource.getConnection()) {
      return ChainVerifier.verify(c, against);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the audit log", e);
    }
  }

  /**
   * The whole chain verified, and how many of the {@code shown} events lie before its first break.
   * Only the whole chain proves a filtered view: its links are what show that no event between the
   * shown ones was removed, changed or reordered.
   */
  public record ShownVerification(ChainVerifier.Report chain, int shown, int shownIntact)
      implements java.io.Serializable {
    public boolean intact() {
      return shown == shownIntact && chain.intact();
    }
  }

  public ShownVerification verifyShown(List<AuditEvent> shown) {
    ChainVerifier.Report chain = verify(Optional.empty());
    int intact = (int) shown.stream().filter(e -> verifiedIntact(chain, e)).count();
    return new ShownVerification(chain, shown.size(), intact);
  }

  /** As {@link #verifyShown} for every event the filter selects. */
  public ShownVerification verifyShown(AuditFilter filter) {
    ChainVerifier.Report chain = verify(Optional.empty());
    int[] counted = new int[2];
    walk(
        filter,
        "seq",
        event -> {
          if (chain.intact() && event.seq() > chain.events()) {
            return false; // appended after the walk: not part of what was verified or shown
          }
          counted[0]++;
          if (verifiedIntact(chain, event)) {
            counted[1]++;
          }
          return true;
        });
    return new ShownVerification(chain, counted[0], counted[1]);
  }

  /** Before the first break, and not appended after the walk (seq numbers have no gaps). */
  private static boolean verifiedIntact(ChainVerifier.Report chain, AuditEvent event) {
    return chain.brokenAt() == null
        ? event.seq() <= chain.events()
        : event.seq() < chain.brokenAt();
  }

  /**
   * The current head as a checkpoint to keep outside ClaimDesk. Exporting it is itself recorded:
   * the trail shows who signed off which state when.
   */
  @Transactional
  public Checkpoint checkpoint() {
    caller.require(Role.AUDITOR);
    List<AuditEvent> newest = newestFirst(AuditFilter.EVERYTHING, null, 0, 1);
    if (newest.isEmpty()) {
      throw new IllegalStateException("The audit log is empty.");
    }
    AuditEvent head = newest.get(0);
    Checkpoint checkpoint =
        new Checkpoint(
            head.seq(), head.hash(), head.occurredAt(), clock.instant(), caller.username());
    trail.record(
        Change.about("audit.checkpoint-exported", "audit-event", String.valueOf(head.seq()))
            .set("hash", head.hash()));
    return checkpoint;
  }

  private void walk(AuditFilter filter, String order, EventRows.Visitor visitor) {
    try (Connection c = dataSource.getConnection()) {
      EventRows.walk(c, filter.where(), filter.parameters(), order, visitor);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the audit log", e);
    }
  }
}
