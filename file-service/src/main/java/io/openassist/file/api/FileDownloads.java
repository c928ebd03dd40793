package io.openassist.file.api;

import io.openassist.common.error.ProblemResponses;
import io.openassist.file.application.KnowledgeFiles;
import io.openassist.file.domain.KnowledgeFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's bytes over HTTP: streamed from storage with its detected {@code Content-Type}, {@code
 * Content-Length}, its checksum as a strong {@code ETag} ({@code If-None-Match} answers 304), and a
 * single byte range ({@code Range: bytes=a-b}, {@code a-}, {@code -n}) as a 206 with {@code
 * Content-Range}; a range outside the file is a 416. Several ranges at once are answered with the
 * whole file, as RFC 9110 allows.
 */
@ApplicationScoped
public class FileDownloads {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  @Inject KnowledgeFiles files;
  @Inject ProblemResponses problems;

  Response answer(String assistantId, String fileId, String range, String ifNoneMatch) {
    KnowledgeFiles.Download download = files.download(assistantId, fileId);
    KnowledgeFile file = download.file();
    String etag = "\"" + file.checksum() + "\"";
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
      return Response.notModified().header(HttpHeaders.ETAG, etag).build();
    }
    long size = file.size();
    long from = 0;
    long to = size - 1;
    boolean partial = false;
    if (range != null && !range.contains(",")) {
      Matcher m = RANGE.matcher(range.trim());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        try {
          if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            from = Math.max(0, size - suffix);
            partial = suffix > 0;
            if (suffix == 0) {
              return unsatisfiable(size);
            }
          } else {
            from = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
              to = Math.min(to, Long.parseLong(m.group(2)));
            }
            if (from >= size || to < from) {
              return unsatisfiable(size);
            }
            partial = true;
          }
        } catch (NumberFormatException e) {
          return unsatisfiable(size);
        }
      }
    }
    long length = to - from + 1;
    InputStream bytes = download.open(from, length);
    StreamingOutput body =
        out -> {
          try (InputStream in = bytes) {
            in.transferTo(out);
          }
        };
    Response.ResponseBuilder answer =
        Response.status(partial ? 206 : 200)
            .entity(body)
            .type(file.mimeType())
            .header(HttpHeaders.CONTENT_LENGTH, length)
            .header(HttpHeaders.ETAG, etag)
            .header("Accept-Ranges", "bytes")
            .header(
                "Content-Disposition",
                "attachment; filename*=UTF-8''"
                    + URLEncoder.encode(file.originalName(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
    if (partial) {
      answer.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
    }
    return answer.build();
  }

  private Response unsatisfiable(long size) {
    return Response.fromResponse(
            problems.of(
                416,
                "range_not_satisfiable",
                "Range not satisfiable",
                "The range asked for is not within the file's " + size + " bytes"))
        .header("Content-Range", "bytes */" + size)
        .build();
  }
}
