package io.openassist.file.application;

import io.openassist.file.domain.StoredBytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Where the bytes of files live: a directory (the default) or an S3-compatible object store, chosen
 * by {@code openassist.files.storage}. Keys are the service's own ({@code
 * <organization>/<assistant>/<file id>}), never names a caller chose.
 */
public interface FileStorage {

  /**
   * Streams {@code content} to {@code key} without holding it in memory, computing its SHA-256 on
   * the way. The bytes appear under the key only once all of them are written: a stream that fails
   * part-way (the caller cut off, a limit passed) leaves nothing behind, and the failure is thrown.
   */
  StoredBytes write(String key, InputStream content) throws IOException;

  /** {@code length} bytes of the object from {@code offset} (the whole object: 0 and its size). */
  InputStream read(String key, long offset, long length) throws IOException;

  /** Removes the object; a key with nothing under it is not an error. */
  void delete(String key) throws IOException;

  /**
   * Every object whose key starts with {@code prefix}, with when it was written, for the sweep that
   * removes bytes whose row was never committed.
   */
  Stream<StoredObject> list(String prefix) throws IOException;

  /**
   * Removes what writes that never finished left behind (a crash mid-upload) if they started before
   * {@code startedBefore}; answers how many.
   */
  int abandonIncomplete(java.time.Instant startedBefore) throws IOException;

  /** An object in storage and when it was last written. */
  record StoredObject(String key, java.time.Instant modified) {}
}
