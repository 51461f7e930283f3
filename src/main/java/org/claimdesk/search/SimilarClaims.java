package org.claimdesk.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimdesk.article.text.Sentence;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.claim.match.SameClaim;
import org.claimdesk.platform.InvalidInput;

/**
 * "Is this claim already known?": claims and sentences of other articles that read like it, so the
 * checker links an appearance instead of capturing a duplicate.
 */
@ApplicationScoped
@Transactional
public class SimilarClaims {
  static final int MOST = 50;
  private static final Set<Kind> BOTH = EnumSet.of(Kind.SENTENCE, Kind.CLAIM);
  private static final double LISTED = SameClaim.shipped().cut;

  /** Headings and fragments shorter than this are not read as claims. */
  static final int MIN_WORDS = 5;

  @Inject ClaimRegister register;
  @Inject SearchService search;

  /** Matches for an existing claim, leaving out the claim itself and its articles. */
  public List<Match> to(long claimId, int limit) {
    int bounded = bounded(limit);
    ClaimRegister.Said claim = register.said(claimId);
    Set<Long> articles = new HashSet<>();
    List<String> said = new ArrayList<>();
    said.add(claim.statement());
    for (ClaimRegister.Quote quote : claim.quotes()) {
      articles.add(quote.articleId());
      said.add(quote.words());
    }
    return search.similarToClaim(claimId, said, claim.language(), articles, LISTED, bounded);
  }

  /** Matches for words being captured in an article, leaving out that article. */
  public List<Match> toText(String text, String language, long articleId, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return search.similar(
        text, language, BOTH, Set.of(articleId), Set.of(), LISTED, bounded(limit));
  }

  /**
   * The sentences of an article that make a claim already registered from other articles, each with
   * its best claim: flagged in the reader so a duplicate is linked, not captured again.
   */
  public List<AlreadyClaimed> alreadyClaimed(
      long articleId, String language, List<Sentence> sentences) {
    Set<Long> here = new HashSet<>();
    for (Claim claim : register.inArticle(articleId)) {
      here.add(claim.id());
    }
    List<AlreadyClaimed> found = new ArrayList<>();
    for (Sentence sentence : sentences) {
      if (sentence.text().split("\\s+").length < MIN_WORDS) {
        continue;
      }
      List<Match> best =
          search.similar(
              sentence.text(),
              language,
              EnumSet.of(Kind.CLAIM),
              Set.of(),
              here,
              SameClaim.shipped().flagCut,
              1);
      if (!best.isEmpty()) {
        long claimId = best.get(0).id();
        ClaimRegister.Said claim = register.said(claimId);
        long articles =
            claim.quotes().stream().map(ClaimRegister.Quote::articleId).distinct().count();
        found.add(
            new AlreadyClaimed(
                sentence.start(),
                sentence.end(),
                claimId,
                claim.statement(),
                (int) articles,
                best.get(0).score()));
      }
    }
    return found;
  }

  private static int bounded(int limit) {
    if (limit < 1 || limit > MOST) {
      throw new InvalidInput("refusal.page.limit", MOST);
    }
    return limit;
  }
}
