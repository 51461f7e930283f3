package org.claimdesk.dashboard.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;

/** The start page after login: counts and the latest articles. */
@Named
@RequestScoped
public class DashboardPage {
  @Inject ArticleArchive archive;
  @Inject Accounts accounts;
  @Inject Caller caller;

  public long getArticleCount() {
    return archive.count();
  }

  /** Only administrators see how many people have access. */
  public Long getAccountCount() {
    return caller.has(Role.ADMIN) ? accounts.count() : null;
  }

  public List<Article> getLatestArticles() {
    return archive.newestFirst(0, 5);
  }

  public String getDisplayName() {
    return accounts.current().displayName();
  }
}
