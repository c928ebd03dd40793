package io.openassist.file.api;

import io.openassist.common.error.ApiException;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.PayloadTooLargeException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.file.application.IncomingUpload;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileItemInputIterator;

/**
 * A {@code multipart/form-data} upload read as it streams in ({@link PartReader} over the request
 * body, commons-fileupload2 for the boundary and the part headers: nothing is spooled to memory or
 * disk): exactly one part, named {@code file}, with a file name; its content at most {@code
 * maxFileBytes}. A request with no file part, another part, or a second file is a 400 naming the
 * field; a byte past the limit is a 413; a body that ends inside the file is a 400 {@code
 * upload_incomplete}.
 */
final class MultipartUpload implements IncomingUpload {

  static final String FIELD = "file";

  private final String contentType;
  private final InputStream body;
  private final long maxFileBytes;
  private final Parser parser = new Parser();
  private PartReader parts;

  MultipartUpload(String contentType, InputStream body, long maxFileBytes) {
    this.contentType = contentType;
    this.body = body;
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public String open() {
    requireMultipart();
    byte[] boundary = parser.getBoundary(contentType);
    if (boundary == null || boundary.length == 0 || boundary.length > 70) {
      throw new InvalidRequestException(
          "malformed_multipart",
          "The body is not well-formed multipart/form-data: the Content-Type names no boundary");
    }
    parts = new PartReader(body, boundary);
    Header first = next();
    if (first == null) {
      throw missingFile();
    }
    requireFilePart(first);
    return first.fileName();
  }

  @Override
  public InputStream content() {
    return new CappedStream(parts.content(), maxFileBytes);
  }

  @Override
  public void finish() {
    Header extra = next();
    if (extra != null) {
      if (FIELD.equals(extra.fieldName())) {
        throw new InvalidRequestException(
            List.of(new FieldError(FIELD, "is sent twice; upload one file per request")));
      }
      throw unexpected(extra);
    }
  }

  /** A part's field name and file name (null: a text field), as its headers give them. */
  private record Header(String fieldName, String fileName) {}

  private Header next() {
    try {
      String block = parts.nextPart();
      if (block == null) {
        return null;
      }
      FileItemHeaders headers = parser.getParsedHeaders(block);
      return new Header(parser.getFieldName(headers), parser.getFileName(headers));
    } catch (PartReader.Malformed | IllegalStateException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UploadIncompleteException();
    }
  }

  /**
   * Uploads take any content type at the resource (so that an anonymous caller learns nothing but
   * 401); anything but {@code multipart/form-data} is refused here, once the caller is known.
   */
  private void requireMultipart() {
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (type == null || !MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type)) {
      throw new UnsupportedMediaTypeException(
          "Send the file as multipart/form-data, in a part named 'file'");
    }
  }

  /** 415: an upload that is not multipart/form-data. */
  static final class UnsupportedMediaTypeException extends ApiException {
    UnsupportedMediaTypeException(String detail) {
      super(415, "unsupported_media_type", "Unsupported media type", detail, List.of());
    }
  }

  private static void requireFilePart(Header item) {
    if (!FIELD.equals(item.fieldName())) {
      throw unexpected(item);
    }
    if (item.fileName() == null) {
      throw new InvalidRequestException(
          List.of(
              new FieldError(FIELD, "must be a file (a part with a filename), not a text field")));
    }
  }

  private static InvalidRequestException unexpected(Header item) {
    String name = item.fieldName() == null ? "(unnamed part)" : item.fieldName();
    return new InvalidRequestException(
        List.of(new FieldError(name, "is not a field of an upload; send the file as 'file'")));
  }

  private static InvalidRequestException missingFile() {
    return new InvalidRequestException(
        List.of(new FieldError(FIELD, "is required: the file, as a multipart part named 'file'")));
  }

  private static InvalidRequestException malformed(Exception e) {
    return new InvalidRequestException(
        "malformed_multipart",
        "The body is not well-formed multipart/form-data: " + e.getMessage());
  }

  /** The file's bytes, refusing the first byte past the limit. */
  private static final class CappedStream extends FilterInputStream {

    private final long limit;
    private long read;

    CappedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = in.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      } catch (PartReader.Malformed e) {
        throw malformed(e);
      } catch (IOException e) {
        throw new UploadIncompleteException();
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      } catch (PartReader.Malformed e) {
        throw malformed(e);
      } catch (IOException e) {
        throw new UploadIncompleteException();
      }
    }

    private void count(long n) {
      read += n;
      if (read > limit) {
        throw new FileTooLargeException(limit);
      }
    }
  }

  /**
   * The body ended inside the file (the connection was cut, or the multipart body has no closing
   * boundary): 400, the caller's doing, not a server failure; nothing is kept.
   */
  static final class UploadIncompleteException extends ApiException {
    UploadIncompleteException() {
      super(
          400,
          "upload_incomplete",
          "Invalid request",
          "The upload ended before the file did: the connection was cut, or the multipart body"
              + " has no closing boundary. Nothing was stored; send the file again",
          List.of());
    }
  }

  /** A file over the limit: 413, naming the limit on the file (not on the request). */
  static final class FileTooLargeException extends PayloadTooLargeException {
    FileTooLargeException(long limit) {
      super("The file is larger than the " + limit + " bytes an upload may hold");
    }
  }

  /** commons-fileupload2 for what it does well here: the boundary, and parsing part headers. */
  private static final class Parser
      extends AbstractFileUpload<Void, DiskFileItem, DiskFileItemFactory> {

    Parser() {
      setHeaderCharset(StandardCharsets.UTF_8);
    }

    @Override
    public FileItemInputIterator getItemIterator(Void request) {
      throw new UnsupportedOperationException("parts are read by PartReader");
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(Void request) {
      throw new UnsupportedOperationException("uploads are streamed, never parsed whole");
    }

    @Override
    public List<DiskFileItem> parseRequest(Void request) {
      throw new UnsupportedOperationException("uploads are streamed, never parsed whole");
    }
  }
}
