package org.claimdesk.article.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.article.text.RemovedPart;
import org.claimdesk.article.text.Sentence;
import org.claimdesk.article.text.Sentences;
import org.claimdesk.claim.Appearance;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.claim.Claimant;
import org.claimdesk.claim.Suggestions;
import org.claimdesk.claim.suggest.Suggestion;
import org.claimdesk.platform.web.Feedback;
import org.claimdesk.search.AlreadyClaimed;
import org.claimdesk.search.SimilarClaims;

/**
 * The reading page of one article ({@code read.xhtml?id=…&rev=…&select=start-end}): the text with
 * the claims that appear in it marked, beside it the suggested claims, the sentences already
 * claimed in other articles, the removed parts (to restore) and the revisions. Its dialogs have
 * their own beans: {@link CaptureDialog} and {@link MetadataDialog}.
 */
@Named
@ViewScoped
public class ArticleReaderPage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int SUGGESTED = 8;

  @Inject ArticleArchive archive;
  @Inject ClaimRegister register;
  @Inject Suggestions suggestions;
  @Inject SimilarClaims similar;

  private Long id;
  private Integer rev;
  private String select;

  private transient Article article;
  private transient ArticleRevision shown;
  // whether load() found them: after a node change they are read again, never guessed
  private boolean found;
  // as loaded: a restore after someone else's change is a conflict
  private long version;
  private List<Paragraph> paragraphs = List.of();
  private List<Suggested> suggested = List.of();
  private String sentenceBounds = "";
  private List<ClaimLink> claims = List.of();
  private List<AlreadyClaimed> alreadyClaimed = List.of();

  /** A run of paragraph text; {@code claim} is set when it is an appearance of that claim. */
  public record Segment(int at, String text, Long claim, String statement)
      implements Serializable {}

  /** A paragraph with its offset into the reading text, cut into segments. */
  public record Paragraph(int start, List<Segment> segments) implements Serializable {}

  /** A suggested claim with its reasons already in the viewer's language ("Zahl: 10.000"). */
  public record Suggested(int start, int end, String sentence, double score, List<String> reasons)
      implements Serializable {}

  /** A claim that appears in this article. */
  public record ClaimLink(long id, String statement, String claimant, int appearances)
      implements Serializable {}

  /** Called by f:viewAction once the parameters are set. */
  public void load() {
    if (id == null) {
      return;
    }
    article = Feedback.attemptGet(() -> archive.find(id), null);
    if (article == null) {
      return;
    }
    shown =
        Feedback.attemptGet(() -> rev == null ? article.current() : article.revision(rev), null);
    if (shown == null) {
      article = null;
      return;
    }
    found = true;
    version = article.version();
    List<Mark> marks = marks();
    paragraphs = shown.paragraphs().stream().map(p -> paragraph(p, marks)).toList();
    List<Suggestion> sentences = suggestions.forArticle(id, shown.number());
    suggested = suggest(sentences, marks);
    alreadyClaimed = alreadyClaimed(sentences, marks);
    sentenceBounds = sentenceBounds();
  }

  private record Mark(int start, int end, long claim, String statement) {}

  /** The appearances in the shown revision, in text order. */
  private List<Mark> marks() {
    List<Mark> marks = new ArrayList<>();
    List<ClaimLink> links = new ArrayList<>();
    for (Claim claim : register.inArticle(id)) {
      links.add(
          new ClaimLink(
              claim.id(),
              claim.statement(),
              claim.claimant().map(Claimant::name).orElse(null),
              claim.appearances().size()));
      for (Appearance a : claim.appearances()) {
        if (a.article().id().equals(id) && a.revision() == shown.number()) {
          marks.add(new Mark(a.start(), a.end(), claim.id(), claim.statement()));
        }
      }
    }
    claims = links;
    marks.sort(Comparator.comparingInt(Mark::start).thenComparing(m -> -m.end()));
    return marks;
  }

  /** Cuts a paragraph at the marks inside it; where marks overlap, the earlier one wins. */
  private static Paragraph paragraph(ArticleRevision.Paragraph p, List<Mark> marks) {
    List<Segment> segments = new ArrayList<>();
    int cursor = p.start();
    for (Mark m : marks) {
      int from = Math.max(m.start(), cursor);
      int to = Math.min(m.end(), p.end());
      if (to <= from || from >= p.end()) {
        continue;
      }
      if (from > cursor) {
        segments.add(plain(p, cursor, from));
      }
      segments.add(
          new Segment(
              from,
              p.text().substring(from - p.start(), to - p.start()),
              m.claim(),
              m.statement()));
      cursor = to;
    }
    if (cursor < p.end()) {
      segments.add(plain(p, cursor, p.end()));
    }
    return new Paragraph(p.start(), segments);
  }

  private static Segment plain(ArticleRevision.Paragraph p, int from, int to) {
    return new Segment(from, p.text().substring(from - p.start(), to - p.start()), null, null);
  }

  /** The best suggestions that are not captured yet. */
  private List<Suggested> suggest(List<Suggestion> all, List<Mark> marks) {
    List<Suggested> best = new ArrayList<>();
    for (Suggestion s : all) {
      if (best.size() == SUGGESTED) {
        break;
      }
      if (!captured(s, marks)) {
        best.add(
            new Suggested(
                s.start(),
                s.end(),
                s.sentence(),
                s.score(),
                s.reasons().stream().map(r -> reason(r.signal().name(), r.evidence())).toList()));
      }
    }
    return best;
  }

  private static boolean captured(Suggestion s, List<Mark> marks) {
    return marks.stream().anyMatch(m -> m.start() < s.end() && s.start() < m.end());
  }

  /** Sentences not captured here that make a claim registered from other articles. */
  private List<AlreadyClaimed> alreadyClaimed(List<Suggestion> sentences, List<Mark> marks) {
    List<Sentence> open =
        sentences.stream()
            .filter(s -> !captured(s, marks))
            .map(s -> new Sentence(s.start(), s.end(), s.sentence()))
            .sorted(Comparator.comparingInt(Sentence::start))
            .toList();
    return similar.alreadyClaimed(id, article.language(), open);
  }

  private static String reason(String signal, String evidence) {
    String key = "signal." + signal;
    String label = Feedback.hasText(key) ? Feedback.text(key) : signal;
    return evidence == null || evidence.isBlank() ? label : label + ": " + evidence;
  }

  /** Puts a removed part back; the result is a new revision, which the page then shows. */
  public String restore(int index) {
    boolean restored =
        Feedback.attempt(() -> archive.restore(id, version, index), "article.restored");
    if (restored) {
      rev = null;
    }
    return restored ? again() : null;
  }

  /** The outcome that reads the article again after a change, in the revision asked for. */
  public String again() {
    return "/articles/read?faces-redirect=true&id=" + id + (rev == null ? "" : "&rev=" + rev);
  }

  private void reload() {
    if (article == null || shown == null) {
      article = archive.find(id);
      shown = rev == null ? article.current() : article.revision(rev);
    }
  }

  // ---- for the view ---------------------------------------------------------------------------

  /**
   * The sentences of the shown text as "start-end start-end …", for choosing a span sentence by
   * sentence from the keyboard (reader.js).
   */
  public String getSentenceBounds() {
    return sentenceBounds;
  }

  private String sentenceBounds() {
    StringBuilder bounds = new StringBuilder();
    for (Sentence sentence : Sentences.of(shown.text(), article.language())) {
      bounds
          .append(bounds.isEmpty() ? "" : " ")
          .append(sentence.start())
          .append('-')
          .append(sentence.end());
    }
    return bounds.toString();
  }

  /** Read again after a node change: the article is not part of the replicated session. */
  public Article getArticle() {
    if (found) {
      reload();
    }
    return article;
  }

  public ArticleRevision getShown() {
    if (found) {
      reload();
    }
    return shown;
  }

  public boolean isCurrent() {
    return getShown() != null && shown.number() == article.current().number();
  }

  public List<RemovedPart> getRemoved() {
    return getShown() == null ? List.of() : shown.removed();
  }

  /** A removal reason in the viewer's language, e.g. "Navigation". */
  public String removalLabel(RemovedPart part) {
    String key = "removal." + part.reason().name();
    return Feedback.hasText(key) ? Feedback.text(key) : part.reason().name();
  }

  public List<Paragraph> getParagraphs() {
    return paragraphs;
  }

  public List<Suggested> getSuggested() {
    return suggested;
  }

  public List<AlreadyClaimed> getAlreadyClaimed() {
    return alreadyClaimed;
  }

  /** The claim a sentence starting at {@code start} already makes elsewhere, or null. */
  public AlreadyClaimed alreadyClaimedAt(int start) {
    return alreadyClaimed.stream().filter(a -> a.start() == start).findFirst().orElse(null);
  }

  public List<ClaimLink> getClaims() {
    return claims;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Integer getRev() {
    return rev;
  }

  public void setRev(Integer rev) {
    this.rev = rev;
  }

  public String getSelect() {
    return select;
  }

  public void setSelect(String select) {
    this.select = select;
  }
}
