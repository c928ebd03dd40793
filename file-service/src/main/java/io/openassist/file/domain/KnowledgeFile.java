package io.openassist.file.domain;

import io.openassist.common.id.IdGenerator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One file of an assistant's knowledge base: what the uploader called it (sanitised), what its
 * bytes are (type detected from them, size, SHA-256), where they are stored, and how far its
 * processing got. Its bytes are written before the row exists, and never change: a replacement is a
 * new file with a new id.
 */
@Entity
@Table(name = "knowledge_file")
public class KnowledgeFile {

  public static final String ID_PREFIX = "file";

  @Id private String id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private String organizationId;

  @Column(name = "assistant_id", nullable = false, updatable = false)
  private String assistantId;

  @Column(name = "original_name", nullable = false, updatable = false)
  private String originalName;

  @Column(name = "mime_type", nullable = false, updatable = false)
  private String mimeType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, updatable = false)
  private String checksum;

  @Column(name = "storage_key", nullable = false, updatable = false)
  private String storageKey;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private String uploadedBy;

  /** The status's wire name: the schema's check and the processing queries use it. */
  @Column(name = "processing_status", nullable = false)
  private String processingStatus;

  @Column(name = "processing_error")
  private String processingError;

  @Column(name = "derivations", columnDefinition = "text[]", nullable = false)
  private String[] derivations;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected KnowledgeFile() {}

  /** A new file whose bytes are already stored under {@code storageKey}; processing pending. */
  public static KnowledgeFile stored(
      String id,
      String organizationId,
      String assistantId,
      FileName name,
      StoredBytes bytes,
      String mimeType,
      String uploadedBy,
      Instant now) {
    KnowledgeFile f = new KnowledgeFile();
    f.id = id;
    f.organizationId = organizationId;
    f.assistantId = assistantId;
    f.originalName = name.value();
    f.mimeType = mimeType;
    f.size = bytes.size();
    f.checksum = bytes.checksum();
    f.storageKey = bytes.key();
    f.uploadedBy = uploadedBy;
    f.processingStatus = ProcessingStatus.PENDING.wire();
    f.derivations = new String[0];
    f.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    f.updatedAt = f.createdAt;
    return f;
  }

  public static String newId() {
    return IdGenerator.newId(ID_PREFIX);
  }

  /**
   * Where the bytes of a file live: under its organisation and assistant, named by its id alone, so
   * that no name a caller chose ever becomes part of a path.
   */
  public static String storageKey(String organizationId, String assistantId, String fileId) {
    return organizationId + "/" + assistantId + "/" + fileId;
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

  public String originalName() {
    return originalName;
  }

  public String mimeType() {
    return mimeType;
  }

  public long size() {
    return size;
  }

  public String checksum() {
    return checksum;
  }

  public String storageKey() {
    return storageKey;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public ProcessingStatus processingStatus() {
    return ProcessingStatus.valueOf(processingStatus.toUpperCase(Locale.ROOT));
  }

  public String processingError() {
    return processingError;
  }

  public List<String> derivations() {
    return List.of(derivations);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
