package org.claimdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads audit events with plain JDBC, streaming in sequence order: for verification and export,
 * where a million events must pass through without being held in memory.
 */
public final class EventRows {
  static final String COLUMNS =
      "seq, occurred_at, actor, actor_roles, action, entity_type, entity_id, case_id, entity_version,"
          + " changes, reason, request_id, client_address, prev_hash, hash";

  /** Receives one event at a time; returning false stops the walk. */
  public interface Visitor {
    boolean visit(AuditEvent event) throws SQLException;
  }

  private EventRows() {}

  /** Inserts events as they are, batched: the generator's bulk append and test fixtures. */
  static void insert(Connection connection, Iterable<AuditEvent> events) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int batched = 0;
      for (AuditEvent e : events) {
        s.setLong(1, e.seq());
        s.setObject(2, e.occurredAt().atOffset(ZoneOffset.UTC));
        s.setString(3, e.actor());
        s.setString(4, e.actorRoles());
        s.setString(5, e.action());
        s.setString(6, e.entityType());
        s.setString(7, e.entityId().orElse(null));
        s.setObject(8, e.caseId().orElse(null));
        s.setObject(9, e.entityVersion().orElse(null));
        s.setString(10, e.changes());
        s.setString(11, e.reason().orElse(null));
        s.setString(12, e.requestId().orElse(null));
        s.setString(13, e.clientAddress().orElse(null));
        s.setString(14, e.prevHash());
        s.setString(15, e.hash());
        s.addBatch();
        if (++batched % 1000 == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
  }

  /** Walks the events matching {@code where} (with its parameters) in the given order. */
  static void walk(
      Connection connection, String where, List<Object> parameters, String order, Visitor visitor)
      throws SQLException {
    walk(connection, where, parameters, order, false, visitor);
  }

  /**
   * Walks the whole chain in sequence order. On H2 with lazy execution: else H2 writes all rows to
   * a temporary file before the first (much of the time at a million events). A filtered export
   * measured no faster that way, so other walks keep H2's default.
   */
  static void walkChain(Connection connection, Visitor visitor) throws SQLException {
    walk(connection, "", List.of(), "seq", true, visitor);
  }

  private static void walk(
      Connection connection,
      String where,
      List<Object> parameters,
      String order,
      boolean streamOnH2,
      Visitor visitor)
      throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM audit_event"
            + (where.isEmpty() ? "" : " WHERE " + where)
            + " ORDER BY "
            + order;
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
    // PostgreSQL streams with a fetch size only inside a transaction
    boolean ownTransaction = product.contains("postgres") && connection.getAutoCommit();
    boolean lazy =
        streamOnH2
            && product.equals("h2")
            && !connection.getMetaData().getURL().toUpperCase().contains("LAZY_QUERY_EXECUTION");
    if (ownTransaction) {
      connection.setAutoCommit(false);
    }
    if (lazy) {
      execute(connection, "SET LAZY_QUERY_EXECUTION TRUE");
    }
    try (PreparedStatement statement =
        connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(1000);
      bind(statement, parameters);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          if (!visitor.visit(read(rs))) {
            break;
          }
        }
      }
    } finally {
      if (lazy) {
        execute(connection, "SET LAZY_QUERY_EXECUTION FALSE"); // H2's default, for the next user
      }
      if (ownTransaction) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  /** One page, newest first; {@code beforeSeq} (optional) starts the page below that event. */
  static List<AuditEvent> newestFirst(
      Connection connection, AuditFilter filter, Long beforeSeq, int offset, int limit)
      throws SQLException {
    String where = filter.where();
    List<Object> parameters = new ArrayList<>(filter.parameters());
    if (beforeSeq != null) {
      where = where.isEmpty() ? "seq < ?" : where + " AND seq < ?";
      parameters.add(beforeSeq);
    }
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM audit_event"
            + (where.isEmpty() ? "" : " WHERE " + where)
            + " ORDER BY "
            + filter.newestFirst()
            + " OFFSET "
            + offset
            + " ROWS FETCH NEXT "
            + limit
            + " ROWS ONLY";
    List<AuditEvent> events = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      bind(s, parameters);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          events.add(read(rs));
        }
      }
    }
    return events;
  }

  /** Counts matching events but stops at {@code cap}: a page turn never counts millions of rows. */
  static int countUpTo(Connection connection, AuditFilter filter, int cap) throws SQLException {
    String where = filter.where();
    String sql =
        "SELECT COUNT(*) FROM (SELECT 1 FROM audit_event"
            + (where.isEmpty() ? "" : " WHERE " + where)
            + " FETCH FIRST "
            + cap
            + " ROWS ONLY) capped";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      bind(s, filter.parameters());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }

  static AuditEvent read(ResultSet rs) throws SQLException {
    AuditEvent.Content content =
        new AuditEvent.Content(
            rs.getObject(2, OffsetDateTime.class).toInstant(),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            nullableLong(rs, 8),
            nullableLong(rs, 9),
            rs.getString(10),
            rs.getString(11),
            rs.getString(12),
            rs.getString(13));
    return AuditEvent.stored(rs.getLong(1), content, rs.getString(14), rs.getString(15));
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }
}
