package org.claimdesk.evidence;

/** What an evidence item is. */
public enum EvidenceKind {
  DOCUMENT,
  OFFICIAL_STATEMENT,
  DATASET,
  EXPERT_INTERVIEW,
  IMAGE_VIDEO,
  ARCHIVED_PAGE
}
