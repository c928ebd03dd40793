package io.openassist.file.application;

/** Tells a file's media type from its first bytes (and its name, where the bytes are ambiguous). */
public interface ContentTypes {

  /** How many leading bytes {@link #detect} looks at. */
  int headLength();

  String detect(byte[] head, int length, String name);
}
