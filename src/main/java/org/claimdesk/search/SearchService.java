package org.claimdesk.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleChanged;
import org.claimdesk.article.text.Sentences;
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
  @Inject Clock clock;
  @Inject IndexRebuild rebuild;
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

  /** Whether the index holds an audit position to follow from (else it must be rebuilt). */
  public boolean followsTheLog() {
    // an index without an audit position predates following the log: it cannot catch up
    return !index().isEmpty() && index().appliedSeq() > 0;
  }

  /** A new index, written beside the current one while it keeps answering. */
  public SearchIndex.Replacement replacement() {
    return index().replacement();
  }

  /** How many entries a rebuild writes, for its progress. */
  @Transactional
  public long entriesToRebuild() {
    long total = 0;
    for (String entity : List.of("Claim", "Article", "Claimant", "Evidence")) {
      total +=
          em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult();
    }
    return total;
  }

  /**
   * One step of a rebuild: the entries of one kind whose ids follow {@code afterId}, at most {@code
   * limit}, in id order. A transaction of its own, so that what it read is let go after it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Entry> entriesAfter(Kind kind, long afterId, int limit) {
    return switch (kind) {
      case CLAIM -> claimsAfter(afterId, limit);
      case ARTICLE -> articlesAfter(afterId, limit);
      case CLAIMANT ->
          after(Claimant.class, afterId, limit)
              .getResultStream()
              .<Entry>map(SearchService::entryOf)
              .toList();
      case EVIDENCE ->
          after(Evidence.class, afterId, limit)
              .getResultStream()
              .<Entry>map(this::entryOf)
              .toList();
      case SENTENCE -> throw new IllegalArgumentException("sentences go with their article");
    };
  }

  private List<Entry> claimsAfter(long afterId, int limit) {
    List<Claim> claims =
        after(Claim.class, afterId, limit)
            // their appearances and articles in two queries, not two per claim
            .setHint("eclipselink.batch.type", "IN")
            .setHint("eclipselink.batch", "x.appearances")
            .setHint("eclipselink.batch", "x.appearances.article")
            .getResultList();
    if (claims.isEmpty()) {
      return List.of();
    }
    Set<Long> open =
        new HashSet<>(
            em.createQuery(
                    "SELECT c.openClaimId FROM Case c WHERE c.openClaimId BETWEEN :first AND :last",
                    Long.class)
                .setParameter("first", claims.get(0).id())
                .setParameter("last", claims.get(claims.size() - 1).id())
                .getResultList());
    return claims.stream().map(c -> (Entry) entryOf(c, open.contains(c.id()))).toList();
  }

  private List<Entry> articlesAfter(long afterId, int limit) {
    List<Article> articles = after(Article.class, afterId, limit).getResultList();
    if (articles.isEmpty()) {
      return List.of();
    }
    long first = articles.get(0).id();
    long last = articles.get(articles.size() - 1).id();
    Set<Long> claimed =
        new HashSet<>(
            em.createQuery(
                    "SELECT DISTINCT a.article.id FROM Appearance a"
                        + " WHERE a.article.id BETWEEN :first AND :last",
                    Long.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList());
    Set<Long> worked =
        new HashSet<>(
            em.createQuery(
                    "SELECT DISTINCT a.article.id FROM Appearance a, Case k"
                        + " WHERE k.openClaimId = a.claim.id"
                        + " AND a.article.id BETWEEN :first AND :last",
                    Long.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList());
    return articles.stream()
        .map(a -> (Entry) entryOf(a, claimed.contains(a.id()), worked.contains(a.id())))
        .toList();
  }

  private <T> TypedQuery<T> after(Class<T> type, long afterId, int limit) {
    return em.createQuery(
            "SELECT x FROM " + type.getSimpleName() + " x WHERE x.id > :after ORDER BY x.id", type)
        .setParameter("after", afterId)
        .setMaxResults(limit);
  }

  /** How far this node's index follows the audit log, for {@code /api/health}. */
  public record Following(
      long appliedSeq, long headSeq, long staleMillis, IndexRebuild.Progress rebuild) {}

  @Transactional
  public Following following() {
    long applied = index().appliedSeq();
    long head = auditHead();
    long stale = 0;
    if (head > applied) {
      // as stale as the oldest change this node has not applied yet
      Instant oldest =
          em.createQuery("SELECT e.occurredAt FROM AuditEvent e WHERE e.seq = :seq", Instant.class)
              .setParameter("seq", applied + 1)
              .getResultStream()
              .findFirst()
              .orElse(clock.instant());
      stale = Math.max(0, Duration.between(oldest, clock.instant()).toMillis());
    }
    return new Following(applied, head, stale, rebuild.progress().orElse(null));
  }

  /**
   * Applies to this node's index what other nodes (or this one) changed since the index's audit
   * position: the audit log names every changed thing, the database says what it is now. Returns
   * how many events were applied; a batch at a time, so a long way behind is caught up in steps.
   */
  @Transactional
  public int catchUp(int mostEvents) {
    long from = index().appliedSeq();
    List<Object[]> events =
        em.createQuery(
                "SELECT e.seq, e.entityType, e.entityId FROM AuditEvent e WHERE e.seq > :from"
                    + " ORDER BY e.seq",
                Object[].class)
            .setParameter("from", from)
            .setMaxResults(mostEvents)
            .getResultList();
    if (events.isEmpty()) {
      return 0;
    }
    Changed changed = new Changed();
    for (Object[] event : events) {
      changed.note((String) event[1], (String) event[2]);
    }
    long to = (Long) events.get(events.size() - 1)[0];
    changed.resolve();
    index().apply(changed.puts, changed.removed, to);
    return events.size();
  }

  /** What a batch of audit events touched, as index entries to rebuild or remove. */
  private final class Changed {
    final Set<Long> articles = new HashSet<>();
    final Set<Long> claims = new HashSet<>();
    final Set<Long> claimants = new HashSet<>();
    final Set<Long> evidence = new HashSet<>();
    final List<Entry> puts = new ArrayList<>();
    final List<SearchIndex.Owner> removed = new ArrayList<>();

    void note(String type, String id) {
      Long key = numeric(id);
      if (key == null) {
        return; // accounts, tokens, batches: nothing the index holds
      }
      switch (type) {
        case "article" -> articles.add(key);
        case "claim" -> claim(key);
        case "claimant" -> {
          claimants.add(key);
          Claimant claimant = em.find(Claimant.class, key);
          if (claimant != null) {
            em.createNamedQuery("Claim.byClaimant", Claim.class)
                .setParameter("claimant", claimant)
                .getResultStream()
                .forEach(c -> claim(c.id()));
          }
        }
        case "case" -> {
          Case changedCase = em.find(Case.class, key);
          if (changedCase != null) {
            claim(changedCase.claim().id());
          }
        }
        case "evidence" -> evidence.add(key);
        case "source" ->
            em.createNamedQuery("Evidence.citingSource", Long.class)
                .setParameter("source", key)
                .getResultStream()
                .forEach(evidence::add);
        default -> {}
      }
    }

    /** A claim, and its articles: they show whether they have claims and open cases. */
    private void claim(long id) {
      if (claims.add(id)) {
        Claim claim = em.find(Claim.class, id);
        if (claim != null) {
          claim.appearances().forEach(a -> articles.add(a.article().id()));
        }
      }
    }

    /** Each noted thing as it is now: an entry to write, or gone from the database. */
    void resolve() {
      resolve(Kind.ARTICLE, Article.class, articles, article -> articleEntry(article.id()));
      resolve(Kind.CLAIM, Claim.class, claims, claim -> entryOf(claim, hasOpenCase(claim.id())));
      resolve(Kind.CLAIMANT, Claimant.class, claimants, SearchService::entryOf);
      resolve(Kind.EVIDENCE, Evidence.class, evidence, SearchService.this::entryOf);
    }

    private <T> void resolve(Kind kind, Class<T> type, Set<Long> ids, Function<T, Entry> entry) {
      for (long id : ids) {
        T found = em.find(type, id);
        if (found == null) {
          removed.add(new SearchIndex.Owner(kind, id));
        } else {
          puts.add(entry.apply(found));
        }
      }
    }
  }

  private static Long numeric(String id) {
    if (id == null) {
      return null;
    }
    try {
      return Long.valueOf(id);
    } catch (NumberFormatException notAnId) {
      return null;
    }
  }

  /** Whether the index holds changes the database does not (restored from an older backup). */
  @Transactional
  public boolean aheadOfTheLog() {
    return index().appliedSeq() > auditHead();
  }

  /** The newest audit event's seq (0: none). */
  @Transactional
  public long auditHead() {
    Long head = em.createQuery("SELECT MAX(e.seq) FROM AuditEvent e", Long.class).getSingleResult();
    return head == null ? 0 : head;
  }

  public Page search(Query query) {
    caller.require(Role.values());
    return index().search(query);
  }

  public List<Match> similar(
      String text,
      String language,
      Set<Kind> kinds,
      Set<Long> excludeArticles,
      Set<Long> excludeClaims,
      double atLeast,
      int limit) {
    caller.require(Role.values());
    return index().similar(text, language, kinds, excludeArticles, excludeClaims, atLeast, limit);
  }

  public List<Match> similarToClaim(
      long claimId,
      List<String> said,
      String language,
      Set<Long> excludeArticles,
      double atLeast,
      int limit) {
    caller.require(Role.values());
    return index().similarToClaim(claimId, said, language, excludeArticles, atLeast, limit);
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
