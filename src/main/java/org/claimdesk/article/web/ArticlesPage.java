package org.claimdesk.article.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** "Articles": the archive, newest import first, paged on the server. */
@Named
@ViewScoped
public class ArticlesPage implements Serializable {
  @Inject ArticleArchive archive;

  private final LazyDataModel<Article> articles =
      new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) Math.min(Integer.MAX_VALUE, archive.count());
        }

        @Override
        public List<Article> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return archive.newestFirst(first, pageSize);
        }

        @Override
        public String getRowKey(Article article) {
          return String.valueOf(article.id());
        }

        @Override
        public Article getRowData(String rowKey) {
          return archive.find(Long.parseLong(rowKey));
        }
      };

  public LazyDataModel<Article> getArticles() {
    return articles;
  }
}
