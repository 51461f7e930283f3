package org.claimdesk.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.CaseAssigned;
import org.claimdesk.casework.CaseMoved;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Note;
import org.claimdesk.casework.NoteWritten;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.NotFound;

/**
 * Each person's inbox. Entries arrive through events of the features that cause them, in the
 * transaction of the change itself (a rolled-back assignment leaves no entry); everybody reads and
 * marks only their own.
 */
@ApplicationScoped
@Transactional
public class Inbox {
  static final int LONGEST_PAGE = 200;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  /** The caller's entries, newest first, paged by key ({@code before} = the last id seen). */
  public List<InboxItem> newestFirst(boolean unreadOnly, Long before, int limit) {
    return entries(null, unreadOnly, before, limit);
  }

  /** The caller's newest entries of one kind (the mentions on "My cases"). */
  public List<InboxItem> newestOf(InboxEntry.Kind kind, int limit) {
    return entries(kind, false, null, limit);
  }

  private List<InboxItem> entries(
      InboxEntry.Kind kind, boolean unreadOnly, Long before, int limit) {
    caller.require(Role.values());
    if (limit < 1 || limit > LONGEST_PAGE) {
      throw new InvalidInput("refusal.page.limit", LONGEST_PAGE);
    }
    // scalar columns: one query for the page, no case or note entity loaded per row
    String jpql =
        "SELECT e.id, e.kind, c.id, c.title, n.id, n.body, e.reason, e.actor, e.createdAt,"
            + " e.readAt"
            + " FROM InboxEntry e JOIN e.onCase c LEFT JOIN e.note n WHERE e.recipient = :me"
            + (kind != null ? " AND e.kind = :kind" : "")
            + (unreadOnly ? " AND e.readAt IS NULL" : "")
            + (before != null ? " AND e.id < :before" : "")
            + " ORDER BY e.id DESC";
    TypedQuery<Object[]> query =
        em.createQuery(jpql, Object[].class)
            .setParameter("me", caller.username())
            .setMaxResults(limit);
    if (kind != null) {
      query.setParameter("kind", kind);
    }
    if (before != null) {
      query.setParameter("before", before);
    }
    return query.getResultList().stream()
        .map(
            row ->
                new InboxItem(
                    (Long) row[0],
                    (InboxEntry.Kind) row[1],
                    (Long) row[2],
                    (String) row[3],
                    (Long) row[4],
                    InboxItem.excerpt((String) row[5]),
                    (String) row[6],
                    (String) row[7],
                    (Instant) row[8],
                    (Instant) row[9]))
        .toList();
  }

  /** How many of the caller's entries are unread (the badge in the header). */
  public long unreadCount() {
    caller.require(Role.values());
    return em.createNamedQuery("InboxEntry.unreadCount", Long.class)
        .setParameter("me", caller.username())
        .getSingleResult();
  }

  /** Marks one of the caller's entries read; returns 0 if it was read already. */
  public int markRead(long entryId) {
    caller.require(Role.values());
    InboxEntry entry = em.find(InboxEntry.class, entryId);
    if (entry == null) {
      throw new NotFound("refusal.inbox.unknown", entryId);
    }
    if (!entry.recipient().equals(caller.username())) {
      throw caller.refuse("inbox entry " + entryId, Message.of("refusal.inbox.own"));
    }
    return recordRead(List.of(entry));
  }

  /** Marks all of the caller's unread entries read; returns how many. */
  public int markAllRead() {
    caller.require(Role.values());
    return recordRead(
        em.createNamedQuery("InboxEntry.unread", InboxEntry.class)
            .setParameter("me", caller.username())
            .getResultList());
  }

  /**
   * Reading is the person's own state, not casework, but the desk audits every change: one {@code
   * inbox.read} event per call, naming the entries, keeps the trail complete at little cost.
   */
  private int recordRead(List<InboxEntry> entries) {
    Instant now = clock.instant();
    List<Long> read =
        entries.stream().filter(e -> e.readAt().isEmpty()).map(InboxEntry::id).toList();
    if (read.isEmpty()) {
      return 0;
    }
    entries.forEach(e -> e.markRead(now));
    audit.record(Change.about("inbox.read", "inbox", caller.username()).set("entries", read));
    return read.size();
  }

  void assigned(@Observes CaseAssigned event) {
    deliver(InboxEntry.Kind.ASSIGNED, event.caseId(), null, null, event.by(), event.added());
  }

  void mentioned(@Observes NoteWritten event) {
    deliver(
        InboxEntry.Kind.MENTION,
        event.caseId(),
        event.noteId(),
        null,
        event.author(),
        event.mentioned());
  }

  /** The workflow steps people wait for: a review to do, a verdict back, approved, published. */
  void moved(@Observes CaseMoved event) {
    InboxEntry.Kind kind =
        switch (event.action()) {
          case SUBMIT -> InboxEntry.Kind.REVIEW_REQUESTED;
          case REQUEST_CHANGES -> InboxEntry.Kind.CHANGES_REQUESTED;
          case CROSS_CHECK ->
              event.to() == CaseStatus.IN_RESEARCH ? InboxEntry.Kind.CHANGES_REQUESTED : null;
          case APPROVE -> event.to() == CaseStatus.APPROVED ? InboxEntry.Kind.APPROVED : null;
          case PUBLISH -> InboxEntry.Kind.PUBLISHED;
          default -> null;
        };
    if (kind != null) {
      // a verdict sent back says why, in the entry itself: the reason is what its reader needs
      String reason = kind == InboxEntry.Kind.CHANGES_REQUESTED ? event.comment() : null;
      deliver(kind, event.caseId(), null, reason, event.actor(), event.told());
    }
  }

  /**
   * One entry per recipient, except for whoever caused it: nobody is told what they did themself.
   * Runs in the transaction of the change that fired the event; that change checked the caller.
   */
  private void deliver(
      InboxEntry.Kind kind,
      long caseId,
      Long noteId,
      String reason,
      String actor,
      Collection<String> recipients) {
    Case onCase = em.getReference(Case.class, caseId);
    Note note = noteId == null ? null : em.getReference(Note.class, noteId);
    Instant now = clock.instant();
    recipients.stream()
        .filter(r -> !r.equals(actor))
        .distinct()
        .forEach(r -> em.persist(new InboxEntry(r, kind, onCase, note, reason, actor, now)));
  }
}
