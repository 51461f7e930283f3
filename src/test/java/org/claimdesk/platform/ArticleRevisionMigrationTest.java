package org.claimdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A database from before issue 4 keeps its articles: V4 moves each reading text into revision 1 and
 * drops the old column.
 */
class ArticleRevisionMigrationTest {

  @Test
  void existingArticlesBecomeRevisionOne() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:upgrade" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway before =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(ds)
            .locations(DatabaseMigration.COMMON, "classpath:db/migration/h2")
            .target("3")
            .load();
    before.migrate();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO article (id, version, title, language, imported_at, imported_by,"
              + " media_type, sha256, original, reading_text) VALUES (7, 3, 'Alt', 'de',"
              + " TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00', 'lena', 'text/plain',"
              + " 'abc', X'41', 'Der alte Text.')");
    }

    DatabaseMigration.migrate(ds);

    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      ResultSet r =
          s.executeQuery(
              "SELECT article_id, number, reading_text, removed, created_by, created_at"
                  + " FROM article_revision");
      assertTrue(r.next());
      assertEquals(7, r.getLong(1));
      assertEquals(1, r.getInt(2));
      assertEquals("Der alte Text.", r.getString(3));
      assertEquals("[]", r.getString(4));
      assertEquals("lena", r.getString(5));
      assertFalse(r.next());
      ResultSet a = s.executeQuery("SELECT current_revision, version FROM article WHERE id = 7");
      assertTrue(a.next());
      assertEquals(1, a.getInt(1));
      assertEquals(3, a.getLong(2));
      ResultSet columns = c.getMetaData().getColumns(null, null, "ARTICLE", "READING_TEXT");
      assertFalse(columns.next(), "the old column is gone");
    }
  }
}
