package org.claimdesk.search;

import java.util.Objects;

/** A person or body that makes claims. */
public record ClaimantEntry(long id, String name, String description) implements Entry {

  public ClaimantEntry {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public Kind kind() {
    return Kind.CLAIMANT;
  }
}
