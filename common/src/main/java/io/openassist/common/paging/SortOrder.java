package io.openassist.common.paging;

/** The order of a list by creation time; lists default to newest first, as OpenAI's do. */
public enum SortOrder {
  ASC,
  DESC;

  public SortOrder reversed() {
    return this == ASC ? DESC : ASC;
  }
}
