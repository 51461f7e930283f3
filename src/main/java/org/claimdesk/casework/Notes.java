package org.claimdesk.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Refused;

/**
 * The discussion of a case. Fact-checkers and supervisors write; everybody who may see the case
 * reads. A note may mention people with "@username"; each of them finds it in their inbox.
 */
@ApplicationScoped
@Transactional
public class Notes {
  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject Casework casework;
  @Inject Accounts accounts;
  @Inject Event<NoteWritten> written;

  /**
   * Writes a note. A mention of a name without an active account refuses the whole note (422), so
   * that nobody believes a colleague was told when they were not.
   */
  public Note write(long caseId, String body) {
    caller.require(Casework.DESK);
    casework.find(caseId);
    Note note = new Note(caseId, body, caller.username(), clock.instant());
    Set<String> mentioned = note.mentioned();
    List<String> unknown =
        mentioned.stream().filter(name -> accounts.activeRoles(name).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw Refused.unreadable(
          "refusal.note.unknownMention",
          unknown.stream().map(name -> "@" + name).collect(Collectors.joining(", ")));
    }
    em.persist(note);
    audit.record(
        Change.of("note.written", note)
            .inCase(caseId)
            .set("body", note.body())
            .set("mentions", mentioned));
    written.fire(new NoteWritten(caseId, note.id(), note.author(), mentioned));
    return note;
  }

  /** The case's notes, oldest first, as a discussion reads. */
  public List<Note> of(long caseId) {
    caller.require(Role.values());
    casework.find(caseId);
    return em.createNamedQuery("Note.ofCase", Note.class)
        .setParameter("case", caseId)
        .getResultList();
  }
}
