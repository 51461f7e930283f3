package org.claimdesk.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.platform.web.Feedback;

/** The reader's dialog that edits the metadata of the article {@link ArticleReaderPage} shows. */
@Named
@ViewScoped
public class MetadataDialog implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ArticleArchive archive;
  @Inject ArticleReaderPage page;

  // the article's version when the fields were filled: an edit made since is a conflict
  private long version;
  private String title;
  private String outlet;
  private String url;
  private String author;
  private LocalDate publishedOn;
  private String language;

  /** Filled from the article as the page loaded it, when the dialog is first rendered. */
  @PostConstruct
  void fill() {
    Article a = page.getArticle();
    version = a.version();
    title = a.title();
    outlet = a.outlet().orElse(null);
    url = a.url().orElse(null);
    author = a.author().orElse(null);
    publishedOn = a.publishedOn().orElse(null);
    language = a.language();
  }

  public String save() {
    boolean saved =
        Feedback.attempt(
            () ->
                archive.edit(
                    page.getId(),
                    version,
                    new Article.Metadata(title, outlet, url, author, publishedOn, language)),
            "article.metadataSaved");
    return saved ? page.again() : null;
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

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = author;
  }

  public LocalDate getPublishedOn() {
    return publishedOn;
  }

  public void setPublishedOn(LocalDate publishedOn) {
    this.publishedOn = publishedOn;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }
}
