package org.claimdesk.search;

import java.util.List;
import java.util.Objects;

/**
 * An evidence item of a case: its summary, quote, source and the text of its files (extracted from
 * PDFs and office documents), so that search finds a case by what its evidence says. A hit leads to
 * the case.
 */
public record EvidenceEntry(long id, long caseId, String title, List<String> texts)
    implements Entry {

  public EvidenceEntry {
    Objects.requireNonNull(title, "title");
    texts = List.copyOf(texts);
  }

  @Override
  public Kind kind() {
    return Kind.EVIDENCE;
  }
}
