package org.claimdesk.search;

/**
 * A claim or sentence that says much the same as the text given to similar(). For a SENTENCE,
 * {@code id} is the article's id and {@code start, end} the sentence's offsets; for a CLAIM they
 * are 0. {@code score} is the probability that both make the same claim ({@link
 * org.claimdesk.claim.match.SameClaim}).
 */
public record Match(
    Kind kind, long id, int start, int end, String text, String title, double score) {}
