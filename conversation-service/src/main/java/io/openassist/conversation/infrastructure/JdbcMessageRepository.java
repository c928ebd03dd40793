package io.openassist.conversation.infrastructure;

import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.id.IdGenerator;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.paging.SortOrder;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessageDraft;
import io.openassist.conversation.domain.MessageHash;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.MessageRole;
import io.openassist.conversation.domain.MessageStatus;
import io.openassist.conversation.domain.SearchHit;
import io.openassist.conversation.domain.StoredParts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The messages of conversations, in SQL: the tree queries (a branch by segments, the children of a
 * message, every message in creation order) are plain SQL over the indexes made for them, run on
 * the connection of the current JPA transaction, so that a message and its conversation's counters
 * commit together. Messages are only ever inserted (see {@code 003-conversations.xml}).
 */
@ApplicationScoped
public class JdbcMessageRepository {

  private static final String COLUMNS =
      "m.seq, m.id, m.conversation_id, m.parent_id, m.segment_id, m.depth, m.sibling_index,"
          + " m.role, m.parts, m.model_id, m.status, m.error, m.usage,"
          + " m.created_at, m.created_by, m.hash";

  /** The same for rows of one known segment (so of one conversation): two strings fewer a row. */
  private static final String SEGMENT_COLUMNS =
      "m.seq, m.id, m.parent_id, m.depth, m.sibling_index, m.role, m.parts, m.model_id, m.status,"
          + " m.error, m.usage, m.created_at, m.created_by, m.hash";

  /** The columns plus the navigation counts; {@code ?} is the conversation's root count. */
  private static final String PLACED =
      "SELECT "
          + COLUMNS
          + ", coalesce(f.children, 0),"
          + " CASE WHEN m.parent_id IS NULL THEN ? ELSE coalesce(pf.children, 0) END"
          + " FROM %s LEFT JOIN message_fanout f"
          + " ON f.conversation_id = m.conversation_id AND f.message_id = m.id"
          + " LEFT JOIN message_fanout pf"
          + " ON pf.conversation_id = m.conversation_id AND pf.message_id = m.parent_id";

  /** Up to this many rows a page joins the counts in SQL; beyond, it reads them in one range. */
  private static final int SMALL_PAGE = 200;

  @PersistenceContext(unitName = "conversations")
  EntityManager em;

  /** What the tree knows of a message that is to get a child. */
  private record Parent(String segmentId, int depth, String hash, int children) {}

  /**
   * Writes the draft into the conversation (locked by the caller's transaction) under its parent,
   * which must be a message of the conversation (else a {@link ResourceNotFoundException} and
   * nothing written), and counts it there; the conversation's active branch then ends at it.
   * Answers it placed as it now is: the last of its siblings, without children.
   */
  public Message.Placed append(Conversation conversation, MessageDraft draft, Instant now) {
    return append(conversation, draft, now, now);
  }

  /** The same, the message dated {@code writtenAt} (an import keeps its original times). */
  public Message.Placed append(
      Conversation conversation, MessageDraft draft, Instant writtenAt, Instant now) {
    return work(
        connection -> {
          String id = IdGenerator.newId(Message.ID_PREFIX);
          Instant createdAt = writtenAt.truncatedTo(ChronoUnit.MICROS);
          Message message;
          int siblings;
          if (draft.parentId() == null) {
            message =
                unhashed(id, conversation, draft, null, id, 0, conversation.rootCount(), createdAt);
            message = withHash(message, MessageHash.of(null, message));
            siblings = conversation.rootCount() + 1;
          } else {
            Parent parent =
                parent(connection, conversation.id(), draft.parentId())
                    .orElseThrow(() -> new ResourceNotFoundException("message"));
            // A first child continues its parent's segment; any later child starts its own.
            String segment = parent.children() == 0 ? parent.segmentId() : id;
            message =
                unhashed(
                    id,
                    conversation,
                    draft,
                    draft.parentId(),
                    segment,
                    parent.depth() + 1,
                    parent.children(),
                    createdAt);
            message = withHash(message, MessageHash.of(parent.hash(), message));
            countChild(connection, conversation.id(), draft.parentId());
            siblings = parent.children() + 1;
          }
          long seq = insert(connection, message);
          conversation.added(message, draft.createdBy(), now);
          return new Message.Placed(withSeq(message, seq), siblings, 0);
        });
  }

  /** Whether the conversation has a message with this id. */
  public boolean exists(String conversationId, String messageId) {
    return work(connection -> parent(connection, conversationId, messageId).isPresent());
  }

  public Optional<Message.Placed> find(Conversation conversation, String messageId) {
    return work(
        connection -> {
          String sql =
              String.format(PLACED, "message m") + " WHERE m.conversation_id = ? AND m.id = ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, conversation.rootCount());
            statement.setString(2, conversation.id());
            statement.setString(3, messageId);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(placed(rows)) : Optional.empty();
            }
          }
        });
  }

  /**
   * The branch from the root to {@code leafId}, root first (or leaf first for {@code desc}), one
   * page of it, the cursors being messages of the branch; empty when the leaf is not a message of
   * the conversation.
   */
  public Optional<Page<Message.Placed>> branch(
      Conversation conversation, String leafId, PageRequest page, CursorError onBadCursor) {
    List<Message.Placed> items = new ArrayList<>();
    return branch(conversation, leafId, page, onBadCursor, items::add)
        .map(hasMore -> new Page<>(items, hasMore));
  }

  /**
   * The same page handed to {@code each} message by message in the page's order, none of them kept
   * here; answers whether more lie beyond it (empty when the leaf is not there). The segments on
   * the branch are found first (one step per fork, not per message); then the depths the page holds
   * are known, and each segment's part of them is one index range read in order: a long page is
   * never sorted (in SQL, 10,000 rows spilled to disk) nor held as a whole.
   */
  public Optional<Boolean> branch(
      Conversation conversation,
      String leafId,
      PageRequest page,
      CursorError onBadCursor,
      Consumer<Message.Placed> each) {
    return work(
        connection -> {
          List<String> segments = new ArrayList<>();
          List<Integer> depths = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "WITH RECURSIVE chain(segment_id, max_depth) AS ("
                      + " SELECT segment_id, depth FROM message WHERE id = ? AND conversation_id = ?"
                      + " UNION ALL"
                      + " SELECT p.segment_id, p.depth FROM chain c"
                      + " JOIN message h ON h.id = c.segment_id"
                      + " JOIN message p ON p.id = h.parent_id)"
                      + " SELECT segment_id, max_depth FROM chain")) {
            statement.setString(1, leafId);
            statement.setString(2, conversation.id());
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                segments.add(rows.getString(1));
                depths.add(rows.getInt(2));
              }
            }
          }
          if (segments.isEmpty()) {
            return Optional.empty();
          }
          int lower =
              cursorDepth(connection, conversation, page.ascendingLowerBound(), segments, depths)
                  .orElse(-1);
          int upper =
              cursorDepth(connection, conversation, page.ascendingUpperBound(), segments, depths)
                  .orElse(Integer.MAX_VALUE);
          checkCursor(page, page.ascendingLowerBound(), lower, -1, onBadCursor);
          checkCursor(page, page.ascendingUpperBound(), upper, Integer.MAX_VALUE, onBadCursor);
          // The branch holds one message per depth, so the page is a range of depths: up to the
          // limit from the cursor (or the end it starts from), and more lie beyond when the range
          // could have been longer.
          boolean fromRoot = page.fetchOrder() == SortOrder.ASC;
          long lo = lower + 1L;
          long hi = Math.min(upper - 1L, depths.get(0));
          boolean hasMore = hi - lo + 1 > page.limit();
          if (hasMore && fromRoot) {
            hi = lo + page.limit() - 1;
          } else if (hasMore) {
            lo = hi - page.limit() + 1;
          }
          boolean rootFirst = page.order() == SortOrder.ASC;
          List<Range> ranges = new ArrayList<>();
          for (int i = 0; i < segments.size(); i++) {
            int segmentStart = i == segments.size() - 1 ? 0 : depths.get(i + 1) + 1;
            long from = Math.max(segmentStart, lo);
            long to = Math.min(depths.get(i), hi);
            if (from <= to) {
              ranges.add(new Range(segments.get(i), (int) from, (int) to));
            }
          }
          if (rootFirst) {
            java.util.Collections.reverse(ranges);
          }
          long rows = Math.max(0, hi - lo + 1);
          if (ranges.isEmpty()) {
            return Optional.of(hasMore);
          }
          if (rows <= SMALL_PAGE) {
            String source =
                "unnest(?::text[], ?::int[], ?::int[]) AS c(segment_id, lo, hi)"
                    + " JOIN message m ON m.segment_id = c.segment_id"
                    + " AND m.depth BETWEEN c.lo AND c.hi";
            try (PreparedStatement statement =
                connection.prepareStatement(
                    String.format(PLACED, source)
                        + " ORDER BY m.depth "
                        + (rootFirst ? "ASC" : "DESC"))) {
              statement.setInt(1, conversation.rootCount());
              setRanges(connection, statement, 2, ranges);
              placedRows(statement).forEach(each);
            }
            return Optional.of(hasMore);
          }
          // A long page: its counts first, in one read rather than two index probes per message,
          // then its messages range by range, each handed on as it is read. A message of a branch
          // has one child, the next message of the branch, unless it is a fork or the leaf, so the
          // conversation's forks and the leaf's count are all the counts the page needs.
          java.util.Map<String, Integer> forks = forks(connection, conversation, leafId);
          int leafDepth = depths.get(0);
          for (Range range : ranges) {
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "SELECT "
                        + SEGMENT_COLUMNS
                        + " FROM message m WHERE m.segment_id = ? AND m.depth BETWEEN ? AND ?"
                        + " ORDER BY m.depth "
                        + (rootFirst ? "ASC" : "DESC"))) {
              statement.setString(1, range.segmentId());
              statement.setInt(2, range.from());
              statement.setInt(3, range.to());
              statement.setFetchSize(1_000);
              try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                  Message m = segmentMessage(result, conversation.id(), range.segmentId());
                  int siblings =
                      m.parentId() == null
                          ? conversation.rootCount()
                          : forks.getOrDefault(m.parentId(), 1);
                  int children = forks.getOrDefault(m.id(), m.depth() == leafDepth ? 0 : 1);
                  each.accept(new Message.Placed(m, siblings, children));
                }
              }
            }
          }
          return Optional.of(hasMore);
        });
  }

  /** Depths {@code from} to {@code to} of one segment of a branch. */
  private record Range(String segmentId, int from, int to) {}

  private static void setRanges(
      Connection connection, PreparedStatement statement, int first, List<Range> ranges)
      throws SQLException {
    statement.setArray(
        first, connection.createArrayOf("text", ranges.stream().map(Range::segmentId).toArray()));
    statement.setArray(
        first + 1, connection.createArrayOf("int4", ranges.stream().map(Range::from).toArray()));
    statement.setArray(
        first + 2, connection.createArrayOf("int4", ranges.stream().map(Range::to).toArray()));
  }

  /** One page of every message of the conversation, in creation order. */
  public Page<Message.Placed> tree(
      Conversation conversation, PageRequest page, CursorError onBadCursor) {
    return work(
        connection -> {
          long lower =
              seqOf(connection, conversation, page.ascendingLowerBound(), onBadCursor, page);
          long upper =
              seqOf(connection, conversation, page.ascendingUpperBound(), onBadCursor, page);
          String direction = page.fetchOrder() == SortOrder.ASC ? "ASC" : "DESC";
          String sql =
              String.format(PLACED, "message m")
                  + " WHERE m.conversation_id = ? AND m.seq > ? AND m.seq < ? ORDER BY m.seq "
                  + direction
                  + " LIMIT ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, conversation.rootCount());
            statement.setString(2, conversation.id());
            statement.setLong(3, lower < 0 ? -1 : lower);
            statement.setLong(4, upper < 0 ? Long.MAX_VALUE : upper);
            statement.setInt(5, page.fetchSize());
            return page.toPage(placedRows(statement));
          }
        });
  }

  /** One page of the children of a message, in the order they were added. */
  public Page<Message.Placed> children(
      Conversation conversation, String parentId, PageRequest page, CursorError onBadCursor) {
    return work(
        connection -> {
          int lower =
              siblingIndexOf(
                  connection, parentId, page.ascendingLowerBound(), onBadCursor, page, -1);
          int upper =
              siblingIndexOf(
                  connection,
                  parentId,
                  page.ascendingUpperBound(),
                  onBadCursor,
                  page,
                  Integer.MAX_VALUE);
          String direction = page.fetchOrder() == SortOrder.ASC ? "ASC" : "DESC";
          String sql =
              String.format(PLACED, "message m")
                  + " WHERE m.parent_id = ? AND m.sibling_index > ? AND m.sibling_index < ?"
                  + " ORDER BY m.sibling_index "
                  + direction
                  + " LIMIT ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, conversation.rootCount());
            statement.setString(2, parentId);
            statement.setInt(3, lower);
            statement.setInt(4, upper);
            statement.setInt(5, page.fetchSize());
            return page.toPage(placedRows(statement));
          }
        });
  }

  /** Every message of the conversation in creation order, handed over one at a time. */
  public void forEach(String conversationId, Consumer<Message> each) {
    work(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM message m WHERE m.conversation_id = ? ORDER BY m.seq")) {
            statement.setFetchSize(500);
            statement.setString(1, conversationId);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                each.accept(message(rows));
              }
            }
          }
          return null;
        });
  }

  /** What a search is over: text matches of the organisation's live conversations. */
  private static final String SEARCHED =
      " FROM websearch_to_tsquery('simple', ?) q, message m"
          + " JOIN conversation c ON c.id = m.conversation_id"
          + " WHERE m.search_vector @@ q AND c.organization_id = ? AND c.deleted_at IS NULL"
          + " AND (?::text IS NULL OR c.created_by = ?)";

  /**
   * Messages of the organisation's live conversations (only {@code createdBy}'s, unless null) whose
   * text matches the web-search style query, best first (the later of equal ranks first), from
   * after {@code after}; the snippet is HTML-escaped text with the matches in {@code <mark>}.
   */
  public List<SearchHit> search(
      String organizationId, String createdBy, String query, SearchHit.Cursor after, int limit) {
    return work(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT m.conversation_id, c.assistant_id, m.id, m.role,"
                      + " ts_rank(m.search_vector, q) AS rank,"
                      + " ts_headline('simple', replace(replace(replace(m.content_text, '&', '&amp;'),"
                      + " '<', '&lt;'), '>', '&gt;'), q,"
                      + " 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=8, MaxFragments=2'),"
                      + " m.created_at, m.seq"
                      + SEARCHED
                      + " AND (ts_rank(m.search_vector, q), m.seq) < (?::real, ?)"
                      + " ORDER BY rank DESC, m.seq DESC LIMIT ?")) {
            int next = searched(statement, organizationId, createdBy, query);
            statement.setFloat(next, after.rank());
            statement.setLong(next + 1, after.seq());
            statement.setInt(next + 2, limit);
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                hits.add(
                    new SearchHit(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        MessageRole.fromWire(rows.getString(4)),
                        rows.getFloat(5),
                        rows.getString(6),
                        rows.getTimestamp(7).toInstant(),
                        rows.getLong(8)));
              }
            }
            return hits;
          }
        });
  }

  /**
   * Where the same search stands at {@code messageId}: present when that message is one of its hits
   * (in what the caller's search covers), so that a page can go on after it.
   */
  public Optional<SearchHit.Cursor> searchCursor(
      String organizationId, String createdBy, String query, String messageId) {
    return work(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT ts_rank(m.search_vector, q), m.seq" + SEARCHED + " AND m.id = ?")) {
            int next = searched(statement, organizationId, createdBy, query);
            statement.setString(next, messageId);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next()
                  ? Optional.of(new SearchHit.Cursor(rows.getFloat(1), rows.getLong(2)))
                  : Optional.empty();
            }
          }
        });
  }

  /** Sets the parameters of {@link #SEARCHED}; answers the index of the next one. */
  private static int searched(
      PreparedStatement statement, String organizationId, String createdBy, String query)
      throws SQLException {
    statement.setString(1, query);
    statement.setString(2, organizationId);
    statement.setString(3, createdBy);
    statement.setString(4, createdBy);
    return 5;
  }

  /**
   * The children counts of the conversation's forks (messages with more than one child) and of
   * {@code leafId}, if it has any: the forks from their own index ({@code 006-fanout-forks.xml}),
   * so that the read costs what the conversation has of forks, not of messages.
   */
  private static java.util.Map<String, Integer> forks(
      Connection connection, Conversation conversation, String leafId) throws SQLException {
    java.util.Map<String, Integer> children = new java.util.HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT message_id, children FROM message_fanout"
                + " WHERE conversation_id = ? AND children > 1"
                + " UNION ALL SELECT message_id, children FROM message_fanout"
                + " WHERE message_id = ? AND children <= 1")) {
      statement.setString(1, conversation.id());
      statement.setString(2, leafId);
      statement.setFetchSize(1_000);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          children.put(result.getString(1), result.getInt(2));
        }
      }
    }
    return children;
  }

  /** The error for a cursor that names no message where the list can use it. */
  @FunctionalInterface
  public interface CursorError {
    RuntimeException of(String parameter);
  }

  private static void checkCursor(
      PageRequest page, String cursor, int found, int none, CursorError onBadCursor) {
    if (cursor != null && found == none) {
      throw onBadCursor.of(cursor.equals(page.after()) ? "after" : "before");
    }
  }

  private static Optional<Integer> cursorDepth(
      Connection connection,
      Conversation conversation,
      String cursor,
      List<String> segments,
      List<Integer> depths)
      throws SQLException {
    if (cursor == null) {
      return Optional.empty();
    }
    Optional<Parent> message = parent(connection, conversation.id(), cursor);
    if (message.isEmpty()) {
      return Optional.empty();
    }
    int index = segments.indexOf(message.get().segmentId());
    return index >= 0 && message.get().depth() <= depths.get(index)
        ? Optional.of(message.get().depth())
        : Optional.empty();
  }

  private static long seqOf(
      Connection connection,
      Conversation conversation,
      String cursor,
      CursorError onBadCursor,
      PageRequest page)
      throws SQLException {
    if (cursor == null) {
      return -1;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT seq FROM message WHERE id = ? AND conversation_id = ?")) {
      statement.setString(1, cursor);
      statement.setString(2, conversation.id());
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw onBadCursor.of(cursor.equals(page.after()) ? "after" : "before");
        }
        return rows.getLong(1);
      }
    }
  }

  private static int siblingIndexOf(
      Connection connection,
      String parentId,
      String cursor,
      CursorError onBadCursor,
      PageRequest page,
      int none)
      throws SQLException {
    if (cursor == null) {
      return none;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT sibling_index FROM message WHERE id = ? AND parent_id = ?")) {
      statement.setString(1, cursor);
      statement.setString(2, parentId);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw onBadCursor.of(cursor.equals(page.after()) ? "after" : "before");
        }
        return rows.getInt(1);
      }
    }
  }

  private static Optional<Parent> parent(
      Connection connection, String conversationId, String messageId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT m.segment_id, m.depth, m.hash, coalesce(f.children, 0) FROM message m"
                + " LEFT JOIN message_fanout f ON f.message_id = m.id"
                + " WHERE m.id = ? AND m.conversation_id = ?")) {
      statement.setString(1, messageId);
      statement.setString(2, conversationId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? Optional.of(
                new Parent(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getInt(4)))
            : Optional.empty();
      }
    }
  }

  private static void countChild(Connection connection, String conversationId, String parentId)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO message_fanout (message_id, conversation_id, children) VALUES (?, ?, 1)"
                + " ON CONFLICT (message_id) DO UPDATE SET children = message_fanout.children + 1")) {
      statement.setString(1, parentId);
      statement.setString(2, conversationId);
      statement.executeUpdate();
    }
  }

  private static long insert(Connection connection, Message m) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO message (id, conversation_id, parent_id, segment_id, depth, sibling_index,"
                + " role, parts, content_text, model_id, status, error, usage, created_at,"
                + " created_by, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?::json,"
                + " ?::json, ?, ?, ?) RETURNING seq")) {
      statement.setString(1, m.id());
      statement.setString(2, m.conversationId());
      statement.setString(3, m.parentId());
      statement.setString(4, m.segmentId());
      statement.setInt(5, m.depth());
      statement.setInt(6, m.siblingIndex());
      statement.setString(7, m.role().wire());
      statement.setString(8, MessagePart.toJson(m.parts()).toString());
      statement.setString(9, m.plainText());
      statement.setString(10, m.modelId());
      statement.setString(11, m.status().wire());
      statement.setString(12, m.error() == null ? null : m.error().toString());
      statement.setString(13, m.usage() == null ? null : m.usage().toString());
      statement.setTimestamp(14, Timestamp.from(m.createdAt()));
      statement.setString(15, m.createdBy());
      statement.setString(16, m.hash());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static List<Message.Placed> placedRows(PreparedStatement statement) throws SQLException {
    List<Message.Placed> placed = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        placed.add(placed(rows));
      }
    }
    return placed;
  }

  private static Message.Placed placed(ResultSet rows) throws SQLException {
    return new Message.Placed(message(rows), rows.getInt(18), rows.getInt(17));
  }

  static Message message(ResultSet rows) throws SQLException {
    return message(
        rows, rows.getString(3), rows.getString(4), rows.getString(5), rows.getInt(6), 7);
  }

  /**
   * A message of one segment read with {@link #SEGMENT_COLUMNS}: the conversation and the segment
   * are the query's, not read again for each of up to 10,000 rows.
   */
  private static Message segmentMessage(ResultSet rows, String conversationId, String segmentId)
      throws SQLException {
    return message(rows, conversationId, rows.getString(3), segmentId, rows.getInt(4), 5);
  }

  /** A message from seq, id and the columns from sibling_index on, at {@code rest}. */
  private static Message message(
      ResultSet rows, String conversationId, String parentId, String segmentId, int depth, int rest)
      throws SQLException {
    return new Message(
        rows.getLong(1),
        rows.getString(2),
        conversationId,
        parentId,
        segmentId,
        depth,
        rows.getInt(rest),
        MessageRole.fromWire(rows.getString(rest + 1)),
        // The JSON text as stored (PgJDBC hands a json column's bytes over as they came), parsed
        // only if something reads the parts: an answer writes them from this text.
        new StoredParts(rows.getBytes(rest + 2)),
        rows.getString(rest + 3),
        MessageStatus.fromWire(rows.getString(rest + 4)),
        object(rows.getString(rest + 5)),
        object(rows.getString(rest + 6)),
        rows.getTimestamp(rest + 7).toInstant(),
        rows.getString(rest + 8),
        rows.getString(rest + 9));
  }

  private static jakarta.json.JsonValue json(String text) {
    try (JsonReader reader = Jsonp.reader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  private static JsonObject object(String text) {
    return text == null ? null : json(text).asJsonObject();
  }

  private static Message unhashed(
      String id,
      Conversation conversation,
      MessageDraft d,
      String parentId,
      String segment,
      int depth,
      int siblingIndex,
      Instant createdAt) {
    return new Message(
        0,
        id,
        conversation.id(),
        parentId,
        segment,
        depth,
        siblingIndex,
        d.role(),
        d.parts(),
        d.modelId(),
        d.status(),
        d.error(),
        d.usage(),
        createdAt,
        d.createdBy(),
        null);
  }

  private static Message withHash(Message m, String hash) {
    return placedAt(m, m.seq(), hash);
  }

  private static Message withSeq(Message m, long seq) {
    return placedAt(m, seq, m.hash());
  }

  private static Message placedAt(Message m, long seq, String hash) {
    return new Message(
        seq,
        m.id(),
        m.conversationId(),
        m.parentId(),
        m.segmentId(),
        m.depth(),
        m.siblingIndex(),
        m.role(),
        m.parts(),
        m.modelId(),
        m.status(),
        m.error(),
        m.usage(),
        m.createdAt(),
        m.createdBy(),
        hash);
  }

  /** Runs on the connection of the current transaction (Hibernate's). */
  private <T> T work(ReturningWork<T> work) {
    return em.unwrap(Session.class).doReturningWork(work);
  }
}
