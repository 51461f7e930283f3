package org.claimdesk.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the schema up to date with the migrations in {@code sql/} before JPA touches it. */
@ApplicationScoped
public class DatabaseMigration {

  @Resource(lookup = ClaimDeskDataSource.JNDI_NAME)
  DataSource dataSource;

  public MigrateResult migrate() {
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
