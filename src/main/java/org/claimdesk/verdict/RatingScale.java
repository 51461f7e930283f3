package org.claimdesk.verdict;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.InvalidInput;

/**
 * One version of a rating scale. Its ratings never change once written: a scale grows by a new
 * version with one more rating, and the old version is retired, so every verdict keeps the labels
 * and numbers it was written with. ClaimReview's rules hold for every version: 1 ≤ worst < best,
 * and each number belongs to exactly one label.
 */
@Entity
@Table(name = "rating_scale")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(
    name = "RatingScale.all",
    query = "SELECT s FROM RatingScale s ORDER BY s.name, s.number")
public class RatingScale implements Audited, java.io.Serializable {

  @Id
  @SequenceGenerator(
      name = "rating_scale_seq",
      sequenceName = "rating_scale_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rating_scale_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false)
  private int number;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "scale_rating", joinColumns = @JoinColumn(name = "scale_id"))
  @OrderBy("position")
  private List<Rating> ratings = new ArrayList<>();

  protected RatingScale() {}

  RatingScale(String name, int number, List<Rating> ratings, String createdBy, Instant createdAt) {
    this.name = Objects.requireNonNull(name);
    this.number = number;
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
    Set<String> codes = new HashSet<>();
    Set<Integer> values = new HashSet<>();
    for (int i = 0; i < ratings.size(); i++) {
      Rating r = ratings.get(i).at(i + 1);
      if (!codes.add(r.code())) {
        throw new InvalidInput("refusal.scale.duplicateCode", r.code());
      }
      if (r.ratingValue().isPresent() && !values.add(r.ratingValue().get())) {
        throw new InvalidInput("refusal.scale.duplicateValue", r.ratingValue().get());
      }
      this.ratings.add(r);
    }
    if (values.size() < 2) {
      throw new InvalidInput("refusal.scale.twoValues");
    }
  }

  /**
   * The next version: these ratings and one more at {@code position} (1-based; beyond the end
   * appends). This version is retired by the caller once the next one is stored.
   */
  RatingScale extendedBy(Rating added, int position, String by, Instant at) {
    if (retired()) {
      throw new org.claimdesk.platform.Conflict(
          "Version " + number + " of " + name + " is retired; extend the current version.");
    }
    List<Rating> next = new ArrayList<>(ratings);
    next.add(Math.max(0, Math.min(position - 1, next.size())), added);
    return new RatingScale(name, number + 1, next, by, at);
  }

  void retire(Instant at) {
    if (retiredAt == null) {
      retiredAt = at;
    }
  }

  public Long id() {
    return id;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public String auditType() {
    return "scale";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public String name() {
    return name;
  }

  public int number() {
    return number;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean retired() {
    return retiredAt != null;
  }

  public Optional<Instant> retiredAt() {
    return Optional.ofNullable(retiredAt);
  }

  public List<Rating> ratings() {
    return List.copyOf(ratings);
  }

  public Optional<Rating> rating(String code) {
    return ratings.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  public Rating require(String code) {
    return rating(code)
        .orElseThrow(
            () ->
                new InvalidInput(
                    "refusal.scale.unknownRating",
                    name,
                    number,
                    code,
                    String.join(", ", ratings.stream().map(Rating::code).toList())));
  }

  /** ClaimReview's bestRating: the highest number on the scale. */
  public int best() {
    return ratings.stream().flatMap(r -> r.ratingValue().stream()).max(Integer::compare).get();
  }

  /** ClaimReview's worstRating: the lowest number on the scale (1 or more). */
  public int worst() {
    return ratings.stream().flatMap(r -> r.ratingValue().stream()).min(Integer::compare).get();
  }
}
