package io.openassist.file.domain;

/** A chunk that matched a search, with the file it belongs to and how well it matched. */
public record ChunkHit(String fileId, String fileName, Chunk chunk, double score) {}
