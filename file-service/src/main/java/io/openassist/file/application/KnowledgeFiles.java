package io.openassist.file.application;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.security.Caller;
import io.openassist.common.security.Permission;
import io.openassist.file.domain.FileName;
import io.openassist.file.domain.KnowledgeFile;
import io.openassist.file.domain.StoredBytes;
import io.openassist.file.infrastructure.JpaFileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The use cases of an assistant's knowledge files: list, read, upload, replace, delete, download.
 * Bytes are streamed to storage before a row is committed, and removed again when the upload fails
 * after that (or the row cannot be committed); bytes whose row went away are removed after the
 * commit that removed it. What a crash leaves between the two, the orphan sweep removes.
 */
@ApplicationScoped
public class KnowledgeFiles {

  private static final Logger LOG = Logger.getLogger(KnowledgeFiles.class.getName());
  static final String KIND = "file";

  @Inject FileAccess access;
  @Inject JpaFileRepository files;
  @Inject FileStorage storage;
  @Inject ContentTypes contentTypes;
  @Inject FileProcessing processing;
  @Inject io.openassist.file.infrastructure.FileMetrics metrics;

  Clock clock = Clock.systemUTC();

  /** A file and, for a replacement, the id of the file it replaced. */
  public record Uploaded(KnowledgeFile file, String replacedId) {}

  /** A file the caller may download, and its bytes, a range at a time. */
  public final class Download {
    private final KnowledgeFile file;

    private Download(KnowledgeFile file) {
      this.file = file;
    }

    public KnowledgeFile file() {
      return file;
    }

    /** {@code length} bytes from {@code offset}. */
    public InputStream open(long offset, long length) {
      try {
        return storage.read(file.storageKey(), offset, length);
      } catch (IOException e) {
        throw new UncheckedIOException("The bytes of file " + file.id() + " cannot be read", e);
      }
    }
  }

  public Page<KnowledgeFile> list(String assistantId, PageRequest page) {
    Caller caller = access.require(assistantId, Permission.VIEW);
    return files.list(caller.organizationId(), assistantId, page);
  }

  public List<KnowledgeFile> all(String assistantId) {
    Caller caller = access.require(assistantId, Permission.VIEW);
    return files.all(caller.organizationId(), assistantId);
  }

  public KnowledgeFile get(String assistantId, String fileId) {
    Caller caller = access.require(assistantId, Permission.VIEW);
    return find(caller, assistantId, fileId);
  }

  public Uploaded upload(String assistantId, IncomingUpload upload) {
    Caller caller = access.require(assistantId, Permission.EDIT);
    KnowledgeFile file = store(caller, assistantId, upload);
    commit(file, () -> files.add(file));
    metrics.uploaded(file.size());
    processing.wake();
    return new Uploaded(file, null);
  }

  /**
   * The seed's replace: the new file is uploaded (a new id), then the old one deleted. Until the
   * new file is stored and its row committed, the old one stays exactly as it was.
   */
  public Uploaded replace(String assistantId, String fileId, IncomingUpload upload) {
    Caller caller = access.require(assistantId, Permission.EDIT);
    KnowledgeFile old = find(caller, assistantId, fileId);
    KnowledgeFile file = store(caller, assistantId, upload);
    commit(file, () -> files.replace(file, old.id()));
    metrics.uploaded(file.size());
    removeBytes(old.storageKey());
    processing.wake();
    return new Uploaded(file, old.id());
  }

  public KnowledgeFile delete(String assistantId, String fileId) {
    Caller caller = access.require(assistantId, Permission.EDIT);
    KnowledgeFile file = find(caller, assistantId, fileId);
    files.delete(file.id());
    removeBytes(file.storageKey());
    return file;
  }

  public Download download(String assistantId, String fileId) {
    return new Download(get(assistantId, fileId));
  }

  private KnowledgeFile find(Caller caller, String assistantId, String fileId) {
    return files
        .find(caller.organizationId(), assistantId, fileId)
        .orElseThrow(() -> new ResourceNotFoundException(KIND));
  }

  /** Streams the upload into storage: named, typed from its first bytes, counted and hashed. */
  private KnowledgeFile store(Caller caller, String assistantId, IncomingUpload upload) {
    String id = KnowledgeFile.newId();
    String key = KnowledgeFile.storageKey(caller.organizationId(), assistantId, id);
    StoredBytes stored = null;
    try {
      String sent = upload.open();
      FileName.problemWith(sent)
          .ifPresent(
              problem -> {
                throw new InvalidRequestException(
                    List.of(new FieldError("file", "name " + problem)));
              });
      FileName name = FileName.of(sent);
      InputStream content = upload.content();
      byte[] head = new byte[contentTypes.headLength()];
      int headLength = content.readNBytes(head, 0, head.length);
      if (headLength == 0) {
        throw new InvalidRequestException(
            List.of(new FieldError("file", "is empty; a knowledge file needs content")));
      }
      String mimeType = contentTypes.detect(head, headLength, name.value());
      stored =
          storage.write(
              key, new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), content));
      upload.finish();
      return KnowledgeFile.stored(
          id,
          caller.organizationId(),
          assistantId,
          name,
          stored,
          mimeType,
          caller.userId(),
          clock.instant());
    } catch (IOException e) {
      removeBytesOf(stored);
      throw new UncheckedIOException("The upload could not be read or stored", e);
    } catch (RuntimeException e) {
      removeBytesOf(stored);
      throw e;
    }
  }

  private void commit(KnowledgeFile file, Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      removeBytes(file.storageKey());
      throw e;
    }
  }

  private void removeBytesOf(StoredBytes stored) {
    if (stored != null) {
      removeBytes(stored.key());
    }
  }

  private void removeBytes(String key) {
    try {
      storage.delete(key);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not remove stored bytes " + key + "; the orphan sweep will", e);
    }
  }
}
