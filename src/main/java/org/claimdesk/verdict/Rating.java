package org.claimdesk.verdict;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;

/**
 * One label of a rating scale, in German and English, with its place on ClaimReview's numeric scale
 * (1 = worst, higher = more true), or none where the label has no place on it (e.g. Unproven).
 */
@Embeddable
public class Rating implements java.io.Serializable {
  @Column(nullable = false, length = 40)
  private String code;

  @Column(nullable = false)
  private int position;

  @Column(name = "label_de", nullable = false, length = 100)
  private String labelDe;

  @Column(name = "label_en", nullable = false, length = 100)
  private String labelEn;

  @Column(name = "rating_value")
  private Integer ratingValue;

  protected Rating() {}

  public Rating(String code, int position, String labelDe, String labelEn, Integer ratingValue) {
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!c.matches("[A-Z][A-Z0-9_]{0,39}")) {
      throw new InvalidInput("refusal.rating.code", code);
    }
    this.code = c;
    this.position = position;
    this.labelDe = label(labelDe, "refusal.rating.german");
    this.labelEn = label(labelEn, "refusal.rating.english");
    if (ratingValue != null && ratingValue < 1) {
      throw new InvalidInput("refusal.rating.value");
    }
    this.ratingValue = ratingValue;
  }

  private static String label(String label, String language) {
    String l = label == null ? "" : label.strip();
    if (l.isEmpty() || l.length() > 100) {
      throw new InvalidInput("refusal.rating.label", Message.of(language));
    }
    return l;
  }

  Rating at(int newPosition) {
    return new Rating(code, newPosition, labelDe, labelEn, ratingValue);
  }

  public String code() {
    return code;
  }

  public int position() {
    return position;
  }

  public String labelDe() {
    return labelDe;
  }

  public String labelEn() {
    return labelEn;
  }

  /** The label in the language of a text: German for "de", English otherwise. */
  public String label(String language) {
    return "de".equals(language) ? labelDe : labelEn;
  }

  public Optional<Integer> ratingValue() {
    return Optional.ofNullable(ratingValue);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rating r
        && code.equals(r.code)
        && position == r.position
        && labelDe.equals(r.labelDe)
        && labelEn.equals(r.labelEn)
        && Objects.equals(ratingValue, r.ratingValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, position, labelDe, labelEn, ratingValue);
  }
}
