package io.openassist.file.infrastructure.extraction;

import java.util.Set;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text of Tika's XHTML events with the document's structure kept as plain text: a
 * blank line after each block (paragraph, heading, list item, table row, ...), a line break for
 * {@code br}, a tab between table cells; the text's own line breaks kept (a blank line: a
 * paragraph); other whitespace runs collapsed to a space. Stops, with Tika's write-limit signal, at
 * {@code limit} characters, and with the deadline's exception once the extraction's time is up. NUL
 * and other control characters PostgreSQL cannot or should not store are dropped.
 */
final class ParagraphText extends DefaultHandler {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "tr",
          "table",
          "pre",
          "blockquote",
          "section",
          "article",
          "header",
          "footer",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "title");

  private final StringBuilder text = new StringBuilder();
  private final int limit;
  private final ExtractionDeadline deadline;
  private boolean spacePending;
  private int newlinesPending;

  ParagraphText(int limit, ExtractionDeadline deadline) {
    this.limit = limit;
    this.deadline = deadline;
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    deadline.check();
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      if (c == '\n') {
        newlinesPending++;
        continue;
      }
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        spacePending = text.length() > 0 && !endsWithBreak();
        continue;
      }
      if (newlinesPending > 0 && text.length() > 0) {
        // Line breaks in the text itself (plain text, Markdown, CSV): a blank line is a paragraph.
        lineBreak(newlinesPending > 1 ? "\n\n" : "\n");
      } else if (spacePending) {
        append(' ');
      }
      newlinesPending = 0;
      spacePending = false;
      append(c);
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {}

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    deadline.check();
    if (localName.equals("br")) {
      lineBreak("\n");
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (BLOCKS.contains(localName)) {
      lineBreak("\n\n");
    } else if (localName.equals("td") || localName.equals("th")) {
      spacePending = false;
      append('\t');
    }
  }

  private void lineBreak(String separator) throws WriteLimitReachedException {
    spacePending = false;
    newlinesPending = 0;
    if (text.length() == 0) {
      return;
    }
    // Trim the trailing spaces and tabs of the line, then end it (at most one blank line).
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    text.setLength(end);
    boolean blankLine = end >= 2 && text.charAt(end - 1) == '\n' && text.charAt(end - 2) == '\n';
    if (blankLine || (separator.equals("\n") && endsWithBreak())) {
      return;
    }
    String missing = endsWithBreak() ? separator.substring(1) : separator;
    for (int i = 0; i < missing.length(); i++) {
      append('\n');
    }
  }

  private boolean endsWithBreak() {
    return text.length() > 0 && text.charAt(text.length() - 1) == '\n';
  }

  private void append(char c) throws WriteLimitReachedException {
    if (text.length() >= limit) {
      throw new WriteLimitReachedException(limit);
    }
    text.append(c);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
