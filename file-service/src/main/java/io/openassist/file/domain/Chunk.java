package io.openassist.file.domain;

/**
 * One passage of a file's extracted text, as indexed for search: its position among the file's
 * chunks (from 0) and the character range {@code [start, end)} of the text it covers.
 */
public record Chunk(int position, int start, int end, String text) {}
