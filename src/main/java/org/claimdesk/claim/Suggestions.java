package org.claimdesk.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.claim.suggest.CheckWorthiness;
import org.claimdesk.claim.suggest.ClaimantHints;
import org.claimdesk.claim.suggest.Suggestion;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;

/** Suggested claims for a reading text, and suggested claimants for a selected span. */
@ApplicationScoped
@Transactional
public class Suggestions {
  @Inject ArticleArchive articles;
  @Inject Caller caller;

  /** Every sentence of the revision (null = current), most check-worthy first. */
  public List<Suggestion> forArticle(long articleId, Integer revision) {
    caller.require(Role.values());
    ArticleRevision text = revisionOf(articleId, revision);
    return CheckWorthiness.rank(text.text(), text.article().language());
  }

  /** Names that may have made the claim at [start, end), most likely first. */
  public List<String> claimantsNear(long articleId, Integer revision, int start, int end) {
    caller.require(Role.values());
    ArticleRevision text = revisionOf(articleId, revision);
    text.quote(start, end);
    return ClaimantHints.near(text.text(), start, end, text.article().language());
  }

  private ArticleRevision revisionOf(long articleId, Integer revision) {
    var article = articles.find(articleId);
    return revision == null ? article.current() : article.revision(revision);
  }
}
