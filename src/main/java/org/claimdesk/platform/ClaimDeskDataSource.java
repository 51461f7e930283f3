package org.claimdesk.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one database of ClaimDesk. Every value comes from MicroProfile Config, so switching from the
 * embedded H2 file to PostgreSQL is configuration only (see docs/operations.md).
 */
@DataSourceDefinition(
    name = ClaimDeskDataSource.JNDI_NAME,
    className = "${MPCONFIG=claimdesk.db.datasource}",
    url = "${MPCONFIG=claimdesk.db.url}",
    user = "${MPCONFIG=claimdesk.db.user}",
    password = "${MPCONFIG=claimdesk.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=auto-commit",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class ClaimDeskDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/claimdesk";
}
