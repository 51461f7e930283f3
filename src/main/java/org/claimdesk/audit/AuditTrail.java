package org.claimdesk.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.identity.Caller;
import org.claimdesk.platform.RequestOrigin;

/**
 * The one way changes get into the audit trail. Services call {@link #record} inside the
 * transaction of the change itself: no change without its event, no event without its change.
 */
@ApplicationScoped
public class AuditTrail {
  /** The actor of work nobody asked for in a request, such as loading the demo data. */
  public static final String SYSTEM = "system";

  /** The actor of a request nobody could be identified for, such as a wrong API token. */
  public static final String ANONYMOUS = "anonymous";

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject RequestOrigin origin;
  @Inject Clock clock;

  /** Records the change in the caller's transaction (there must be one). */
  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEvent record(Change change) {
    return append(change);
  }

  /**
   * Records an event in a transaction of its own, for what must stay on record although the request
   * fails: refused access, rejected tokens.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public AuditEvent recordAlone(Change change) {
    return append(change);
  }

  /**
   * Takes the chain's lock now instead of at the first {@link #record}: until the caller's
   * transaction ends, no other audited change commits, on any node. What the caller checks after
   * this (is this article new?) then stays true until it commits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void holdChain() {
    em.find(ChainHead.class, ChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Appends generated events in the caller's transaction, batched over its JDBC connection: only
   * for the benchmark generator, whose cases are written the same way. Chained and locked like
   * {@link #record}; the events carry their own actors, as the generator invents them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordGenerated(Connection connection, List<AuditEvent.Content> contents)
      throws SQLException {
    em.flush();
    ChainHead head = em.find(ChainHead.class, ChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    List<AuditEvent> events = new ArrayList<>(contents.size());
    long seq = head.nextSeq();
    String prevHash = head.lastHash();
    for (AuditEvent.Content content : contents) {
      AuditEvent event = AuditEvent.append(seq++, prevHash, content);
      events.add(event);
      prevHash = event.hash();
    }
    EventRows.insert(connection, events);
    events.forEach(head::advanceTo);
  }

  private AuditEvent append(Change change) {
    change.entity().ifPresent(AuditedEntityGuard::markAudited);
    em.flush(); // the change reaches the database first: final version, and the guard sees the mark
    ChainHead head = em.find(ChainHead.class, ChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    AuditEvent event = AuditEvent.append(head.nextSeq(), head.lastHash(), content(change));
    em.persist(event);
    em.flush(); // the event row exists before the head refers to it
    head.advanceTo(event);
    return event;
  }

  private AuditEvent.Content content(Change change) {
    String actor;
    String roles;
    if (change.actor().isPresent()) {
      actor = change.actor().get();
      roles = change.actorRoles();
    } else if (caller.authenticated()) {
      actor = caller.username();
      roles = String.join(",", caller.roleNames());
    } else {
      actor = origin.requestId().isPresent() ? ANONYMOUS : SYSTEM;
      roles = "";
    }
    return new AuditEvent.Content(
        clock.instant(),
        actor,
        roles,
        change.action(),
        change.entityType(),
        change.entityId(),
        change.caseId(),
        change.entity().map(Audited::version).orElse(null),
        change.changesJson(),
        change.reason(),
        origin.requestId().orElse(null),
        origin.clientAddress().orElse(null));
  }
}
