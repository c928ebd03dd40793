package io.openassist.file.infrastructure.extraction;

import io.openassist.file.application.ContentTypes;
import io.openassist.file.application.TextExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xml.sax.SAXException;

/**
 * Apache Tika, for both jobs: the media type of a file from its first bytes and its name (never the
 * type the client declared), and its text (PDF, Word/Excel/PowerPoint, HTML, Markdown, plain text,
 * CSV, ...). Extracted text is capped at {@code openassist.files.max-text-chars} (20 million
 * characters): a file with more is indexed as far as the cap. One file's extraction may take {@code
 * openassist.files.extraction-timeout} (2 minutes); a file that takes longer fails, alone.
 */
@ApplicationScoped
public class TikaFiles implements ContentTypes, TextExtractor {

  /** Enough for every magic number Tika knows, and for the XML root of OOXML-less formats. */
  private static final int HEAD = 64 * 1024;

  /** Types Tika detects as a bare container whose name says what it really is. */
  private static final Set<String> GENERIC =
      Set.of(
          "application/octet-stream", "application/zip", "application/x-tika-ooxml", "text/plain");

  private final TikaConfig config = TikaConfig.getDefaultConfig();
  private final Detector detector = config.getDetector();
  private final Parser parser = new AutoDetectParser(config);

  @Inject
  @ConfigProperty(name = "openassist.files.max-text-chars", defaultValue = "20000000")
  int maxTextChars;

  /** How long one file's text extraction may take before the file fails (with that reason). */
  @Inject
  @ConfigProperty(name = "openassist.files.extraction-timeout", defaultValue = "PT2M")
  Duration extractionTimeout;

  @Override
  public int headLength() {
    return HEAD;
  }

  @Override
  public String detect(byte[] head, int length, String name) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (InputStream in = new ByteArrayInputStream(head, 0, length)) {
      MediaType type = detector.detect(in, metadata);
      MediaType base = type.getBaseType();
      if (GENERIC.contains(base.toString())) {
        // The bytes say only "a zip" or "text": the name may say which (a .docx, a .md, a .csv).
        MediaType byName = detector.detect(null, metadata).getBaseType();
        if (!byName.equals(MediaType.OCTET_STREAM)
            && config.getMediaTypeRegistry().isSpecializationOf(byName, base)) {
          return byName.toString();
        }
      }
      return base.toString();
    } catch (IOException e) {
      return MediaType.OCTET_STREAM.toString();
    }
  }

  @Override
  public String extract(InputStream content, String mimeType, String name) throws ExtractionFailed {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    metadata.set(Metadata.CONTENT_TYPE, mimeType);
    ExtractionDeadline deadline = new ExtractionDeadline(extractionTimeout);
    ParagraphText text = new ParagraphText(maxTextChars, deadline);
    try {
      parser.parse(deadline.guard(content), text, metadata, new ParseContext());
    } catch (EncryptedDocumentException e) {
      throw new ExtractionFailed("the file is encrypted", e);
    } catch (SAXException e) {
      if (deadline.passed()) {
        throw new ExtractionFailed(deadline.reason(), e);
      }
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new ExtractionFailed("the file could not be read as " + mimeType, e);
      }
    } catch (TikaException | IOException | RuntimeException e) {
      // Parsers wrap what our stream threw in exceptions of their own.
      if (deadline.passed()) {
        throw new ExtractionFailed(deadline.reason(), e);
      }
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new ExtractionFailed("the file could not be read as " + mimeType, e);
    }
    if (deadline.passed()) {
      // A parser that caught the deadline's exception (an embedded document's, say) and went on.
      throw new ExtractionFailed(deadline.reason(), null);
    }
    String extracted = text.toString().strip();
    if (extracted.isEmpty()) {
      throw new ExtractionFailed("no text was found in the file (" + mimeType + ")", null);
    }
    return extracted;
  }
}
