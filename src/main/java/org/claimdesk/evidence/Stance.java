package org.claimdesk.evidence;

/** What an evidence item does to the claim. */
public enum Stance {
  SUPPORTS,
  REFUTES,
  CONTEXT
}
