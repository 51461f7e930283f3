package org.claimdesk.search;

/** Something the database owns and the index mirrors; put again to replace it. */
public sealed interface Entry permits ArticleEntry, ClaimEntry, ClaimantEntry, EvidenceEntry {

  Kind kind();

  long id();
}
