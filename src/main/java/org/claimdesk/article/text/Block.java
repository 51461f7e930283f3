package org.claimdesk.article.text;

/** One paragraph on its way to the clean text; {@code removed} is null while it is kept. */
record Block(String text, Removal removed) {

  static Block kept(String text) {
    return new Block(text, null);
  }

  boolean isKept() {
    return removed == null;
  }

  Block remove(Removal reason) {
    return new Block(text, reason);
  }
}
