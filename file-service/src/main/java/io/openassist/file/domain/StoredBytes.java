package io.openassist.file.domain;

/** Bytes written to storage: under which key, how many, and their SHA-256 (lower-case hex). */
public record StoredBytes(String key, long size, String checksum) {}
