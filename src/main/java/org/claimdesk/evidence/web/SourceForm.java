package org.claimdesk.evidence.web;

import java.io.Serializable;
import java.util.Objects;
import org.claimdesk.evidence.Reliability;
import org.claimdesk.evidence.Source;
import org.claimdesk.evidence.SourceKind;

/** The fields of a source as a form holds them, for registering and for changing one. */
public class SourceForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private String name;
  private SourceKind kind = SourceKind.ORGANISATION;
  private String url;
  private Reliability reliability = Reliability.UNRATED;
  private String reliabilityNote;
  private boolean confidential;

  void fill(Source.Profile p) {
    name = p.name();
    kind = p.kind();
    url = p.url();
    reliability = p.reliability();
    reliabilityNote = p.reliabilityNote();
    confidential = p.confidential();
  }

  /** Fields this person left as they were show what the other person saved; the rest stays. */
  void takeUntouched(Source.Profile seen, Source.Profile now) {
    if (Objects.equals(name, seen.name())) {
      name = now.name();
    }
    if (kind == seen.kind()) {
      kind = now.kind();
    }
    if (Objects.equals(url, seen.url())) {
      url = now.url();
    }
    if (reliability == seen.reliability()) {
      reliability = now.reliability();
    }
    if (Objects.equals(reliabilityNote, seen.reliabilityNote())) {
      reliabilityNote = now.reliabilityNote();
    }
    if (confidential == seen.confidential()) {
      confidential = now.confidential();
    }
  }

  Source.Profile profile() {
    return new Source.Profile(name, kind, url, reliability, reliabilityNote, confidential);
  }

  public SourceKind[] getKinds() {
    return SourceKind.values();
  }

  public Reliability[] getRatings() {
    return Reliability.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public SourceKind getKind() {
    return kind;
  }

  public void setKind(SourceKind kind) {
    this.kind = kind;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public Reliability getReliability() {
    return reliability;
  }

  public void setReliability(Reliability reliability) {
    this.reliability = reliability;
  }

  public String getReliabilityNote() {
    return reliabilityNote;
  }

  public void setReliabilityNote(String reliabilityNote) {
    this.reliabilityNote = reliabilityNote;
  }

  public boolean isConfidential() {
    return confidential;
  }

  public void setConfidential(boolean confidential) {
    this.confidential = confidential;
  }
}
