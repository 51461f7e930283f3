package org.claimdesk.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleChanged;
import org.claimdesk.article.Sentences;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.CaseChanged;
import org.claimdesk.claim.Appearance;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimChanged;
import org.claimdesk.claim.Claimant;
import org.claimdesk.claim.ClaimantChanged;
import org.claimdesk.evidence.AttachmentStore;
import org.claimdesk.evidence.Evidence;
import org.claimdesk.evidence.EvidenceChanged;
import org.claimdesk.evidence.EvidenceFile;
import org.claimdesk.evidence.Source;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Settings;

/**
 * Keeps the Lucene index in step with the database: an entry is built inside the transaction that
 * changed its source and written to the index only when that transaction commits, so the index
 * never shows what was rolled back. At start-up a missing index is rebuilt from the database.
 */
@ApplicationScoped
public class SearchService {
  private static final Logger LOG = Logger.getLogger(SearchService.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Settings settings;
  @Inject AttachmentStore attachments;
  @Inject Caller caller;
  @Resource TransactionSynchronizationRegistry transactions;

  private SearchIndex index;

  synchronized SearchIndex index() {
    if (index == null) {
      index =
          settings
              .indexDir()
              .map(dir -> SearchIndex.open(Path.of(dir)))
              .orElseGet(SearchIndex::inMemory);
    }
    return index;
  }

  /** Rebuilds the index from the database when it is empty; returns how many entries it wrote. */
  @Transactional
  public int rebuildIfMissing() {
    if (!index().isEmpty()) {
      return 0;
    }
    return rebuild();
  }

  /** Rebuilds the whole index from the database. */
  @Transactional
  public int rebuild() {
    List<Entry> entries = new ArrayList<>();
    Set<Long> claimed = new HashSet<>();
    Set<Long> worked = new HashSet<>();
    Set<Long> openClaims =
        new HashSet<>(em.createNamedQuery("Case.openClaimIds", Long.class).getResultList());
    for (Claim claim : em.createNamedQuery("Claim.all", Claim.class).getResultList()) {
      boolean open = openClaims.contains(claim.id());
      entries.add(entryOf(claim, open));
      for (var a : claim.appearances()) {
        claimed.add(a.article().id());
        if (open) {
          worked.add(a.article().id());
        }
      }
    }
    for (Article article : em.createNamedQuery("Article.all", Article.class).getResultList()) {
      entries.add(entryOf(article, claimed.contains(article.id()), worked.contains(article.id())));
    }
    for (Claimant claimant : em.createNamedQuery("Claimant.all", Claimant.class).getResultList()) {
      entries.add(entryOf(claimant));
    }
    for (Evidence evidence : em.createNamedQuery("Evidence.all", Evidence.class).getResultList()) {
      entries.add(entryOf(evidence));
    }
    index().replaceAll(entries);
    LOG.info(() -> "Search index rebuilt with " + entries.size() + " entries.");
    return entries.size();
  }

  public Page search(Query query) {
    caller.require(Role.values());
    return index().search(query);
  }

  public List<Match> similar(
      String text, String language, Set<Long> excludeArticles, Set<Long> excludeClaims, int limit) {
    caller.require(Role.values());
    return index().similar(text, language, excludeArticles, excludeClaims, limit);
  }

  void articleChanged(@Observes ArticleChanged changed) {
    afterCommit(articleEntry(changed.articleId()));
  }

  void claimChanged(@Observes ClaimChanged changed) {
    Claim claim = em.find(Claim.class, changed.claimId());
    afterCommit(entryOf(claim, hasOpenCase(claim.id())));
  }

  /** A case opened or changed: the claim and its articles now have (or lost) an open case. */
  void caseChanged(@Observes CaseChanged changed) {
    Claim claim = em.find(Claim.class, changed.claimId());
    afterCommit(entryOf(claim, hasOpenCase(claim.id())));
    claim.appearances().stream()
        .map(a -> a.article().id())
        .distinct()
        .forEach(article -> afterCommit(articleEntry(article)));
  }

  void evidenceChanged(@Observes EvidenceChanged changed) {
    afterCommit(entryOf(em.find(Evidence.class, changed.evidenceId())));
  }

  private ArticleEntry articleEntry(long articleId) {
    Article article = em.find(Article.class, articleId);
    List<Claim> claims =
        em.createNamedQuery("Claim.inArticle", Claim.class)
            .setParameter("article", articleId)
            .getResultList();
    boolean worked = claims.stream().anyMatch(c -> hasOpenCase(c.id()));
    return entryOf(article, !claims.isEmpty(), worked);
  }

  private boolean hasOpenCase(long claimId) {
    return !em.createNamedQuery("Case.openForClaim", Case.class)
        .setParameter("claim", claimId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  void claimantChanged(@Observes ClaimantChanged changed) {
    afterCommit(entryOf(em.find(Claimant.class, changed.claimantId())));
  }

  private void afterCommit(Entry entry) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              index().put(entry);
            }
          }
        });
  }

  static ArticleEntry entryOf(Article article, boolean hasClaims, boolean hasOpenCase) {
    String text = article.text();
    List<Span> sentences =
        Sentences.of(text, article.language()).stream()
            .map(s -> new Span(s.start(), s.end()))
            .toList();
    return new ArticleEntry(
        article.id(),
        article.title(),
        article.outlet().orElse(null),
        article.language(),
        article.publishedOn().orElse(null),
        text,
        sentences,
        hasClaims,
        hasOpenCase);
  }

  static ClaimEntry entryOf(Claim claim, boolean hasOpenCase) {
    List<Quote> quotes = new ArrayList<>();
    for (Appearance a : claim.appearances()) {
      quotes.add(new Quote(a.article().id(), a.start(), a.end(), a.quote()));
    }
    return new ClaimEntry(
        claim.id(),
        claim.statement(),
        claim.claimant().map(Claimant::name).orElse(null),
        claim.language(),
        quotes,
        hasOpenCase);
  }

  /** An evidence item with the text extracted from its files (PDF, office documents, text). */
  private EvidenceEntry entryOf(Evidence e) {
    List<String> texts = new ArrayList<>();
    texts.add(e.summary());
    e.quote().ifPresent(texts::add);
    e.source().map(Source::name).ifPresent(texts::add);
    for (EvidenceFile file : e.files()) {
      texts.add(file.fileName());
      attachments.extractedText(file.sha256()).ifPresent(texts::add);
    }
    String summary = e.summary();
    String title =
        e.label() + " · " + (summary.length() <= 120 ? summary : summary.substring(0, 119) + "…");
    return new EvidenceEntry(e.id(), e.caseOf().id(), title, texts);
  }

  static ClaimantEntry entryOf(Claimant claimant) {
    return new ClaimantEntry(claimant.id(), claimant.name(), claimant.description().orElse(null));
  }

  @PreDestroy
  synchronized void close() {
    if (index != null) {
      try {
        index.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
