package io.openassist.conversation.domain;

import io.openassist.common.id.IdGenerator;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A conversation with one assistant, owned by the member who started it, within one organisation:
 * its title and metadata, which message ends its active branch, how many messages it holds, and
 * whether (and by whom) it was deleted. Deletion is soft: a deleted conversation is hidden until
 * the retention purge removes it, and an admin can restore it until then.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

  public static final String ID_PREFIX = "conv";

  @Id private String id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private String organizationId;

  @Column(name = "assistant_id", nullable = false, updatable = false)
  private String assistantId;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(columnDefinition = "text")
  private String title;

  /** The metadata object as JSON text (a jsonb column). */
  @Column(columnDefinition = "jsonb", nullable = false)
  private String metadata;

  @Column(name = "active_message_id")
  private String activeMessageId;

  @Column(name = "root_count", nullable = false)
  private int rootCount;

  @Column(name = "message_count", nullable = false)
  private int messageCount;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "deleted_by")
  private String deletedBy;

  protected Conversation() {}

  public static Conversation start(
      String organizationId,
      String assistantId,
      String createdBy,
      String title,
      JsonObject metadata,
      Instant now) {
    Conversation c = new Conversation();
    c.id = IdGenerator.newId(ID_PREFIX);
    c.organizationId = organizationId;
    c.assistantId = assistantId;
    c.createdBy = createdBy;
    c.title = title;
    c.metadata = (metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata).toString();
    c.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    c.updatedAt = c.createdAt;
    c.updatedBy = createdBy;
    return c;
  }

  public void rename(String newTitle, String by, Instant now) {
    title = newTitle;
    touch(by, now);
  }

  public void replaceMetadata(JsonObject newMetadata, String by, Instant now) {
    metadata = newMetadata.toString();
    touch(by, now);
  }

  /** Makes the branch ending at this message (a message of this conversation) the active one. */
  public void activate(String messageId, String by, Instant now) {
    activeMessageId = messageId;
    touch(by, now);
  }

  /**
   * Counts a message just stored, as a root (sibling index: the roots before it) or not; it becomes
   * the end of the active branch.
   */
  public int added(Message message, String by, Instant now) {
    int rootIndex = rootCount;
    if (message.parentId() == null) {
      rootCount++;
    }
    messageCount++;
    activate(message.id(), by, now);
    return rootIndex;
  }

  public void delete(String by, Instant now) {
    deletedAt = now.truncatedTo(ChronoUnit.MICROS);
    deletedBy = by;
  }

  public void restore(String by, Instant now) {
    deletedAt = null;
    deletedBy = null;
    touch(by, now);
  }

  private void touch(String by, Instant now) {
    updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    updatedBy = by;
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public String id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public String assistantId() {
    return assistantId;
  }

  public String createdBy() {
    return createdBy;
  }

  public String title() {
    return title;
  }

  public JsonObject metadata() {
    try (JsonReader reader = Jsonp.reader(new StringReader(metadata))) {
      return reader.readObject();
    }
  }

  public String activeMessageId() {
    return activeMessageId;
  }

  public int rootCount() {
    return rootCount;
  }

  public int messageCount() {
    return messageCount;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  public String deletedBy() {
    return deletedBy;
  }
}
