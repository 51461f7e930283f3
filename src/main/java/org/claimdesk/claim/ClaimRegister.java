package org.claimdesk.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.article.ArticleChanged;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.NotFound;

/** Captures claims at exact spans of article text and links further appearances. */
@ApplicationScoped
@Transactional
public class ClaimRegister {
  static final Role[] CAPTURERS = {Role.FACT_CHECKER, Role.SUPERVISOR};
  static final int LONGEST_PAGE = 200;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject ArticleArchive articles;
  @Inject Claimants claimants;
  @Inject Event<ClaimChanged> claimChanged;
  @Inject Event<ArticleChanged> articleChanged;

  /** Where a claim is: an article, its revision (null = the current one) and a span. */
  public record Span(long articleId, Integer revision, int start, int end) {}

  /** Words of an article a claim was captured or linked at. */
  public record Quote(long articleId, String words) {}

  /** What a claim says (its statement, in its language) and the words it was quoted with. */
  public record Said(String language, String statement, List<Quote> quotes) {}

  /** What the checker says about a new claim. */
  public record Capture(Span span, String statement, String claimant, LocalDate claimedOn) {}

  public Claim capture(Capture capture) {
    caller.require(CAPTURERS);
    ArticleRevision revision = revisionOf(capture.span());
    Claimant claimant =
        capture.claimant() == null || capture.claimant().isBlank()
            ? null
            : claimants.namedOrNew(capture.claimant());
    Claim claim =
        new Claim(
            capture.statement(),
            claimant,
            capture.claimedOn(),
            revision,
            capture.span().start(),
            capture.span().end(),
            caller.username(),
            clock.instant());
    em.persist(claim);
    Appearance first = claim.appearances().get(0);
    audit.record(
        Change.of("claim.captured", claim)
            .set("statement", claim.statement())
            .set("claimant", claimant == null ? null : claimant.name())
            .set("claimedOn", claim.claimedOn())
            .set("article", revision.article().id())
            .set("revision", revision.number())
            .set("start", first.start())
            .set("end", first.end())
            .set("quote", first.quote()));
    fireChanged(claim, revision.article().id());
    return claim;
  }

  /** Links another span as an appearance of an existing claim, instead of a duplicate claim. */
  public Appearance link(long claimId, long expectedVersion, Span span) {
    caller.require(CAPTURERS);
    Claim claim = current(claimId, expectedVersion);
    ArticleRevision revision = revisionOf(span);
    Appearance appearance =
        claim.appearIn(revision, span.start(), span.end(), caller.username(), clock.instant());
    em.persist(appearance);
    audit.record(
        Change.of("claim.appearance-linked", claim)
            .field("appearances", claim.appearances().size() - 1, claim.appearances().size())
            .set("article", revision.article().id())
            .set("revision", revision.number())
            .set("start", appearance.start())
            .set("end", appearance.end())
            .set("quote", appearance.quote()));
    fireChanged(claim, revision.article().id());
    return appearance;
  }

  /** Changes the statement, the claimant or the date the claim was made. */
  public Claim edit(
      long claimId, long expectedVersion, String statement, String claimantName, LocalDate on) {
    caller.require(CAPTURERS);
    Claim claim = current(claimId, expectedVersion);
    // a new claimant is recorded (and flushed) before the claim changes: the audit guard refuses
    // a claim that reaches the database ahead of its own event
    Claimant claimant =
        claimantName == null || claimantName.isBlank() ? null : claimants.namedOrNew(claimantName);
    String oldStatement = claim.statement();
    String oldClaimant = claim.claimant().map(Claimant::name).orElse(null);
    LocalDate oldOn = claim.claimedOn().orElse(null);
    claim.restate(statement);
    claim.attribute(claimant, on);
    Change change =
        Change.of("claim.edited", claim)
            .field("statement", oldStatement, claim.statement())
            .field("claimant", oldClaimant, claimant == null ? null : claimant.name())
            .field("claimedOn", oldOn, on);
    if (!change.changedNothing()) {
      audit.record(change);
      claimChanged.fire(new ClaimChanged(claimId));
    }
    return claim;
  }

  public Claim find(long id) {
    caller.require(Role.values());
    Claim claim = em.find(Claim.class, id);
    if (claim == null) {
      throw new NotFound("refusal.claim.unknown", id);
    }
    return claim;
  }

  /**
   * What a claim says and where it was quoted, in the order its appearances were linked, in one
   * query and without loading the claim, its appearances or their articles (similar claims asks
   * this at every lookup).
   */
  public Said said(long claimId) {
    caller.require(Role.values());
    List<Object[]> rows =
        em.createNamedQuery("Claim.said", Object[].class)
            .setParameter("claim", claimId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFound("refusal.claim.unknown", claimId); // every claim has an appearance
    }
    Object[] first = rows.get(0);
    return new Said(
        (String) first[0],
        (String) first[1],
        rows.stream().map(row -> new Quote((Long) row[2], (String) row[3])).toList());
  }

  public List<Claim> newestFirst(int offset, int limit) {
    caller.require(Role.values());
    if (offset < 0 || limit < 1 || limit > LONGEST_PAGE) {
      throw new InvalidInput("refusal.page.offsetLimit", LONGEST_PAGE);
    }
    return em.createNamedQuery("Claim.newestFirst", Claim.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    caller.require(Role.values());
    return em.createNamedQuery("Claim.count", Long.class).getSingleResult();
  }

  /** The claims that appear in an article (any revision). */
  public List<Claim> inArticle(long articleId) {
    caller.require(Role.values());
    return em.createNamedQuery("Claim.inArticle", Claim.class)
        .setParameter("article", articleId)
        .getResultList();
  }

  public List<Claim> byClaimant(Claimant claimant) {
    caller.require(Role.values());
    return em.createNamedQuery("Claim.byClaimant", Claim.class)
        .setParameter("claimant", claimant)
        .getResultList();
  }

  private ArticleRevision revisionOf(Span span) {
    var article = articles.find(span.articleId());
    return span.revision() == null ? article.current() : article.revision(span.revision());
  }

  private Claim current(long claimId, long expectedVersion) {
    Claim claim = find(claimId);
    claim.requireVersion(expectedVersion);
    return claim;
  }

  private void fireChanged(Claim claim, long articleId) {
    claimChanged.fire(new ClaimChanged(claim.id()));
    articleChanged.fire(new ArticleChanged(articleId));
  }
}
