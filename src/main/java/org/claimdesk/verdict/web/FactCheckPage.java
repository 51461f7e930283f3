package org.claimdesk.verdict.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.claimdesk.platform.Settings;
import org.claimdesk.verdict.FactChecks;

/**
 * The public page of a published fact-check ({@code /factchecks/{slug}}, no login): the claim,
 * where it appeared, the rating, conclusion, explanation with its public sources, dates and the
 * correction log, with the ClaimReview JSON-LD in the head, all from the published snapshot. {@code
 * ?version=N} shows the N-th published version.
 */
@Named
@RequestScoped
public class FactCheckPage {
  @Inject Settings settings;

  /** The request attribute {@link FactCheckAddresses} leaves the fact-check in. */
  static final String PUBLISHED = FactCheckPage.class.getName() + ".published";

  private FactChecks.Published published;

  /** The page is reached only through its public address; straight at the view it is 404. */
  public void load() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    published = (FactChecks.Published) external.getRequestMap().get(PUBLISHED);
    if (published == null) {
      external.responseSendError(404, "There is no published fact-check at this address.");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  /** Shown to the desk before publication ({@link PublicPreview}), not to the public. */
  public boolean isPreview() {
    return Boolean.TRUE.equals(
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get(PublicPreview.PREVIEW));
  }

  public FactChecks.Published getFactCheck() {
    return published;
  }

  public String getPublisher() {
    return settings.publisherName();
  }

  public String getPublisherUrl() {
    return settings.publisherUrl();
  }

  /** The ClaimReview for the head, safe inside a script element ("<" never appears raw). */
  public String getJsonLd() {
    return scriptSafe(published.claimReview().toString());
  }

  /** JSON for a script element: "<" is only possible inside strings, where the escape means it. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c");
  }

  /** The explanation as paragraphs, with every cited label a link to its source below. */
  public List<String> getExplanationParagraphs() {
    return CitationLinks.paragraphs(published.snapshot().explanation(), "");
  }
}
