package org.claimdesk.search;

/** What an index document stands for; a SENTENCE belongs to its ARTICLE and goes with it. */
public enum Kind {
  ARTICLE,
  SENTENCE,
  CLAIM,
  CLAIMANT,
  EVIDENCE
}
