package io.openassist.file.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits extracted text into overlapping chunks that respect its structure. A chunk is a run of
 * whole paragraphs of at most {@code maxChars}; a paragraph too long for one is split at sentence
 * ends, and a sentence too long at whitespace (at a hard cut only when there is none). Each chunk
 * after the first repeats the last paragraphs or sentences of the one before, up to {@code
 * overlapChars}, so that a passage cut by a boundary is still found whole in one of them.
 */
public final class Chunker {

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+|\\n");

  private final int maxChars;
  private final int overlapChars;

  public Chunker(int maxChars, int overlapChars) {
    if (maxChars < 1 || overlapChars < 0 || overlapChars >= maxChars) {
      throw new IllegalArgumentException("need 0 <= overlap < max chunk size");
    }
    this.maxChars = maxChars;
    this.overlapChars = overlapChars;
  }

  /** A character range {@code [start, end)} of the text. */
  private record Span(int start, int end) {
    int length() {
      return end - start;
    }
  }

  public List<Chunk> split(String text) {
    List<Span> segments = new ArrayList<>();
    for (Span paragraph : split(text, new Span(0, text.length()), PARAGRAPH_BREAK)) {
      if (paragraph.length() <= maxChars) {
        segments.add(paragraph);
        continue;
      }
      for (Span sentence : split(text, paragraph, SENTENCE_END)) {
        if (sentence.length() <= maxChars) {
          segments.add(sentence);
        } else {
          segments.addAll(cut(text, sentence));
        }
      }
    }
    return group(text, segments);
  }

  /** The non-blank pieces of {@code span} between matches of {@code separator}, trimmed. */
  private static List<Span> split(String text, Span span, Pattern separator) {
    List<Span> pieces = new ArrayList<>();
    Matcher m = separator.matcher(text).region(span.start(), span.end());
    int from = span.start();
    while (m.find()) {
      addTrimmed(text, from, m.start(), pieces);
      from = m.end();
    }
    addTrimmed(text, from, span.end(), pieces);
    return pieces;
  }

  private static void addTrimmed(String text, int start, int end, List<Span> into) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      into.add(new Span(start, end));
    }
  }

  /** A sentence longer than a chunk, in pieces ending at whitespace where there is some. */
  private List<Span> cut(String text, Span sentence) {
    List<Span> pieces = new ArrayList<>();
    int start = sentence.start();
    while (sentence.end() - start > maxChars) {
      int end = start + maxChars;
      int space = end;
      while (space > start + maxChars / 2 && !Character.isWhitespace(text.charAt(space))) {
        space--;
      }
      if (Character.isWhitespace(text.charAt(space))) {
        end = space;
      }
      // Never end between the two halves of a surrogate pair.
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      addTrimmed(text, start, end, pieces);
      start = end;
    }
    addTrimmed(text, start, sentence.end(), pieces);
    return pieces;
  }

  private List<Chunk> group(String text, List<Span> segments) {
    List<Chunk> chunks = new ArrayList<>();
    int first = 0;
    while (first < segments.size()) {
      int last = first;
      while (last + 1 < segments.size()
          && segments.get(last + 1).end() - segments.get(first).start() <= maxChars) {
        last++;
      }
      int start = segments.get(first).start();
      int end = segments.get(last).end();
      chunks.add(new Chunk(chunks.size(), start, end, text.substring(start, end)));
      if (last + 1 >= segments.size()) {
        break;
      }
      // The next chunk starts with as many of this one's last segments as fit in the overlap.
      int next = last + 1;
      while (next - 1 > first && end - segments.get(next - 1).start() <= overlapChars) {
        next--;
      }
      first = next;
    }
    return chunks;
  }
}
