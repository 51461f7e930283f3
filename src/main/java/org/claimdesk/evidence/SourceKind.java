package org.claimdesk.evidence;

/** What kind of source a registry entry is. */
public enum SourceKind {
  NEWS_OUTLET,
  AGENCY,
  GOVERNMENT,
  PERSON,
  DATASET,
  ORGANISATION
}
