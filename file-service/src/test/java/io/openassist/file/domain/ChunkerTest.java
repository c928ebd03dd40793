package io.openassist.file.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  @Test
  void shortTextIsOneChunk() {
    List<Chunk> chunks = new Chunker(100, 20).split("  Hello.\n\nWorld.  ");
    assertEquals(1, chunks.size());
    assertEquals("Hello.\n\nWorld.", chunks.get(0).text());
    assertEquals(2, chunks.get(0).start());
  }

  @Test
  void chunksEndAtParagraphsAndOverlapByWholeParagraphs() {
    String text = "aaaa aaaa.\n\nbbbb bbbb.\n\ncccc cccc.\n\ndddd dddd.";
    List<Chunk> chunks = new Chunker(24, 10).split(text);
    assertEquals(
        List.of("aaaa aaaa.\n\nbbbb bbbb.", "bbbb bbbb.\n\ncccc cccc.", "cccc cccc.\n\ndddd dddd."),
        chunks.stream().map(Chunk::text).toList());
    for (Chunk c : chunks) {
      assertEquals(c.text(), text.substring(c.start(), c.end()));
    }
    assertEquals(List.of(0, 1, 2), chunks.stream().map(Chunk::position).toList());
  }

  @Test
  void aLongParagraphIsSplitAtSentencesAndALongSentenceAtWhitespace() {
    String text = "First sentence here. Second sentence here. " + "word ".repeat(30).strip();
    List<Chunk> chunks = new Chunker(30, 0).split(text);
    for (Chunk c : chunks) {
      assertTrue(c.text().length() <= 30, c.text());
      assertTrue(!c.text().startsWith(" ") && !c.text().endsWith(" "), c.text());
      assertTrue(
          !c.text().contains("wor ") && !c.text().endsWith("wor"), "no word cut: " + c.text());
    }
    assertEquals("First sentence here.", chunks.get(0).text());
  }

  @Test
  void textWithoutWhitespaceIsCutHardButNeverInsideASurrogatePair() {
    String text = "\uD83D\uDE00".repeat(40); // 80 chars of emoji
    List<Chunk> chunks = new Chunker(25, 0).split(text);
    StringBuilder joined = new StringBuilder();
    for (Chunk c : chunks) {
      assertTrue(!Character.isLowSurrogate(c.text().charAt(0)), "starts on a pair");
      joined.append(c.text());
    }
    assertEquals(text, joined.toString());
  }
}
