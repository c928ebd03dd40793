package io.openassist.file.infrastructure.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes (SHA-256) the bytes read through it: a file's size and checksum, streamed. */
final class DigestingInputStream extends FilterInputStream {

  private final MessageDigest sha256;
  private long count;

  DigestingInputStream(InputStream in) {
    super(in);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      sha256.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      sha256.update(buffer, offset, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) {
    return 0; // every byte must be hashed: skipping is reading
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  long count() {
    return count;
  }

  String checksum() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
