package org.claimdesk.search;

/**
 * One search result. {@code snippetHtml} is safe HTML: the text is escaped and only the {@code
 * <mark>} tags around matched words are markup. {@code title} is plain text, to be escaped.
 */
public record Hit(Kind kind, long id, String title, String snippetHtml, double score) {}
