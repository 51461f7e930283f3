package org.claimdesk.claim.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.claim.Appearance;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.claim.Claimant;
import org.claimdesk.platform.web.Feedback;
import org.claimdesk.search.SimilarClaims;
import org.claimdesk.search.web.Similar;

/**
 * One claim ({@code claims/view.xhtml?id=…}): statement, claimant, date, every appearance with its
 * quote in context, and similar claims and sentences, which can be linked as appearances.
 */
@Named
@ViewScoped
public class ClaimPage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int CONTEXT = 160;
  static final int SIMILAR = 10;

  @Inject ClaimRegister register;
  @Inject SimilarClaims similar;

  private Long id;
  private View claim;
  private List<Shown> appearances = List.of();
  private List<Similar> matches = List.of();
  private String statement;
  private String claimant;
  private LocalDate claimedOn;

  /** The claim as the page shows it. */
  public record View(
      long id,
      long version,
      String statement,
      Long claimantId,
      String claimant,
      LocalDate claimedOn,
      String language,
      Instant createdAt,
      String createdBy)
      implements Serializable {}

  /** An appearance with the words before and after it in its revision. */
  public record Shown(
      long article,
      String title,
      int revision,
      int start,
      int end,
      String before,
      String quote,
      String after,
      Instant createdAt,
      String createdBy)
      implements Serializable {}

  public void load() {
    if (id == null) {
      return;
    }
    Claim c = Feedback.attemptGet(() -> register.find(id), null);
    if (c == null) {
      return;
    }
    claim =
        new View(
            c.id(),
            c.version(),
            c.statement(),
            c.claimant().map(Claimant::id).orElse(null),
            c.claimant().map(Claimant::name).orElse(null),
            c.claimedOn().orElse(null),
            c.language(),
            c.createdAt(),
            c.createdBy());
    appearances = c.appearances().stream().map(ClaimPage::shown).toList();
    statement = claim.statement();
    claimant = claim.claimant();
    claimedOn = claim.claimedOn();
    List<Similar> found =
        Feedback.attemptGet(() -> similar.to(id, SIMILAR).stream().map(Similar::of).toList(), null);
    matches = found == null ? List.of() : found;
  }

  static Shown shown(Appearance a) {
    ArticleRevision revision = a.article().revision(a.revision());
    String text = revision.text();
    int from = Math.max(0, a.start() - CONTEXT);
    int to = Math.min(text.length(), a.end() + CONTEXT);
    String before = (from > 0 ? "…" : "") + text.substring(from, a.start());
    String after = text.substring(a.end(), to) + (to < text.length() ? "…" : "");
    return new Shown(
        a.article().id(),
        a.article().title(),
        a.revision(),
        a.start(),
        a.end(),
        before,
        a.quote(),
        after,
        a.createdAt(),
        a.createdBy());
  }

  /** Links a similar sentence of another article as an appearance of this claim. */
  public String link(Similar sentence) {
    boolean linked =
        Feedback.attempt(
            () ->
                register.link(
                    id,
                    claim.version(),
                    new ClaimRegister.Span(sentence.id(), null, sentence.start(), sentence.end())),
            "capture.linked");
    return linked ? again() : null;
  }

  public String save() {
    boolean saved =
        Feedback.attempt(
            () -> register.edit(id, claim.version(), statement, claimant, claimedOn),
            "claim.saved");
    return saved ? again() : null;
  }

  private String again() {
    return "/claims/view?faces-redirect=true&id=" + id;
  }

  public View getClaim() {
    return claim;
  }

  public List<Shown> getAppearances() {
    return appearances;
  }

  public List<Similar> getMatches() {
    return matches;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getStatement() {
    return statement;
  }

  public void setStatement(String statement) {
    this.statement = statement;
  }

  public String getClaimant() {
    return claimant;
  }

  public void setClaimant(String claimant) {
    this.claimant = claimant;
  }

  public LocalDate getClaimedOn() {
    return claimedOn;
  }

  public void setClaimedOn(LocalDate claimedOn) {
    this.claimedOn = claimedOn;
  }
}
