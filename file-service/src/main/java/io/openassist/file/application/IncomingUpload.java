package io.openassist.file.application;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file arriving in a request, read as it streams in. {@link #open()} reads up to the file's
 * bytes, {@link #content()} streams them (refusing, with a 413, a byte past the size limit), and
 * {@link #finish()} reads what follows them, refusing a request that carries more than one file.
 * Whatever cannot be a single file upload is refused with a 400 by the method that finds it.
 */
public interface IncomingUpload {

  /** The name the file was sent with, as sent. */
  String open() throws IOException;

  InputStream content() throws IOException;

  void finish() throws IOException;
}
