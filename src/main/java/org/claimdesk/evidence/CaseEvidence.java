package org.claimdesk.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.Casework;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.NotFound;
import org.claimdesk.platform.SpreadsheetCsv;

/**
 * The evidence of a case: added, revised, ordered and given files by the people working the case
 * and supervisors; read by everyone. Every change is audited with the case id.
 */
@ApplicationScoped
@Transactional
public class CaseEvidence {
  static final int MOST_ITEMS = 200;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject Casework casework;
  @Inject Sources sources;
  @Inject AttachmentStore attachments;
  @Inject Event<EvidenceChanged> changed;
  @Inject CitedEvidence cited;

  /** An item as people describe it; {@code sourceId} points into the source registry. */
  public record Draft(
      EvidenceKind kind,
      Stance stance,
      String summary,
      String quote,
      Long sourceId,
      String url,
      LocalDate accessedOn) {}

  /** The items of a case in their order. */
  public List<Evidence> of(long caseId) {
    caller.require(Role.values());
    casework.find(caseId);
    return items(caseId);
  }

  public Evidence find(long caseId, long evidenceId) {
    caller.require(Role.values());
    Evidence e = em.find(Evidence.class, evidenceId);
    if (e == null || !e.caseOf().id().equals(caseId)) {
      throw new NotFound("refusal.evidence.unknown", caseId, evidenceId);
    }
    return e;
  }

  public Evidence add(long caseId, Draft draft) {
    // additions to one case wait for each other, so each sees the number the other took
    Case c = casework.workableLocked(caseId);
    Integer highest =
        em.createNamedQuery("Evidence.highestNumber", Integer.class)
            .setParameter("case", caseId)
            .getSingleResult();
    int number = highest == null ? 1 : highest + 1;
    if (number > MOST_ITEMS) {
      throw new InvalidInput("refusal.evidence.most", MOST_ITEMS);
    }
    Evidence e =
        new Evidence(c, number, account(draft), caller.username(), clock.instant(), today());
    em.persist(e);
    Evidence.Account a = e.account();
    audit.record(
        Change.of("evidence.added", e)
            .inCase(caseId)
            .set("label", e.label())
            .set("kind", a.kind().name())
            .set("stance", a.stance().name())
            .set("summary", a.summary())
            .set("quote", a.quote())
            .set("source", sourceName(a.source()))
            .set("url", a.url())
            .set("accessedOn", a.accessedOn()));
    changed.fire(new EvidenceChanged(e.id(), caseId));
    return e;
  }

  /**
   * Adds an item together with what the form brought along, all of it or nothing: a source the
   * registry does not know yet ({@code newSource}, registered first and cited by the item; its
   * reliability is rated later) and files chosen before the item existed ({@link #upload}).
   */
  public Evidence add(long caseId, Draft draft, Source.Profile newSource, List<Upload> files) {
    casework.workable(caseId);
    Evidence e = add(caseId, citing(draft, newSource));
    for (Upload file : files) {
      attachStored(caseId, e, file.fileName(), file.stored());
    }
    return e;
  }

  /** {@link #revise}, registering a source the registry does not know yet on the way. */
  public Evidence revise(
      long caseId, long evidenceId, long expectedVersion, Draft draft, Source.Profile newSource) {
    casework.workable(caseId);
    return revise(caseId, evidenceId, expectedVersion, citing(draft, newSource));
  }

  /** The draft citing the newly registered source, if there is one. */
  private Draft citing(Draft draft, Source.Profile newSource) {
    if (newSource == null) {
      return draft;
    }
    return new Draft(
        draft.kind(),
        draft.stance(),
        draft.summary(),
        draft.quote(),
        sources.register(newSource).id(),
        draft.url(),
        draft.accessedOn());
  }

  /** A file stored for an item that is still being written, with the name it came with. */
  public record Upload(String fileName, StoredFile stored) implements java.io.Serializable {}

  /**
   * Stores a file for an item not saved yet, with the same checks as {@link #attach} (size, type
   * from the bytes, allowlist), so a refused file is reported when it is chosen. Nothing is
   * recorded until the item is saved with it; identical bytes are kept once either way.
   */
  public Upload upload(long caseId, String fileName, InputStream bytes) {
    casework.workable(caseId);
    return new Upload(fileName, attachments.store(fileName, bytes));
  }

  /** Replaces what an item says; refused when somebody else saved it since {@code version}. */
  public Evidence revise(long caseId, long evidenceId, long expectedVersion, Draft draft) {
    casework.workable(caseId);
    Evidence e = find(caseId, evidenceId);
    e.requireVersion(expectedVersion);
    if (cited.locked(caseId).contains(e.label())) {
      throw new Conflict("refusal.evidence.cited", e.label());
    }
    Evidence.Account before = e.account();
    e.describe(account(draft), today());
    Evidence.Account after = e.account();
    Change change =
        Change.of("evidence.revised", e)
            .inCase(caseId)
            .set("label", e.label())
            .field("kind", before.kind().name(), after.kind().name())
            .field("stance", before.stance().name(), after.stance().name())
            .field("summary", before.summary(), after.summary())
            .field("quote", before.quote(), after.quote())
            .field("source", sourceName(before.source()), sourceName(after.source()))
            .field("url", before.url(), after.url())
            .field("accessedOn", before.accessedOn(), after.accessedOn());
    if (!change.changedNothing()) {
      audit.record(change);
      changed.fire(new EvidenceChanged(e.id(), caseId));
    }
    return e;
  }

  /**
   * Moves an item to {@code position} (1 = first) and closes the gaps; every item whose place
   * changes is recorded.
   */
  public List<Evidence> move(long caseId, long evidenceId, long expectedVersion, int position) {
    casework.workable(caseId);
    Evidence moving = find(caseId, evidenceId);
    moving.requireVersion(expectedVersion);
    List<Evidence> order = new ArrayList<>(items(caseId));
    if (position < 1 || position > order.size()) {
      throw new InvalidInput("refusal.evidence.place", caseId, order.size());
    }
    order.remove(moving);
    order.add(position - 1, moving);
    for (int i = 0; i < order.size(); i++) {
      Evidence e = order.get(i);
      int before = e.position();
      if (before != i + 1) {
        e.moveTo(i + 1);
        audit.record(
            Change.of("evidence.moved", e)
                .inCase(caseId)
                .set("label", e.label())
                .field("position", before, i + 1));
      }
    }
    return order;
  }

  /**
   * Attaches a file to an item. The store reads it (size limit, type from the bytes, allowlist) and
   * keeps identical bytes once; the item keeps the name it came with. Attaching the same bytes to
   * the same item twice changes nothing.
   */
  public EvidenceFile attach(long caseId, long evidenceId, String fileName, InputStream bytes) {
    casework.workable(caseId);
    Evidence e = find(caseId, evidenceId);
    return attachStored(caseId, e, fileName, attachments.store(fileName, bytes));
  }

  private EvidenceFile attachStored(long caseId, Evidence e, String fileName, StoredFile stored) {
    EvidenceFile file =
        new EvidenceFile(
            stored.sha256(),
            Download.fileName(fileName, stored),
            stored.contentType(),
            stored.sizeBytes());
    if (e.attach(file)) {
      audit.record(
          Change.of("evidence.file-attached", e)
              .inCase(caseId)
              .set("label", e.label())
              .set("fileName", file.fileName())
              .set("sha256", file.sha256())
              .set("contentType", file.contentType())
              .set("sizeBytes", file.sizeBytes())
              .set("alreadyStored", stored.alreadyThere()));
      changed.fire(new EvidenceChanged(e.id(), caseId));
    }
    return e.files().stream().filter(file::equals).findFirst().orElse(file);
  }

  /**
   * Writes the evidence list of a case as CSV for people outside the desk: a confidential source is
   * named only as "confidential" and its item's web address is left out, since the address can name
   * the source too. Recorded as {@code evidence.exported}.
   */
  public void export(long caseId, Writer out) {
    caller.require(Role.values());
    casework.find(caseId);
    List<Evidence> list = items(caseId);
    audit.record(
        Change.about("evidence.exported", "case", String.valueOf(caseId))
            .inCase(caseId)
            .set("items", list.size()));
    SpreadsheetCsv.row(
        out, "label", "kind", "stance", "summary", "quote", "source", "url", "accessedOn", "files");
    for (Evidence e : list) {
      boolean protectedSource = e.source().isPresent() && e.publicSource().isEmpty();
      SpreadsheetCsv.row(
          out,
          e.label(),
          e.kind(),
          e.stance(),
          e.summary(),
          e.quote().orElse(null),
          protectedSource ? "confidential" : e.publicSource().map(Source::name).orElse(null),
          protectedSource ? null : e.url().orElse(null),
          e.accessedOn().orElse(null),
          e.files().stream().map(EvidenceFile::fileName).collect(Collectors.joining("; ")));
    }
  }

  private List<Evidence> items(long caseId) {
    return em.createNamedQuery("Evidence.ofCase", Evidence.class)
        .setParameter("case", caseId)
        .getResultList();
  }

  private Evidence.Account account(Draft d) {
    Source source = d.sourceId() == null ? null : sources.find(d.sourceId());
    return new Evidence.Account(
        d.kind(), d.stance(), d.summary(), d.quote(), source, d.url(), d.accessedOn());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static String sourceName(Source s) {
    return s == null ? null : s.name() + " (" + s.id() + ")";
  }
}
