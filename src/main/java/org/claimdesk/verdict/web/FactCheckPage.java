package org.claimdesk.verdict.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import org.claimdesk.platform.Settings;
import org.claimdesk.verdict.Citations;
import org.claimdesk.verdict.FactChecks;
import org.jsoup.nodes.Entities;

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
    return List.of(published.snapshot().explanation().split("\\n\\s*\\n")).stream()
        .map(FactCheckPage::linkCitations)
        .toList();
  }

  static String linkCitations(String paragraph) {
    Matcher m = Citations.BRACKET.matcher(paragraph);
    StringBuilder html = new StringBuilder();
    int last = 0;
    while (m.find()) {
      html.append(Entities.escape(paragraph.substring(last, m.start())));
      html.append('[');
      boolean first = true;
      for (String label : Citations.in(m.group())) {
        html.append(first ? "" : ", ")
            .append("<a href=\"#")
            .append(label)
            .append("\">")
            .append(label)
            .append("</a>");
        first = false;
      }
      html.append(']');
      last = m.end();
    }
    html.append(Entities.escape(paragraph.substring(last)));
    return html.toString().replace("\n", "<br/>");
  }
}
