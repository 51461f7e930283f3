package org.claimdesk.claim.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.claim.Claimant;
import org.claimdesk.claim.Claimants;
import org.claimdesk.platform.web.Feedback;

/** One claimant ({@code claimants/view.xhtml?id=…}): name, kind, description and their claims. */
@Named
@ViewScoped
public class ClaimantPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Claimants claimants;
  @Inject ClaimRegister register;

  private Long id;
  private long version;
  private boolean found;
  private String heading;
  private String name;
  private Claimant.Kind kind;
  private String description;
  private List<Row> claims = List.of();

  /** One of the claimant's claims. */
  public record Row(long id, String statement, LocalDate claimedOn, int appearances)
      implements Serializable {}

  public void load() {
    if (id == null) {
      return;
    }
    Claimant c = Feedback.attemptGet(() -> claimants.find(id), null);
    if (c == null) {
      return;
    }
    found = true;
    version = c.version();
    name = c.name();
    heading = c.name();
    kind = c.kind();
    description = c.description().orElse(null);
    claims =
        register.byClaimant(c).stream()
            .map(
                claim ->
                    new Row(
                        claim.id(),
                        claim.statement(),
                        claim.claimedOn().orElse(null),
                        claim.appearances().size()))
            .toList();
  }

  public String save() {
    boolean saved =
        Feedback.attempt(
            () -> claimants.edit(id, version, name, kind, description), "claimant.saved");
    return saved ? "/claimants/view?faces-redirect=true&id=" + id : null;
  }

  public Claimant.Kind[] getKinds() {
    return Claimant.Kind.values();
  }

  public String getHeading() {
    return heading;
  }

  public boolean isFound() {
    return found;
  }

  public List<Row> getClaims() {
    return claims;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Claimant.Kind getKind() {
    return kind;
  }

  public void setKind(Claimant.Kind kind) {
    this.kind = kind;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
