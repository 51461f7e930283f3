package org.claimdesk.article.text;

/** Why a paragraph is not part of the reading text. */
public enum Removal {
  /** The headline repeated at the top of the text. */
  TITLE,
  /** Author line or dateline residue such as "CNN —". */
  BYLINE,
  /** A picture caption ending in agency credits, or a "Foto: …" line. */
  PHOTO_CREDIT,
  /** Teasers for other articles: "Siehe auch …", "Lesen Sie auch", related-article lists. */
  SEE_ALSO,
  /** Notes around embedded videos: "Die Geschichte geht nach dem Film weiter." */
  VIDEO_NOTE,
  COMMENT_FORM,
  COOKIE_NOTICE,
  NEWSLETTER,
  SHARE_LINKS,
  ADVERTISEMENT,
  /** Subscription walls and "Jetzt abonnieren" prompts. */
  PAYWALL,
  NAVIGATION,
  FOOTER,
  /** A side box inside the article that is not recognisably anything more specific. */
  ASIDE
}
