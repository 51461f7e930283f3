package org.claimdesk.article;

/** Fired inside the transaction that imported or changed an article; observed after commit. */
public record ArticleChanged(long articleId) {}
