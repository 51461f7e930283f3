package org.claimdesk.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimdesk.claim.Appearance;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.platform.InvalidInput;

/**
 * "Is this claim already known?": claims and sentences of other articles that read like it, so the
 * checker links an appearance instead of capturing a duplicate.
 */
@ApplicationScoped
@Transactional
public class SimilarClaims {
  static final int MOST = 50;

  @Inject ClaimRegister register;
  @Inject SearchService search;

  /** Matches for an existing claim, leaving out the claim itself and its articles. */
  public List<Match> to(long claimId, int limit) {
    Claim claim = register.find(claimId);
    Set<Long> articles = new HashSet<>();
    StringBuilder text = new StringBuilder(claim.statement());
    for (Appearance a : claim.appearances()) {
      articles.add(a.article().id());
      text.append('\n').append(a.quote());
    }
    return search.similar(
        text.toString(), claim.language(), articles, Set.of(claimId), bounded(limit));
  }

  /** Matches for words being captured in an article, leaving out that article. */
  public List<Match> toText(String text, String language, long articleId, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return search.similar(text, language, Set.of(articleId), Set.of(), bounded(limit));
  }

  private static int bounded(int limit) {
    if (limit < 1 || limit > MOST) {
      throw new InvalidInput("refusal.page.limit", MOST);
    }
    return limit;
  }
}
