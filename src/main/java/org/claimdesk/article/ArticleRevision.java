package org.claimdesk.article;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.article.text.Removal;
import org.claimdesk.article.text.RemovedPart;
import org.claimdesk.platform.InvalidInput;

/**
 * One immutable version of an article's reading text, with the parts cleaning removed from it.
 * Claims point at spans of a revision; a correction never rewrites one, it adds the next.
 */
@Entity
@Table(name = "article_revision")
@IdClass(ArticleRevision.Key.class)
public class ArticleRevision implements java.io.Serializable {

  @Id
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "article_id")
  private Article article;

  @Id
  @Column(name = "number")
  private int number;

  @Lob
  @Column(name = "reading_text", nullable = false)
  private String text;

  @Lob
  @Column(nullable = false)
  private String removed;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(length = 500)
  private String note;

  protected ArticleRevision() {}

  ArticleRevision(
      Article article,
      int number,
      String text,
      List<RemovedPart> removed,
      String createdBy,
      Instant createdAt,
      String note) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput("refusal.article.emptyText");
    }
    this.article = Objects.requireNonNull(article);
    this.number = number;
    this.text = text.strip();
    for (RemovedPart part : removed) {
      if (part.at() < 0 || part.at() > this.text.length()) {
        throw new IllegalArgumentException(
            "A removed part points outside the text (" + part.at() + ").");
      }
    }
    this.removed = toJson(removed);
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.note = note == null || note.isBlank() ? null : note.strip();
    if (this.note != null && this.note.length() > 500) {
      throw new InvalidInput("refusal.article.noteLength", 500);
    }
  }

  /** The composite key: article id and revision number. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    Long article;
    int number;

    public Key() {}

    public Key(Long article, int number) {
      this.article = article;
      this.number = number;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(article, k.article) && number == k.number;
    }

    @Override
    public int hashCode() {
      return Objects.hash(article, number);
    }
  }

  public Article article() {
    return article;
  }

  public int number() {
    return number;
  }

  public String text() {
    return text;
  }

  /**
   * How many characters of the received file could not be read and show as U+FFFD: the import keeps
   * the rest of the text rather than refusing it for one bad byte.
   */
  public int unreadableCharacters() {
    return (int) text.chars().filter(c -> c == '\uFFFD').count();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public List<RemovedPart> removed() {
    List<RemovedPart> parts = new ArrayList<>();
    try (JsonReader reader = Json.createReader(new StringReader(removed))) {
      for (JsonObject part : reader.readArray().getValuesAs(JsonObject.class)) {
        parts.add(
            new RemovedPart(
                part.getInt("at"),
                part.getString("text"),
                Removal.valueOf(part.getString("reason"))));
      }
    }
    return parts;
  }

  /** The exact words at [start, end), or a clear refusal when the span is not in this text. */
  public String quote(int start, int end) {
    if (start < 0 || end > text.length() || start >= end) {
      throw new InvalidInput("refusal.article.span", start, end, text.length());
    }
    return text.substring(start, end);
  }

  /** The paragraphs with their offsets into the text. */
  public List<Paragraph> paragraphs() {
    List<Paragraph> paragraphs = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf("\n\n", start);
      if (end < 0) {
        end = text.length();
      }
      String body = text.substring(start, end);
      if (!body.isBlank()) {
        paragraphs.add(new Paragraph(start, end, body));
      }
      start = end + 2;
    }
    return paragraphs;
  }

  /** A paragraph of the reading text at [start, end). */
  public record Paragraph(int start, int end, String text) {}

  /**
   * The text and removed parts after putting removed part {@code index} back as its own paragraph
   * where it stood: the input of the next revision.
   */
  public Restored restoring(int index) {
    List<RemovedPart> parts = removed();
    if (index < 0 || index >= parts.size()) {
      throw new InvalidInput("refusal.article.noRemovedPart", index);
    }
    RemovedPart part = parts.get(index);
    String before = text.substring(0, part.at()).stripTrailing();
    String after = text.substring(part.at()).stripLeading();
    String inserted = part.text().strip().replaceAll("\\s*\\n\\s*", " ");
    StringBuilder restored = new StringBuilder(before);
    if (!before.isEmpty()) {
      restored.append("\n\n");
    }
    int insertedAt = restored.length();
    restored.append(inserted);
    if (!after.isEmpty()) {
      restored.append("\n\n").append(after);
    }
    int shift = restored.length() - text.length();
    List<RemovedPart> remaining = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      RemovedPart p = parts.get(i);
      if (i != index) {
        remaining.add(
            p.at() < part.at() ? p : new RemovedPart(p.at() + shift, p.text(), p.reason()));
      }
    }
    return new Restored(restored.toString(), remaining, part, insertedAt);
  }

  /** The result of {@link #restoring(int)}. */
  public record Restored(String text, List<RemovedPart> removed, RemovedPart part, int at) {}

  private static String toJson(List<RemovedPart> parts) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (RemovedPart part : parts) {
      array.add(
          Json.createObjectBuilder()
              .add("at", part.at())
              .add("text", part.text())
              .add("reason", part.reason().name()));
    }
    return array.build().toString();
  }
}
