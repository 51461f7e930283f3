package org.claimdesk.article.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.article.ArticleImport;
import org.claimdesk.article.PageFetcher;
import org.claimdesk.article.Submission;
import org.claimdesk.platform.Duplicate;
import org.claimdesk.platform.Refused;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.web.Feedback;
import org.claimdesk.platform.web.Refusals;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * "Import articles": pasted text, one or many files, or a web address. Every attempt is listed with
 * its outcome (imported, already imported, refused), newest first.
 */
@Named
@ViewScoped
public class ImportPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ArticleImport importer;
  @Inject PageFetcher fetcher;
  @Inject ArticleArchive archive;
  @Inject Settings settings;

  /** What became of one submission; {@code article} is the new or the existing article. */
  public record Outcome(
      String source, Result result, Long article, String title, String message, int status)
      implements Serializable {

    /** The headline's message key, e.g. {@code import.result.REFUSED.413}. */
    public String headline() {
      return "import.result." + result + (status == 0 ? "" : "." + status);
    }
  }

  /** The three ways an import ends. */
  public enum Result {
    IMPORTED,
    DUPLICATE,
    REFUSED
  }

  private String text;
  private String title;
  private String outlet;
  private String language;
  private String url;
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

  public void importText() {
    String source = title == null || title.isBlank() ? firstWords(text) : title.strip();
    if (attempt(source, () -> importer.receive(Submission.text(text, given())))) {
      text = null;
      title = null;
      outlet = null;
    }
  }

  public void importUrl() {
    String address = url == null ? "" : url.strip();
    if (attempt(
        address, () -> importer.receive(fetcher.fetch(address, Submission.Given.NOTHING)))) {
      url = null;
    }
  }

  /** One uploaded file; PrimeFaces calls this once per file. */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    attempt(
        file.getFileName(),
        () ->
            importer.receive(
                Submission.file(
                    file.getContent(),
                    file.getFileName(),
                    file.getContentType(),
                    Submission.Given.NOTHING)));
  }

  private boolean attempt(String source, Supplier<Article> receive) {
    Outcome outcome;
    try {
      Article article = receive.get();
      int unreadable = article.current().unreadableCharacters();
      String warning = unreadable == 0 ? null : Feedback.text("article.unreadable", unreadable);
      outcome = new Outcome(source, Result.IMPORTED, article.id(), article.title(), warning, 0);
    } catch (RuntimeException e) {
      RuntimeException refusal = Refusals.of(e).orElseThrow(() -> e);
      outcome =
          refusal instanceof Duplicate duplicate
              ? duplicateOf(source, duplicate)
              : new Outcome(
                  source,
                  Result.REFUSED,
                  null,
                  null,
                  Feedback.text(refusal),
                  refusal instanceof Refused r ? r.status() : 0);
    }
    outcomes.add(0, outcome);
    return outcome.result() == Result.IMPORTED;
  }

  /** The service names the existing article by its API path, {@code /api/articles/{id}}. */
  private Outcome duplicateOf(String source, Duplicate duplicate) {
    String path = duplicate.existing() == null ? "" : duplicate.existing();
    Long id = null;
    String existingTitle = null;
    try {
      id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
      existingTitle = archive.find(id).title();
    } catch (RuntimeException unknown) {
      // the message still says what happened
    }
    return new Outcome(source, Result.DUPLICATE, id, existingTitle, Feedback.text(duplicate), 0);
  }

  private Submission.Given given() {
    return new Submission.Given(blank(title), blank(outlet), null, null, null, blank(language));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String firstWords(String value) {
    String s = value == null ? "" : value.strip().replaceAll("\\s+", " ");
    return s.length() <= 60 ? s : s.substring(0, 59) + "…";
  }

  public long getMaxBytes() {
    return settings.importMaxBytes();
  }

  /** The limit as people read it, such as "5 MB". */
  public String getMaxSize() {
    long bytes = settings.importMaxBytes();
    return bytes >= 1024 * 1024
        ? String.format(java.util.Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0))
        : (bytes / 1024) + " KB";
  }

  public List<Outcome> getOutcomes() {
    return outcomes;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getOutlet() {
    return outlet;
  }

  public void setOutlet(String outlet) {
    this.outlet = outlet;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}
