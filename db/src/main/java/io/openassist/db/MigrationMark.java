package io.openassist.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark a completed migration leaves on Liquibase's changelog table, as a PostgreSQL comment: a
 * fingerprint of everything the migration depended on (the changelog files, the runtime role the
 * changesets grant to, Liquibase's version) and how many changesets the table held afterwards.
 *
 * <p>A start whose fingerprint and count match has nothing to migrate and knows it from two small
 * queries, without starting Liquibase, which otherwise spends about a second of every start (and
 * loads some 900 classes) finding that out. Anything else (a changed or new changelog file, another
 * runtime role, another Liquibase, rows removed from the changelog table, the table recreated)
 * leaves the mark stale, and Liquibase decides as before.
 */
final class MigrationMark {

  /** The one kind of include the fingerprint follows: a file named relative to the master. */
  private static final Pattern INCLUDE =
      Pattern.compile(
          "<include\\s+file=\"([A-Za-z0-9._-]+)\"\\s+relativeToChangelogFile=\"true\"\\s*/>");

  private static final Pattern MARK =
      Pattern.compile("openassist-migrated fingerprint=([0-9a-f]{64}) changesets=(\\d+)");

  private final String schema;
  private final String fingerprint;

  private MigrationMark(String schema, String fingerprint) {
    this.schema = schema;
    this.fingerprint = fingerprint;
  }

  /**
   * The mark the schema's changelog would leave, or empty when the changelog cannot be
   * fingerprinted from its files alone (an {@code includeAll}, a nested or an absolute include):
   * such a changelog is always handed to Liquibase.
   *
   * @param schema a checked, plain schema name
   */
  static Optional<MigrationMark> of(String schema, String runtimeRole, ClassLoader loader) {
    String directory = "db/changelog/" + schema + "/";
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, schema);
      update(digest, runtimeRole);
      // Liquibase's own build description (its version and commit), read without loading Liquibase.
      byte[] liquibase = read(loader, "liquibase.build.properties");
      add(digest, "liquibase.build.properties", liquibase == null ? new byte[0] : liquibase);
      byte[] master = read(loader, directory + "master.xml");
      List<String> included = includes(master);
      if (included == null) {
        return Optional.empty();
      }
      add(digest, "master.xml", master);
      for (String file : included) {
        byte[] content = read(loader, directory + file);
        if (content == null || !fingerprintable(new String(content, StandardCharsets.UTF_8))) {
          return Optional.empty();
        }
        add(digest, file, content);
      }
      return Optional.of(new MigrationMark(schema, HexFormat.of().formatHex(digest.digest())));
    } catch (IOException | NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  /** The fingerprint, in hex. */
  String fingerprint() {
    return fingerprint;
  }

  /** Whether this mark is on the schema's changelog table and the table still holds its count. */
  boolean isOn(Connection connection) throws SQLException {
    String comment;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT obj_description(to_regclass(?), 'pg_class')")) {
      statement.setString(1, table());
      try (ResultSet row = statement.executeQuery()) {
        comment = row.next() ? row.getString(1) : null;
      }
    }
    if (comment == null) {
      return false;
    }
    Matcher mark = MARK.matcher(comment);
    return mark.matches()
        && mark.group(1).equals(fingerprint)
        && Long.parseLong(mark.group(2)) == changesets(connection);
  }

  /** Puts this mark on the changelog table, after a migration that applied everything. */
  void putOn(Connection connection) throws SQLException {
    long changesets = changesets(connection);
    try (Statement statement = connection.createStatement()) {
      // Only hex digits and a number go into the literal.
      statement.execute(
          "COMMENT ON TABLE "
              + table()
              + " IS 'openassist-migrated fingerprint="
              + fingerprint
              + " changesets="
              + changesets
              + "'");
    }
  }

  private long changesets(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table())) {
      row.next();
      return row.getLong(1);
    }
  }

  private String table() {
    return schema + ".databasechangelog";
  }

  /** The files the master includes, in order; null unless every include is a plain relative one. */
  private static List<String> includes(byte[] master) {
    if (master == null) {
      return null;
    }
    String text = new String(master, StandardCharsets.UTF_8);
    List<String> files = new ArrayList<>();
    Matcher include = INCLUDE.matcher(text);
    while (include.find()) {
      files.add(include.group(1));
    }
    int elements = text.split("<include", -1).length - 1;
    return elements == files.size() ? files : null;
  }

  /**
   * Whether a changeset file depends on nothing but itself and the parameters fingerprinted: no
   * includes, no files it reads (sqlFile, loadData, a procedure's path), no changeset that runs at
   * every update.
   */
  private static boolean fingerprintable(String changesets) {
    return !changesets.contains("<include")
        && !changesets.contains("<sqlFile")
        && !changesets.contains("<loadData")
        && !changesets.contains("<loadUpdateData")
        && !changesets.contains(" path=")
        && !changesets.contains("runAlways=\"true\"");
  }

  private static void add(MessageDigest digest, String name, byte[] content) {
    update(digest, name);
    update(digest, String.valueOf(content.length));
    digest.update(content);
  }

  private static void update(MessageDigest digest, String value) {
    digest.update(value.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static byte[] read(ClassLoader loader, String resource) throws IOException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
