package org.claimdesk.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOUtils;
import org.claimdesk.claim.match.Reading;
import org.claimdesk.claim.match.SameClaim;

/**
 * The full-text index over articles, their sentences, claims and claimants. It is a cache of the
 * database, and a missing one is rebuilt beside it ({@link #replacement}). Safe for concurrent use;
 * changes are visible to the next search.
 *
 * <p>Only {@link #apply} and {@link #replaceAll} commit to disk, together with the audit position
 * they reach; {@link #put} and {@link #remove} (a node's own changes, shown at once) ride along
 * with the next commit. An index that survives a crash is still never silently behind: it reopens
 * at its committed position, and everything after that is applied again. One commit (a disk sync)
 * per follower round rather than per change, and a new reader only when somebody searches, let a
 * batch import go faster than the disk.
 */
public final class SearchIndex implements Closeable {

  /**
   * BM25 picks three candidates per wanted match, at least 10 and at most 50, before {@link
   * SameClaim} reads, ranks and cuts them: reading costs about 0.3 ms a word.
   */
  private static int candidates(int limit) {
    return Math.min(50, Math.max(10, 3 * limit));
  }

  // The owner: "ARTICLE:7" on the article and on each of its sentences, so both go together.
  private static final String KEY = "key";
  private static final String KIND = "kind";
  private static final String ID = "id";
  private static final String START = "start";
  private static final String END = "end";
  private static final String TITLE = "title";
  private static final String LANGUAGE = "language";
  private static final String OUTLET = "outlet";
  private static final String PUBLISHED = "published";
  private static final String HAS_CLAIMS = "hasClaims";
  private static final String HAS_OPEN_CASE = "hasOpenCase";
  // Analysed per language: heading_de, body_en, ...; body is stored for snippets and for the parts
  // (statement, quotes) similar() compares a claim by.
  private static final String HEADING = "heading";
  private static final String BODY = "body";
  // What a statement says, on claims and sentences only, each word as its spelling key: similar()
  // searches it without a filter (a filter on the kinds cost more than the query itself at a
  // million claims).
  private static final String SAID = "said";
  // A claim's readings (Reading.bytes), one per distinct part of its body, in the body's order.
  private static final String READING = "reading";
  static final Set<String> SAID_FIELDS =
      Set.of(SAID + "_" + Analysis.DE, SAID + "_" + Analysis.EN, SAID + "_" + Analysis.OTHER);
  private static final String[] BODIES = {
    BODY + "_" + Analysis.DE, BODY + "_" + Analysis.EN, BODY + "_" + Analysis.OTHER
  };
  private static final Set<Kind> SAYING = EnumSet.of(Kind.CLAIM, Kind.SENTENCE);
  private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());
  private static final Set<Kind> SEARCHED =
      EnumSet.of(Kind.ARTICLE, Kind.CLAIM, Kind.CLAIMANT, Kind.EVIDENCE);
  // Everything SimpleQueryParser offers except ~ (fuzzy and slop), which reads like a typo.
  private static final int OPERATORS =
      -1 & ~SimpleQueryParser.FUZZY_OPERATOR & ~SimpleQueryParser.NEAR_OPERATOR;

  private final Directory directory;
  private final Path dir; // null in memory
  private final Analyzer analyzer = Analysis.perField(List.of(HEADING, BODY), List.of(SAID));
  private final TextOrder order;
  // Similar claims' lookups are CPU-bound: as many run at once as there are cores, the others wait
  // their turn in order. A lookup then takes its own time plus that of those before it, instead of
  // its own time stretched by every other one running beside it, and other requests keep a share
  // of the CPU.
  private final Semaphore lookups = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
  private final IndexWriter writer;
  private final SearcherManager searchers;
  // One change at a time, so that no refresh ever shows half of a replacement.
  private final Object changes = new Object();
  // Changed since searches last looked: the next search refreshes first (read-your-writes), so a
  // burst of changes opens one new reader, not one each.
  private volatile boolean unseen;
  // The newest audit event whose changes the index holds, stored in each Lucene commit.
  private static final String APPLIED_SEQ = "claimdesk.audit-seq";
  private volatile long appliedSeq;

  // The fields' layout, stored in each commit: an index laid out otherwise is emptied on opening,
  // so it is rebuilt like a missing one instead of answering from fields it lacks.
  private static final String LAYOUT_KEY = "claimdesk.index-layout";
  // Claims keep their readings, so a change to reading is a change of layout. 4: said_* hold
  // spelling keys only.
  static final String LAYOUT = "4/reading " + Reading.version();

  private SearchIndex(Directory directory, Path dir, TextOrder order) throws IOException {
    this.directory = directory;
    this.dir = dir;
    this.order = order;
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setMergePolicy(order.merges());
    this.writer = new IndexWriter(directory, config);
    // commits keep the followed audit seq until a change moves it (setLiveCommitData is sticky)
    Map<String, String> committed = new HashMap<>();
    if (writer.getLiveCommitData() != null) {
      writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
    }
    this.appliedSeq = Long.parseLong(committed.getOrDefault(APPLIED_SEQ, "0"));
    if (!LAYOUT.equals(committed.get(LAYOUT_KEY)) && writer.getDocStats().maxDoc > 0) {
      LOG.info(
          () ->
              "The search index in "
                  + dir
                  + " has an older layout; it is emptied and will be rebuilt.");
      writer.deleteAll();
      appliedSeq = 0;
    }
    writer.setLiveCommitData(commitData(appliedSeq).entrySet());
    writer.commit(); // a fresh directory holds a valid empty index from now on
    this.searchers = new SearcherManager(writer, null);
  }

  /** The index in {@code dir}, created empty if there is none; existing documents are kept. */
  public static SearchIndex open(Path dir) {
    return open(dir, TextOrder.shipped(SAID_FIELDS));
  }

  static SearchIndex open(Path dir, TextOrder order) {
    try {
      Files.createDirectories(dir);
      return new SearchIndex(FSDirectory.open(dir), dir, order);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open search index in " + dir, e);
    }
  }

  public static SearchIndex inMemory() {
    try {
      return new SearchIndex(new ByteBuffersDirectory(), null, TextOrder.shipped(SAID_FIELDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isEmpty() {
    return read(searcher -> searcher.getIndexReader().numDocs() == 0);
  }

  /** Adds the entry or replaces the one with the same kind and id (an article with sentences). */
  public void put(Entry entry) {
    List<Document> documents = documents(entry);
    change(() -> writer.updateDocuments(owner(entry.kind(), entry.id()), documents), false);
  }

  /** Removes the entry if present; an article takes its sentences with it. */
  public void remove(Kind kind, long id) {
    if (kind == Kind.SENTENCE) {
      throw new IllegalArgumentException("sentences go with their article");
    }
    change(() -> writer.deleteDocuments(owner(kind, id)), false);
  }

  /**
   * A new index written beside this one while this one keeps answering, entry by entry (Lucene
   * flushes to disk as it goes: memory stays bounded whatever the size); {@link
   * Replacement#replace} then puts it in place of this one's content in one commit.
   */
  public Replacement replacement() {
    try {
      if (dir == null) {
        return new Replacement(new ByteBuffersDirectory(), null);
      }
      Path beside = dir.resolveSibling(dir.getFileName() + ".rebuilding");
      IOUtils.rm(beside); // left over by a rebuild that did not finish
      return new Replacement(FSDirectory.open(beside.resolve("written")), beside);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a new search index beside " + dir, e);
    }
  }

  /**
   * Rebuilds the index from these entries, holding the database as after audit event {@code seq}.
   */
  public void replaceAll(Iterable<? extends Entry> entries, long seq) {
    try (Replacement replacement = replacement()) {
      entries.forEach(replacement::add);
      replacement.replace(seq);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new index being written; searches see this index's old content until it replaces it. */
  public final class Replacement implements Closeable {
    private final Directory target;
    private final Path folder;
    private final IndexWriter building;
    private Directory ordered;

    private Replacement(Directory target, Path folder) throws IOException {
      this.target = target;
      this.folder = folder;
      this.building =
          new IndexWriter(
              target,
              new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    }

    public void add(Entry entry) {
      try {
        building.addDocuments(documents(entry));
      } catch (IOException e) {
        throw new UncheckedIOException("search index rebuild failed", e);
      }
    }

    /**
     * Replaces the index's content with this one, holding the database as it was after audit event
     * {@code seq}; searches see the old or the new index, never a mixture.
     */
    public void replace(long seq) {
      try {
        int docs = building.getDocStats().maxDoc;
        if (order.reorders(docs)) {
          building.forceMerge(TextOrder.segments(docs)); // one ordered segment skips the most
        }
        building.commit();
        building.close();
        ordered = inOrder(target);
      } catch (IOException e) {
        throw new UncheckedIOException("search index rebuild failed", e);
      }
      change(
          () -> {
            writer.deleteAll();
            writer.addIndexes(ordered); // the files as they are: quick, under the lock
            followed(seq);
          },
          true);
    }

    /**
     * The written segments again, their texts in {@link TextOrder} (before the lock: at a million
     * claims this takes about a minute, while searches and changes go on); {@code written} itself
     * when every segment is too small to be reordered.
     */
    private Directory inOrder(Directory written) throws IOException {
      try (DirectoryReader reader = DirectoryReader.open(written)) {
        if (reader.leaves().stream().noneMatch(s -> order.reorders(s.reader().maxDoc()))) {
          return written;
        }
        Directory copy =
            folder == null
                ? new ByteBuffersDirectory()
                : FSDirectory.open(folder.resolve("ordered"));
        try (IndexWriter out =
            new IndexWriter(
                copy,
                new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
          for (LeafReaderContext segment : reader.leaves()) {
            out.addIndexes(order.apply((CodecReader) segment.reader(), copy));
          }
          out.commit();
        } catch (IOException | RuntimeException e) {
          copy.close();
          throw e;
        }
        return copy;
      }
    }

    /** Drops what was written (after {@link #replace}, only the files beside the index). */
    @Override
    public void close() throws IOException {
      IOUtils.close(building, target, ordered == target ? null : ordered);
      if (folder != null) {
        IOUtils.rm(folder);
      }
    }
  }

  /**
   * Applies what audit events up to {@code seq} changed, in one commit with the new position: a
   * crash leaves the index at the old or the new position, never between.
   */
  public void apply(Collection<? extends Entry> puts, Collection<Owner> removals, long seq) {
    change(
        () -> {
          for (Entry entry : puts) {
            writer.updateDocuments(owner(entry.kind(), entry.id()), documents(entry));
          }
          for (Owner removed : removals) {
            writer.deleteDocuments(owner(removed.kind(), removed.id()));
          }
          followed(seq);
        },
        true);
  }

  /** An entry's identity, for removals. */
  public record Owner(Kind kind, long id) {}

  /** The newest audit event whose changes the index holds (0: none yet). */
  public long appliedSeq() {
    return appliedSeq;
  }

  private void followed(long seq) {
    appliedSeq = seq;
    writer.setLiveCommitData(commitData(seq).entrySet());
  }

  private static Map<String, String> commitData(long seq) {
    return Map.of(APPLIED_SEQ, Long.toString(seq), LAYOUT_KEY, LAYOUT);
  }

  /**
   * Claims and sentences that make the same claim as {@code text} (a claim's statement or quote),
   * best first, each at least {@link SameClaim#cut} likely. BM25 over the text's most telling words
   * (MoreLikeThis) finds candidates; {@link SameClaim} scores each from the two texts alone, so a
   * score does not depend on what else is indexed. Only candidates in the same language are
   * compared.
   */
  public List<Match> similar(
      String text,
      String language,
      Set<Long> excludeArticleIds,
      Set<Long> excludeClaimIds,
      int limit) {
    return similar(
        text,
        language,
        EnumSet.of(Kind.SENTENCE, Kind.CLAIM),
        excludeArticleIds,
        excludeClaimIds,
        SameClaim.shipped().cut,
        limit);
  }

  /**
   * As {@link #similar(String, String, Set, Set, int)}, offering only {@code kinds} that score at
   * least {@code atLeast}.
   */
  public List<Match> similar(
      String text,
      String language,
      Set<Kind> kinds,
      Set<Long> excludeArticleIds,
      Set<Long> excludeClaimIds,
      double atLeast,
      int limit) {
    String readAs = readAs(Analysis.suffix(language));
    return similar(
        text,
        language,
        searcher -> Reading.of(text, readAs),
        kinds,
        excludeArticleIds,
        excludeClaimIds,
        atLeast,
        limit);
  }

  /**
   * As {@link #similar(String, String, Set, Set, Set, double, int)}, for a registered claim {@code
   * said} as its statement, then its quotes: compared by the readings its entry holds (each part
   * read once, when indexed) rather than by reading them again. A part the entry does not hold as
   * said (the index has not caught up with an edit) is read here.
   */
  public List<Match> similarToClaim(
      long claimId,
      List<String> said,
      String language,
      Set<Long> excludeArticleIds,
      double atLeast,
      int limit) {
    if (said.isEmpty() || limit < 1) {
      return List.of();
    }
    String readAs = readAs(Analysis.suffix(language));
    String body = BODY + "_" + Analysis.suffix(language);
    return similar(
        String.join("\n", said),
        language,
        searcher ->
            Reading.together(
                readings(searcher, claimId, parts(said.toArray(String[]::new)), body, readAs)),
        EnumSet.of(Kind.SENTENCE, Kind.CLAIM),
        excludeArticleIds,
        Set.of(claimId),
        atLeast,
        limit);
  }

  /** Each part's reading: as the claim's entry holds it, or read now. */
  private static List<Reading> readings(
      IndexSearcher searcher, long claimId, List<String> parts, String body, String readAs)
      throws IOException {
    TopDocs own = searcher.search(new TermQuery(owner(Kind.CLAIM, claimId)), 1);
    Map<String, Reading> held = new HashMap<>();
    if (own.scoreDocs.length == 1) {
      Document doc = searcher.storedFields().document(own.scoreDocs[0].doc, Set.of(body, READING));
      List<String> indexed = parts(doc.getValues(body));
      BytesRef[] read = doc.getBinaryValues(READING);
      for (int i = 0; read.length == indexed.size() && i < read.length; i++) {
        held.put(indexed.get(i), Reading.fromBytes(read[i].bytes, read[i].offset, read[i].length));
      }
    }
    List<Reading> readings = new ArrayList<>();
    for (String part : parts) {
      Reading reading = held.get(part);
      readings.add(reading != null ? reading : Reading.of(part, readAs));
    }
    return readings;
  }

  /** The candidates' search and their scores, in the lookup's turn (at most one per core). */
  private List<Match> similar(
      String text,
      String language,
      Read<Reading> wanted,
      Set<Kind> kinds,
      Set<Long> excludeArticleIds,
      Set<Long> excludeClaimIds,
      double atLeast,
      int limit) {
    if (text == null || text.isBlank() || limit < 1) {
      return List.of();
    }
    String field = SAID + "_" + Analysis.suffix(language);
    String body = BODY + "_" + Analysis.suffix(language);
    String readAs = readAs(Analysis.suffix(language));
    lookups.acquireUninterruptibly();
    try {
      return read(
          searcher -> {
            IndexReader reader = searcher.getIndexReader();
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {field});
            mlt.setMinTermFreq(1); // a claim says each thing once
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(40);
            mlt.setBoost(true);
            BooleanQuery.Builder query =
                new BooleanQuery.Builder()
                    .add(rareFirst(mlt.like(field, new StringReader(text))), Occur.MUST);
            if (!kinds.containsAll(SAYING)) {
              query.add(kinds(kinds), Occur.FILTER); // only claims and sentences have the field
            }
            for (long article : excludeArticleIds) {
              query.add(new TermQuery(owner(Kind.ARTICLE, article)), Occur.MUST_NOT);
            }
            for (long claim : excludeClaimIds) {
              query.add(new TermQuery(owner(Kind.CLAIM, claim)), Occur.MUST_NOT);
            }
            TopDocs top = searcher.search(query.build(), candidates(limit));
            if (top.scoreDocs.length == 0) {
              return List.of(); // nothing to compare: the text need not be read
            }
            SameClaim model = SameClaim.shipped();
            Reading asked = wanted.apply(searcher);
            StoredFields stored = searcher.storedFields();
            List<Document> docs = new ArrayList<>();
            for (ScoreDoc candidate : top.scoreDocs) {
              docs.add(stored.document(candidate.doc));
            }
            // claims first: a sentence that is a claim's quote takes the claim's stored reading
            Map<String, Reading> readings = new HashMap<>();
            List<List<String>> partsOfDocs = new ArrayList<>();
            for (Document doc : docs) {
              List<String> parts =
                  isSentence(doc) ? List.of(doc.get(field)) : parts(doc.getValues(body));
              partsOfDocs.add(parts);
              BytesRef[] read = isSentence(doc) ? new BytesRef[0] : doc.getBinaryValues(READING);
              // the layout guarantees one reading a part; were one missing, the text is read below
              for (int i = 0; read.length == parts.size() && i < parts.size(); i++) {
                readings.put(
                    parts.get(i), Reading.fromBytes(read[i].bytes, read[i].offset, read[i].length));
              }
            }
            List<Match> matches = new ArrayList<>();
            for (int d = 0; d < docs.size(); d++) {
              double score = 0;
              // a claim is as close as its closest part: the statement or one of its quotes
              for (String part : partsOfDocs.get(d)) {
                Reading reading = readings.computeIfAbsent(part, p -> Reading.of(p, readAs));
                score = Math.max(score, model.probability(asked, reading));
              }
              if (score >= atLeast) {
                matches.add(match(docs.get(d), field, score));
              }
            }
            matches.sort(Comparator.comparingDouble(Match::score).reversed());
            return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
          });
    } finally {
      lookups.release();
    }
  }

  /**
   * MoreLikeThis' terms, each boosted by the square of its tf·idf against the text's best term: the
   * rare words a claim turns on (names, numbers, places) lead, so candidates that share them come
   * first, and the search skips the many texts that share only common words. On a million claims
   * from a small vocabulary this halved the search and offered better candidates; on labelled pairs
   * among thousands of texts it found as many (docs/benchmarks.md, "Fifth pass", "Pairs found by
   * similar()").
   */
  private static org.apache.lucene.search.Query rareFirst(org.apache.lucene.search.Query like) {
    BooleanQuery.Builder terms = new BooleanQuery.Builder();
    for (BooleanClause clause : (BooleanQuery) like) {
      if (clause.getQuery() instanceof BoostQuery term) {
        terms.add(new BoostQuery(term.getQuery(), term.getBoost() * term.getBoost()), Occur.SHOULD);
      } else {
        terms.add(clause);
      }
    }
    return terms.build();
  }

  /** One page of articles, claims and claimants; user input never makes this throw. */
  public Page search(Query query) {
    Objects.requireNonNull(query, "query");
    org.apache.lucene.search.Query text = textQuery(query.text());
    if (text == null) {
      return new Page(0, List.of(), List.of());
    }
    BooleanQuery.Builder filtered =
        new BooleanQuery.Builder()
            .add(text, Occur.MUST)
            .add(kinds(query.kinds().isEmpty() ? SEARCHED : query.kinds()), Occur.FILTER);
    if (query.language() != null) {
      filtered.add(new TermQuery(new Term(LANGUAGE, code(query.language()))), Occur.FILTER);
    }
    if (query.from() != null || query.to() != null) {
      long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochDay();
      long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochDay();
      filtered.add(LongPoint.newRangeQuery(PUBLISHED, from, to), Occur.FILTER);
    }
    if (query.hasClaims() != null) {
      filtered.add(flag(HAS_CLAIMS, query.hasClaims()), Occur.FILTER);
    }
    if (query.hasOpenCase() != null) {
      filtered.add(flag(HAS_OPEN_CASE, query.hasOpenCase()), Occur.FILTER);
    }
    org.apache.lucene.search.Query anyOutlet = filtered.build();
    org.apache.lucene.search.Query full =
        query.outlet() == null
            ? anyOutlet
            : new BooleanQuery.Builder()
                .add(anyOutlet, Occur.MUST)
                .add(new TermQuery(new Term(OUTLET, query.outlet())), Occur.FILTER)
                .build();
    return read(
        searcher -> {
          int wanted =
              (int)
                  Math.min(
                      (long) query.offset() + query.limit(),
                      Math.max(1, searcher.getIndexReader().maxDoc()));
          TopDocs top =
              searcher.search(full, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
          ScoreDoc[] page =
              Arrays.copyOfRange(
                  top.scoreDocs,
                  Math.min(query.offset(), top.scoreDocs.length),
                  top.scoreDocs.length);
          return new Page(
              top.totalHits.value, hits(searcher, text, page), outlets(searcher, anyOutlet));
        });
  }

  @Override
  public void close() throws IOException {
    synchronized (changes) {
      IOUtils.close(searchers, writer, directory);
    }
  }

  // --- writing -----------------------------------------------------------------------------

  private interface Change {
    void apply() throws IOException;
  }

  private void change(Change change, boolean commit) {
    synchronized (changes) {
      try {
        change.apply();
        if (commit) {
          writer.commit();
        }
        unseen = true;
      } catch (IOException e) {
        throw new UncheckedIOException("search index change failed", e);
      }
    }
  }

  private static Term owner(Kind kind, long id) {
    return new Term(KEY, kind.name() + ":" + id);
  }

  private static List<Document> documents(Entry entry) {
    if (entry instanceof ArticleEntry article) {
      return article(article);
    }
    if (entry instanceof ClaimEntry claim) {
      return List.of(claim(claim));
    }
    if (entry instanceof EvidenceEntry evidence) {
      return List.of(evidence(evidence));
    }
    return List.of(claimant((ClaimantEntry) entry));
  }

  private static List<Document> article(ArticleEntry a) {
    String suffix = Analysis.suffix(a.language());
    Document article = document(Kind.ARTICLE, a.id(), a.id(), a.title(), a.language());
    article.add(new TextField(HEADING + "_" + suffix, a.title(), Store.NO));
    article.add(new TextField(BODY + "_" + suffix, a.text(), Store.YES));
    if (a.outlet() != null && !a.outlet().isBlank()) {
      article.add(new StringField(OUTLET, a.outlet(), Store.NO));
      article.add(new SortedDocValuesField(OUTLET, new BytesRef(a.outlet())));
    }
    if (a.published() != null) {
      article.add(new LongPoint(PUBLISHED, a.published().toEpochDay()));
    }
    article.add(new StringField(HAS_CLAIMS, String.valueOf(a.hasClaims()), Store.NO));
    article.add(new StringField(HAS_OPEN_CASE, String.valueOf(a.hasOpenCase()), Store.NO));
    List<Document> documents = new ArrayList<>();
    documents.add(article);
    for (Span span : a.sentences()) {
      Document sentence = document(Kind.SENTENCE, a.id(), a.id(), a.title(), a.language());
      sentence.add(new StoredField(START, span.start()));
      sentence.add(new StoredField(END, span.end()));
      sentence.add(
          new TextField(
              SAID + "_" + suffix, a.text().substring(span.start(), span.end()), Store.YES));
      documents.add(sentence);
    }
    return documents;
  }

  private static boolean isSentence(Document doc) {
    return Kind.SENTENCE.name().equals(doc.get(KIND));
  }

  /** A claim's statement and quotes, each once (a quote is often the statement word for word). */
  private static List<String> parts(String[] body) {
    return List.copyOf(new LinkedHashSet<>(Arrays.asList(body)));
  }

  /** The language a text of a field with this suffix is read in; other languages as German. */
  private static String readAs(String suffix) {
    return suffix.equals(Analysis.EN) ? "en" : "de";
  }

  private static Document claim(ClaimEntry c) {
    String suffix = Analysis.suffix(c.language());
    Document claim = document(Kind.CLAIM, c.id(), c.id(), c.statement(), c.language());
    // the body holds the statement, then each quote: a claim is found by any way it was put
    claim.add(new TextField(BODY + "_" + suffix, c.statement(), Store.YES));
    claim.add(new TextField(SAID + "_" + suffix, c.statement(), Store.NO));
    for (Quote quote : c.quotes()) {
      claim.add(new TextField(BODY + "_" + suffix, quote.text(), Store.YES));
      claim.add(new TextField(SAID + "_" + suffix, quote.text(), Store.NO));
    }
    // read once here rather than at every lookup that offers the claim as a candidate
    for (String part : parts(claim.getValues(BODY + "_" + suffix))) {
      claim.add(new StoredField(READING, new BytesRef(Reading.of(part, readAs(suffix)).bytes())));
    }
    if (c.claimant() != null) {
      claim.add(new TextField(HEADING + "_" + suffix, c.claimant(), Store.NO));
    }
    claim.add(new StringField(HAS_OPEN_CASE, String.valueOf(c.hasOpenCase()), Store.NO));
    return claim;
  }

  private static Document claimant(ClaimantEntry p) {
    // no language field (a language filter leaves claimants out), but the newsroom describes
    // them in German or English, so both chains see the name and the description
    Document claimant = document(Kind.CLAIMANT, p.id(), p.id(), p.name(), null);
    String about =
        p.description() == null || p.description().isBlank() ? p.name() : p.description();
    for (String suffix : List.of(Analysis.DE, Analysis.EN)) {
      claimant.add(new TextField(HEADING + "_" + suffix, p.name(), Store.NO));
      claimant.add(new TextField(BODY + "_" + suffix, about, Store.YES));
    }
    return claimant;
  }

  private static Document evidence(EvidenceEntry e) {
    // owned by the item, found as its case; written in either language, like claimants
    Document evidence = document(Kind.EVIDENCE, e.id(), e.caseId(), e.title(), null);
    for (String suffix : List.of(Analysis.DE, Analysis.EN)) {
      for (String text : e.texts()) {
        evidence.add(new TextField(BODY + "_" + suffix, text, Store.YES));
      }
    }
    return evidence;
  }

  private static Document document(Kind kind, long owner, long id, String title, String language) {
    Document document = new Document();
    document.add(
        new StringField(
            KEY, owner(kind == Kind.SENTENCE ? Kind.ARTICLE : kind, owner).text(), Store.NO));
    document.add(new StringField(KIND, kind.name(), Store.YES));
    document.add(new StoredField(ID, id));
    document.add(new StoredField(TITLE, title));
    if (language != null) {
      document.add(new StringField(LANGUAGE, code(language), Store.NO));
    }
    return document;
  }

  private static String code(String language) {
    return language.strip().toLowerCase(Locale.ROOT);
  }

  // --- reading -----------------------------------------------------------------------------

  private interface Read<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T read(Read<T> read) {
    try {
      if (unseen) {
        synchronized (changes) {
          if (unseen) {
            unseen = false;
            searchers.maybeRefreshBlocking();
          }
        }
      }
      IndexSearcher searcher = searchers.acquire();
      try {
        return read.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search index read failed", e);
    }
  }

  /**
   * Each language's fields are asked in that language's analysis, all words required; null when the
   * text has no searchable word (only stop words or punctuation).
   */
  private org.apache.lucene.search.Query textQuery(String text) {
    if (text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
    boolean searchable = false;
    for (String language : Analysis.LANGUAGES) {
      SimpleQueryParser parser =
          new SimpleQueryParser(
              analyzer, Map.of(HEADING + "_" + language, 2f, BODY + "_" + language, 1f), OPERATORS);
      parser.setDefaultOperator(Occur.MUST);
      org.apache.lucene.search.Query parsed = parser.parse(text);
      if (parsed != null && !(parsed instanceof MatchNoDocsQuery)) {
        anyLanguage.add(parsed, Occur.SHOULD);
        searchable = true;
      }
    }
    return searchable ? anyLanguage.build() : null;
  }

  private static org.apache.lucene.search.Query kinds(Set<Kind> kinds) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Kind kind : kinds) {
      any.add(new TermQuery(new Term(KIND, kind.name())), Occur.SHOULD);
    }
    return any.build();
  }

  private static org.apache.lucene.search.Query flag(String field, boolean value) {
    return new TermQuery(new Term(field, String.valueOf(value)));
  }

  private List<Hit> hits(
      IndexSearcher searcher, org.apache.lucene.search.Query text, ScoreDoc[] page)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            // escape=true: the text is HTML-escaped, only the marks are markup
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxNoHighlightPassages(1)
            .build();
    int[] passages = new int[BODIES.length];
    Arrays.fill(passages, 2);
    Map<String, String[]> snippets =
        highlighter.highlightFields(
            BODIES,
            text,
            new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page),
            passages);
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = stored.document(page[i].doc, Set.of(KIND, ID, TITLE));
      String snippet = "";
      for (String body : BODIES) {
        String s = snippets.get(body)[i];
        if (s != null) {
          snippet = s;
          break;
        }
      }
      hits.add(
          new Hit(
              Kind.valueOf(doc.get(KIND)),
              doc.getField(ID).numericValue().longValue(),
              doc.get(TITLE),
              snippet,
              page[i].score));
    }
    return hits;
  }

  private static List<String> outlets(IndexSearcher searcher, org.apache.lucene.search.Query query)
      throws IOException {
    return List.copyOf(
        searcher.search(
            query,
            new CollectorManager<OutletCollector, Set<String>>() {
              @Override
              public OutletCollector newCollector() {
                return new OutletCollector();
              }

              @Override
              public Set<String> reduce(Collection<OutletCollector> collectors) throws IOException {
                Set<String> all = new TreeSet<>();
                for (OutletCollector collector : collectors) {
                  collector.flush();
                  all.addAll(collector.outlets);
                }
                return all;
              }
            }));
  }

  /** Collects the outlet ordinals of one segment at a time, then looks their names up once. */
  private static final class OutletCollector extends SimpleCollector {
    final Set<String> outlets = new TreeSet<>();
    private SortedDocValues values;
    private FixedBitSet seen;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      flush();
      values = DocValues.getSorted(context.reader(), OUTLET);
      seen = new FixedBitSet(Math.max(1, values.getValueCount()));
    }

    @Override
    public void collect(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        seen.set(values.ordValue());
      }
    }

    void flush() throws IOException {
      if (seen == null) {
        return;
      }
      for (int ord = seen.nextSetBit(0);
          ord != DocIdSetIterator.NO_MORE_DOCS;
          ord =
              ord + 1 < seen.length() ? seen.nextSetBit(ord + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        outlets.add(values.lookupOrd(ord).utf8ToString());
      }
      seen = null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  // --- similarity --------------------------------------------------------------------------

  private static Match match(Document doc, String field, double score) {
    Kind kind = Kind.valueOf(doc.get(KIND));
    long id = doc.getField(ID).numericValue().longValue();
    String title = doc.get(TITLE);
    if (kind == Kind.SENTENCE) {
      int start = doc.getField(START).numericValue().intValue();
      int end = doc.getField(END).numericValue().intValue();
      return new Match(kind, id, start, end, doc.get(field), title, score);
    }
    return new Match(kind, id, 0, 0, title, title, score);
  }
}
