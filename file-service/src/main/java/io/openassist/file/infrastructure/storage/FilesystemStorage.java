package io.openassist.file.infrastructure.storage;

import io.openassist.file.application.FileStorage;
import io.openassist.file.domain.StoredBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files in a directory ({@code openassist.files.directory}): each object at {@code <root>/<key>}. A
 * write goes to {@code <root>/.incoming/} first, is forced to disk, and is then moved into place
 * atomically, so that a key names complete bytes or nothing; what a crash leaves in {@code
 * .incoming} is removed by {@link #abandonIncomplete}.
 */
public final class FilesystemStorage implements FileStorage {

  static final String INCOMING = ".incoming";
  private static final int BUFFER = 256 * 1024;

  private final Path root;
  private final Path incoming;

  public FilesystemStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.incoming = this.root.resolve(INCOMING);
    try {
      Files.createDirectories(incoming);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the file storage directory " + root, e);
    }
  }

  @Override
  public StoredBytes write(String key, InputStream content) throws IOException {
    Path target = pathOf(key);
    Path partial = incoming.resolve(UUID.randomUUID().toString());
    DigestingInputStream digesting = new DigestingInputStream(content);
    try {
      try (FileChannel channel =
              FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = digesting.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
        }
        channel.force(true);
      }
      Files.createDirectories(target.getParent());
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    return new StoredBytes(key, digesting.count(), digesting.checksum());
  }

  @Override
  public InputStream read(String key, long offset, long length) throws IOException {
    FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
    channel.position(offset);
    return new BoundedInputStream(Channels.newInputStream(channel), length);
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(pathOf(key));
  }

  @Override
  public Stream<StoredObject> list(String prefix) throws IOException {
    Path start = root.resolve(StorageKeys.checkedPrefix(prefix));
    if (!Files.isDirectory(start)) {
      return Stream.empty();
    }
    return Files.find(
            start,
            8,
            (path, attributes) -> attributes.isRegularFile() && !path.startsWith(incoming))
        .map(
            path -> {
              try {
                BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class);
                return new StoredObject(
                    root.relativize(path).toString().replace('\\', '/'),
                    attributes.lastModifiedTime().toInstant());
              } catch (NoSuchFileException gone) {
                return null;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .filter(o -> o != null);
  }

  @Override
  public int abandonIncomplete(Instant startedBefore) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> partials = Files.newDirectoryStream(incoming)) {
      for (Path partial : partials) {
        try {
          if (Files.getLastModifiedTime(partial).toInstant().isBefore(startedBefore)
              && Files.deleteIfExists(partial)) {
            removed++;
          }
        } catch (NoSuchFileException gone) {
          // finished (moved into place) while we looked
        }
      }
    }
    return removed;
  }

  private Path pathOf(String key) {
    Path path = root.resolve(StorageKeys.checked(key)).normalize();
    if (!path.startsWith(root) || path.startsWith(incoming)) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return path;
  }
}
