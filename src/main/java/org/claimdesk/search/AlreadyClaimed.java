package org.claimdesk.search;

import java.io.Serializable;

/**
 * A sentence at [start, end) of an article that makes a claim already registered: {@code claim}
 * with its statement, the number of articles it appears in, and how likely it is the same claim.
 */
public record AlreadyClaimed(
    int start, int end, long claim, String statement, int articles, double score)
    implements Serializable {}
