package org.claimdesk.article.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.claim.Claimant;
import org.claimdesk.claim.Claimants;
import org.claimdesk.claim.Suggestions;
import org.claimdesk.platform.web.Feedback;
import org.claimdesk.search.SimilarClaims;
import org.claimdesk.search.web.Similar;

/**
 * The reader's capture dialog: words selected in the text of {@link ArticleReaderPage} become a new
 * claim, or a further appearance of a similar claim already registered.
 */
@Named
@ViewScoped
public class CaptureDialog implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int SIMILAR = 6;

  @Inject ArticleReaderPage page;
  @Inject ClaimRegister register;
  @Inject Claimants claimants;
  @Inject Suggestions suggestions;
  @Inject SimilarClaims similar;

  private Capture capture;

  /** What the dialog holds between opening and saving: [start, end) of the revision shown. */
  public static final class Capture implements Serializable {
    private static final long serialVersionUID = 1L;
    int revision;
    int start;
    int end;
    String quote;
    String language;
    String statement;
    String claimant;
    LocalDate claimedOn;
    List<String> near = List.of();
    List<Similar> similar = List.of();

    public String getQuote() {
      return quote;
    }

    public String getLanguage() {
      return language;
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

    public List<String> getNear() {
      return near;
    }

    public List<Similar> getSimilar() {
      return similar;
    }
  }

  /**
   * Opens the dialog for [start, end) sent by reader.js (request parameters {@code start} and
   * {@code end}); blanks at either end of the selection are left out.
   */
  public void open() {
    Map<String, String> params =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    capture = null;
    int start;
    int end;
    try {
      start = Integer.parseInt(params.getOrDefault("start", ""));
      end = Integer.parseInt(params.getOrDefault("end", ""));
    } catch (NumberFormatException e) {
      Feedback.error(Feedback.text("capture.noSelection"));
      return;
    }
    ArticleRevision shown = page.getShown();
    String text = shown.text();
    start = Math.max(0, Math.min(start, text.length()));
    end = Math.max(start, Math.min(end, text.length()));
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      Feedback.error(Feedback.text("capture.noSelection"));
      return;
    }
    Capture c = new Capture();
    c.revision = shown.number();
    c.start = start;
    c.end = end;
    c.quote = text.substring(start, end);
    c.language = page.getArticle().language();
    c.statement = c.quote.replaceAll("\\s+", " ").strip();
    long id = page.getId();
    c.near =
        Feedback.attemptGet(() -> suggestions.claimantsNear(id, c.revision, c.start, c.end), null);
    if (c.near == null) {
      c.near = List.of();
    }
    List<Similar> found =
        Feedback.attemptGet(
            () ->
                similar.toText(c.quote, c.language, id, SIMILAR).stream().map(Similar::of).toList(),
            null);
    c.similar = found == null ? List.of() : found;
    capture = c;
  }

  /** Auto-completion: the names found near the quote first, then registered claimants. */
  public List<String> completeClaimant(String typed) {
    String prefix = typed == null ? "" : typed.strip();
    List<String> names = new ArrayList<>();
    if (capture != null) {
      for (String near : capture.near) {
        if (near.toLowerCase().startsWith(prefix.toLowerCase()) && !names.contains(near)) {
          names.add(near);
        }
      }
    }
    for (Claimant c : claimants.startingWith(prefix, 10)) {
      if (!names.contains(c.name())) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** Saves the new claim and reads on with it marked. */
  public String save() {
    if (capture == null) {
      return null;
    }
    Capture c = capture;
    Claim claim =
        Feedback.attemptGet(
            () ->
                register.capture(
                    new ClaimRegister.Capture(span(c), c.statement, c.claimant, c.claimedOn)),
            "capture.saved");
    return claim == null ? null : page.again();
  }

  /** Links the selected words as a further appearance of an existing claim. */
  public String linkTo(long claimId) {
    if (capture == null) {
      return null;
    }
    Capture c = capture;
    boolean linked =
        Feedback.attempt(
            () -> register.link(claimId, register.find(claimId).version(), span(c)),
            "capture.linked");
    return linked ? page.again() : null;
  }

  private ClaimRegister.Span span(Capture c) {
    return new ClaimRegister.Span(page.getId(), c.revision, c.start, c.end);
  }

  public Capture getCapture() {
    return capture;
  }
}
