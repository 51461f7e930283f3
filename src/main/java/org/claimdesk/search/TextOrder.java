package org.claimdesk.search;

import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.misc.index.BPIndexReorderer;
import org.apache.lucene.misc.index.BPReorderingMergePolicy;
import org.apache.lucene.store.Directory;

/**
 * The order of texts within a large segment: texts that share words next to each other (recursive
 * graph bisection, Lucene's {@link BPIndexReorderer}). Similar claims' search skips blocks of texts
 * whose best possible score cannot enter the candidates; when a family of paraphrases lies together
 * in few blocks, most blocks can be skipped. On a million generated claims this cut the search by
 * about 40 % (docs/benchmarks.md, "Ninth pass"). A rebuild is merged into as few segments as the
 * reordering's memory allows ({@link #segments}) and each is reordered; so is a segment Lucene
 * merges from others into one of at least {@link #fromDocs} texts. Smaller ones keep the order they
 * were written in, which costs them little.
 */
final class TextOrder {
  private static final Logger LOG = Logger.getLogger(TextOrder.class.getName());

  // 8 bytes a text (16 MB for two million) and 8 a word in use; the heap may be 512 MB, and a
  // segment too large for this is left in its order rather than fail the merge or the rebuild
  private static final double RAM_BUDGET_MB = 48;
  // texts a rebuild merges into one segment: 32 MB of the budget, the rest for the words
  private static final long MOST_DOCS = 4_000_000;

  private final int fromDocs;
  private final BPIndexReorderer reorderer = new BPIndexReorderer();

  /**
   * Segments of at least {@code fromDocs} texts are reordered, by the words in at least {@code
   * minDocFreq} of them (rarer words say little about which texts belong together).
   */
  TextOrder(int fromDocs, int minDocFreq, Set<String> fields) {
    this.fromDocs = fromDocs;
    reorderer.setFields(fields);
    reorderer.setMinDocFreq(minDocFreq);
    reorderer.setRAMBudgetMB(RAM_BUDGET_MB);
  }

  /** ClaimDesk's: segments of 65,536 texts and more, by the words similar() searches. */
  static TextOrder shipped(Set<String> fields) {
    return new TextOrder(1 << 16, BPIndexReorderer.DEFAULT_MIN_DOC_FREQ, fields);
  }

  /**
   * How many segments a rebuild of {@code docs} texts is merged into before it is reordered: one
   * while the reordering's memory allows it. At a million claims, similar claims' search took about
   * 30 % less time in one ordered segment than in eleven (docs/benchmarks.md, "Twelfth pass").
   */
  static int segments(int docs) {
    return (int) Math.max(1, (docs + MOST_DOCS - 1) / MOST_DOCS);
  }

  /** Whether a segment of {@code docs} texts is reordered. */
  boolean reorders(int docs) {
    return docs >= fromDocs;
  }

  /** {@code segment} in this order, or as it is when small or when memory does not suffice. */
  CodecReader apply(CodecReader segment, Directory temporary) throws IOException {
    if (!reorders(segment.maxDoc())) {
      return segment;
    }
    try {
      // in the calling thread: a rebuild runs in the background and need not take both cores
      return reorderer.reorder(segment, temporary, null);
    } catch (BPIndexReorderer.NotEnoughRAMException e) {
      LOG.warning(() -> "Search index segment kept in its order: " + e.getMessage());
      return segment;
    }
  }

  /** Lucene's merges, each merge of {@link #fromDocs} texts or more written in this order. */
  MergePolicy merges() {
    BPReorderingMergePolicy policy =
        new BPReorderingMergePolicy(new TieredMergePolicy(), reorderer);
    policy.setMinNaturalMergeNumDocs(fromDocs);
    return policy;
  }
}
