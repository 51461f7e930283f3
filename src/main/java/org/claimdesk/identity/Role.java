package org.claimdesk.identity;

/** The four roles of the newsroom. A person may hold several. */
public enum Role {
  FACT_CHECKER,
  SUPERVISOR,
  AUDITOR,
  ADMIN;
}
