package org.claimdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.NotFound;
import org.claimdesk.platform.Sha256;

/** The archive of received articles: what every role may read, and how articles get in. */
@ApplicationScoped
@Transactional
public class ArticleArchive {
  static final int LONGEST_PAGE = 200;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  public List<Article> newestFirst(int offset, int limit) {
    caller.require(Role.values());
    if (offset < 0 || limit < 1 || limit > LONGEST_PAGE) {
      throw new IllegalArgumentException(
          "offset must be ≥ 0 and limit between 1 and " + LONGEST_PAGE + ".");
    }
    return em.createNamedQuery("Article.newestFirst", Article.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public Article find(long id) {
    caller.require(Role.values());
    Article article = em.find(Article.class, id);
    if (article == null) {
      throw new NotFound("There is no article " + id + ".");
    }
    return article;
  }

  public long count() {
    caller.require(Role.values());
    return em.createNamedQuery("Article.count", Long.class).getSingleResult();
  }

  /** The article with exactly these original bytes, if it was imported before. */
  Optional<Article> withSameOriginal(byte[] bytes) {
    return em.createNamedQuery("Article.bySha256", Article.class)
        .setParameter("sha256", Sha256.hex(bytes))
        .getResultStream()
        .findFirst();
  }

  /** Stores an article unless its bytes are archived already; returns whether it was new. */
  boolean archive(Article.Received received, String text, String importedBy) {
    if (withSameOriginal(received.bytes()).isPresent()) {
      return false;
    }
    Article article = new Article(received, text, importedBy, clock.instant());
    em.persist(article);
    audit.record(
        Change.of("article.imported", article)
            .set("title", article.title())
            .set("outlet", article.outlet())
            .set("language", article.language())
            .set("mediaType", article.mediaType())
            .set("sha256", article.sha256()));
    return true;
  }
}
