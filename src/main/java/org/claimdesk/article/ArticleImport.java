package org.claimdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Optional;
import org.claimdesk.article.text.ArticleText;
import org.claimdesk.article.text.Extracted;
import org.claimdesk.article.text.Hints;
import org.claimdesk.article.text.Languages;
import org.claimdesk.article.text.RawArticle;
import org.claimdesk.article.text.UnreadableArticle;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Duplicate;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.Refused;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.Sha256;

/**
 * Takes articles in: checks size, reads and cleans the content, refuses duplicates, and archives
 * the original bytes with the first reading text, all in one audited transaction. Anything refused
 * leaves nothing behind.
 */
@ApplicationScoped
public class ArticleImport {
  static final Role[] IMPORTERS = {Role.FACT_CHECKER, Role.SUPERVISOR};

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject Settings settings;
  @Inject Event<ArticleChanged> changed;

  /** Refuses callers who may not import, before any content is read. */
  public void requireImporter() {
    caller.require(IMPORTERS);
  }

  /** Archives a submission and returns the new article. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Article receive(Submission submission) {
    caller.require(IMPORTERS);
    return archive(read(submission), caller.username());
  }

  /** Archives a submission read before (by {@link #read}) and returns the new article. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Article receive(Reading reading) {
    caller.require(IMPORTERS);
    return archive(reading, caller.username());
  }

  /** The demo data's way in: no caller, imported by "demo". Returns empty for a duplicate. */
  @Transactional
  Optional<Article> receiveAsSystem(Submission submission, String importer) {
    try {
      // a restart finds every seed archived: asked before reading, it reads none of them (reading
      // loads the language model, half a second of every start)
      refuseKnown(
          "Article.bySha256", Sha256.hex(submission.bytes()), "refusal.article.sameContent");
      return Optional.of(archive(read(submission), importer));
    } catch (Duplicate already) {
      return Optional.empty();
    }
  }

  /**
   * A submission read and cleaned, not yet checked against the archive: {@code extracted} and
   * {@code metadata}, or why it is {@code unreadable}, or neither when its size is refused anyway.
   */
  public record Reading(
      Submission submission,
      Extracted extracted,
      Article.Metadata metadata,
      UnreadableArticle unreadable) {}

  /**
   * Reads and cleans the content, storing nothing and needing no caller: the costly part of an
   * import, safe on any thread. Refusals wait for {@link #receive(Reading)}, so a file is refused
   * or found a duplicate for the same reason whichever way it came in.
   */
  public Reading read(Submission submission) {
    byte[] bytes = submission.bytes();
    if (bytes.length == 0 || bytes.length > settings.importMaxBytes()) {
      return new Reading(submission, null, null, null);
    }
    try {
      Extracted extracted =
          ArticleText.extract(
              new RawArticle(
                  bytes,
                  submission.fileName(),
                  submission.contentType(),
                  submission.fetchedFrom(),
                  submission.given().title()));
      return new Reading(
          submission,
          extracted,
          metadata(submission.given(), extracted, settings.importDefaultLanguage()),
          null);
    } catch (UnreadableArticle e) {
      return new Reading(submission, null, null, e);
    }
  }

  private Article archive(Reading reading, String importer) {
    Submission submission = reading.submission();
    byte[] bytes = submission.bytes();
    checkSize(bytes.length, settings.importMaxBytes());
    // from here to commit no other import commits: two imports of the same text at the same
    // moment, on any node, find each other as duplicates instead of both being archived
    audit.holdChain();
    refuseKnown("Article.bySha256", Sha256.hex(bytes), "refusal.article.sameContent");
    if (reading.unreadable() != null) {
      throw Refused.unreadable(reading.unreadable().why());
    }
    Extracted extracted = reading.extracted();
    refuseKnown("Article.byTextSha256", Sha256.hex(extracted.text()), "refusal.article.sameText");
    Article article =
        new Article(
            new Article.Received(
                bytes,
                extracted.mediaType(),
                submission.fileName(),
                Optional.ofNullable(extracted.charset()).map(Charset::name).orElse(null),
                submission.fetchedFrom(),
                submission.fetchedAt()),
            reading.metadata(),
            extracted.text(),
            extracted.removed(),
            importer,
            clock.instant());
    em.persist(article);
    audit.record(
        Change.of("article.imported", article)
            .set("title", article.title())
            .set("outlet", article.outlet())
            .set("url", article.url())
            .set("author", article.author())
            .set("publishedOn", article.publishedOn())
            .set("language", article.language())
            .set("mediaType", article.mediaType())
            .set("fileName", article.fileName())
            .set("fetchedFrom", article.fetchedFrom())
            .set("sha256", article.sha256())
            .set("removedParts", extracted.removed().size())
            .set(
                "replacedBytes", extracted.replacedBytes() > 0 ? extracted.replacedBytes() : null));
    changed.fire(new ArticleChanged(article.id()));
    return article;
  }

  /** Metadata from what the person said, else from the content, else sensible fallbacks. */
  static Article.Metadata metadata(
      Submission.Given given, Extracted extracted, String defaultLanguage) {
    Hints hints = extracted.hints();
    String title = firstNonBlank(given.title(), hints.title());
    if (title == null) {
      title = firstWords(extracted.text());
    }
    String language = firstNonBlank(given.language(), hints.language());
    if (language == null) {
      language = Languages.detect(extracted.text()).orElse(defaultLanguage);
    }
    return new Article.Metadata(
        fit(title, Article.LONGEST_TITLE),
        firstNonBlank(given.outlet(), hints.outlet()),
        firstNonBlank(given.url(), hints.canonicalUrl()),
        firstNonBlank(given.author(), hints.author()),
        given.publishedOn() != null ? given.publishedOn() : hints.published(),
        language);
  }

  static void checkSize(long size, long max) {
    if (size == 0) {
      throw Refused.unreadable("refusal.article.empty");
    }
    if (size > max) {
      throw Refused.tooLarge("refusal.article.tooLarge", megabytes(size), megabytes(max));
    }
  }

  /** For input cut off at the limit, whose full size is not known. */
  public static Refused tooLarge(long max) {
    return Refused.tooLarge("refusal.article.larger", megabytes(max));
  }

  static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private void refuseKnown(String query, String sha256, String what) {
    em.createNamedQuery(query, Article.class)
        .setParameter("sha256", sha256)
        .getResultStream()
        .findFirst()
        .ifPresent(
            existing -> {
              throw new Duplicate(
                  Message.of(
                      "refusal.article.duplicate",
                      Message.of(what),
                      existing.title(),
                      existing.id()),
                  "/api/articles/" + existing.id());
            });
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    return b == null || b.isBlank() ? null : b.strip();
  }

  private static String firstWords(String text) {
    String first = text.lines().findFirst().orElse(text).strip();
    return first.length() <= 120 ? first : first.substring(0, 119).strip() + "…";
  }

  private static String fit(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
