package org.claimdesk.verdict.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.claimdesk.platform.web.Feedback;
import org.claimdesk.verdict.ReviewOutcomes;

/** "Came back from review" on My cases: the caller's verdicts sent back, with the reasons. */
@Named
@RequestScoped
public class SentBackList {
  static final int SHOWN = 20;

  @Inject ReviewOutcomes outcomes;

  private List<ReviewOutcomes.SentBack> items;

  public List<ReviewOutcomes.SentBack> getItems() {
    if (items == null) {
      List<ReviewOutcomes.SentBack> found =
          Feedback.attemptGet(() -> outcomes.sentBackToMe(SHOWN), null);
      items = found == null ? List.of() : found;
    }
    return items;
  }
}
