package org.claimdesk.article.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.platform.web.Feedback;

/** The reading page of one article ({@code read.xhtml?id=…}). */
@Named
@RequestScoped
public class ArticleReaderPage {
  @Inject ArticleArchive archive;

  private Long id;
  private Article article;

  /** Called by f:viewAction once the id parameter is set. */
  public void load() {
    article = id == null ? null : Feedback.attemptGet(() -> archive.find(id), null);
  }

  public Article getArticle() {
    return article;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
