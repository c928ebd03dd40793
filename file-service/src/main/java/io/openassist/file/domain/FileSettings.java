package io.openassist.file.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Whether an organisation may use the files API (a premium feature, as meinGPT sells it). An
 * organisation without a row has the configured default ({@code
 * openassist.files.enabled-by-default}).
 */
@Entity
@Table(name = "file_settings")
public class FileSettings {

  @Id
  @Column(name = "organization_id")
  private String organizationId;

  @Column(name = "files_enabled", nullable = false)
  private boolean filesEnabled;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected FileSettings() {}

  public static FileSettings of(String organizationId, boolean enabled, String by, Instant now) {
    FileSettings s = new FileSettings();
    s.organizationId = organizationId;
    s.change(enabled, by, now);
    return s;
  }

  public void change(boolean enabled, String by, Instant now) {
    filesEnabled = enabled;
    updatedBy = by;
    updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public String organizationId() {
    return organizationId;
  }

  public boolean filesEnabled() {
    return filesEnabled;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
