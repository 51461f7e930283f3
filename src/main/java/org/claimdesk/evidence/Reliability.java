package org.claimdesk.evidence;

/** How far the desk trusts a source; every rating but UNRATED needs a written justification. */
public enum Reliability {
  UNRATED,
  RELIABLE,
  MOSTLY_RELIABLE,
  MIXED,
  UNRELIABLE
}
