package io.openassist.file;

import static io.openassist.file.FileFixture.native_;
import static io.openassist.file.FileFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After an upload, files are extracted, chunked and indexed in the background; search ranks the
 * passages; a file the extractor cannot read fails alone; pending work is picked up again.
 */
@ExtendWith(AssistantServiceCompanion.class)
class FileProcessingIT {

  private FileFixture fx;

  @BeforeEach
  void anOrganisation() {
    FileFixture.resetSchemas();
    fx = new FileFixture("Processing");
  }

  /** A PDF of one page per text, written by PDFBox. */
  static byte[] pdf(List<String> pages) throws Exception {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          content.newLineAtOffset(72, 700);
          content.showText(text);
          content.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A Word document of these paragraphs, written by POI. */
  static byte[] docx(List<String> paragraphs) throws Exception {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : paragraphs) {
        doc.createParagraph().createRun().setText(text);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  private JsonArray search(String assistant, String query) {
    ApiResponse r =
        fx.member()
            .post(
                native_(assistant) + "/search",
                Json.createObjectBuilder().add("query", query).add("limit", 5).build().toString());
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonArray("data");
  }

  @Test
  void pdfAndDocxAreExtractedChunkedAndSearchable() throws Exception {
    JsonObject pdf =
        fx.uploaded(
            fx.editable,
            "report.pdf",
            pdf(
                List.of(
                    "The quarterly revenue grew by twelve percent in the northern region.",
                    "Travel expenses must be approved by a manager before booking.")));
    JsonObject docx =
        fx.uploaded(
            fx.editable,
            "handbook.docx",
            docx(
                List.of(
                    "Employees receive thirty days of paid vacation every year.",
                    "The office is closed on public holidays.")));
    assertEquals("application/pdf", pdf.getString("mime_type"));
    assertEquals(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        docx.getString("mime_type"));

    for (JsonObject file : List.of(pdf, docx)) {
      JsonObject done = fx.processed(fx.editable, file.getString("id"));
      assertEquals("ready", done.getString("processing_status"), done::toString);
      assertEquals(
          List.of("text", "chunks"),
          done.getJsonArray("derivations").getValuesAs(jakarta.json.JsonString::getString));
      assertTrue(
          TestDatabase.count(
                  "SELECT count(*) FROM file.file_chunk WHERE file_id = ?", file.getString("id"))
              > 0);
    }

    JsonArray revenue = search(fx.editable, "quarterly revenue");
    assertTrue(revenue.size() >= 1, revenue::toString);
    JsonObject best = revenue.getJsonObject(0);
    assertEquals(pdf.getString("id"), best.getString("file_id"));
    assertEquals("report.pdf", best.getString("file_name"));
    assertTrue(best.getString("text").contains("quarterly revenue grew"), best::toString);
    assertTrue(best.getJsonNumber("score").doubleValue() > 0);

    JsonArray vacation = search(fx.editable, "paid vacation");
    assertEquals(docx.getString("id"), vacation.getJsonObject(0).getString("file_id"));
    assertTrue(vacation.getJsonObject(0).getString("text").contains("thirty days"));

    // The passage with both words ranks above the one with one of them.
    JsonArray office = search(fx.editable, "office holidays");
    assertEquals(docx.getString("id"), office.getJsonObject(0).getString("file_id"));
    assertTrue(office.getJsonObject(0).getString("text").contains("public holidays"));

    assertEquals(0, search(fx.viewable, "quarterly revenue").size(), "another assistant's files");
    assertEquals(0, search(fx.editable, "nonexistentword").size());
  }

  @Test
  void longTextIsSplitIntoOverlappingChunksAtParagraphs() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Paragraph ").append(i).append(" talks about topic").append(i).append(". ");
      text.append("It has a second sentence with some filler words to take up room.\n\n");
    }
    JsonObject file = fx.uploaded(fx.editable, "long.txt", utf8(text.toString()));
    assertEquals(
        "ready", fx.processed(fx.editable, file.getString("id")).getString("processing_status"));
    long chunks =
        TestDatabase.count(
            "SELECT count(*) FROM file.file_chunk WHERE file_id = ?", file.getString("id"));
    assertTrue(chunks > 3, "chunks: " + chunks);
    // The text keeps its paragraphs: a blank line between them.
    assertEquals(
        1L,
        TestDatabase.count(
            "SELECT count(*) FROM file.file_text WHERE file_id = ?"
                + " AND position(E'room.\\n\\nParagraph 1 ' IN content) > 0",
            file.getString("id")));
    // Every chunk starts at a paragraph.
    assertEquals(
        0L,
        TestDatabase.count(
            "SELECT count(*) FROM file.file_chunk WHERE file_id = ? AND content NOT LIKE 'Paragraph %'",
            file.getString("id")));
    // Consecutive chunks overlap.
    assertTrue(
        TestDatabase.count(
                "SELECT count(*) FROM file.file_chunk a JOIN file.file_chunk b ON b.file_id = a.file_id"
                    + " AND b.position = a.position + 1 WHERE a.file_id = ? AND b.start_offset < a.end_offset",
                file.getString("id"))
            > 0);
    JsonArray hits = search(fx.editable, "topic17");
    assertTrue(hits.getJsonObject(0).getString("text").contains("Paragraph 17 "));
  }

  @Test
  void aFileTheExtractorCannotReadFailsAloneWithAReason() throws Exception {
    JsonObject broken =
        fx.uploaded(fx.editable, "broken.pdf", utf8("%PDF-1.7\nthis is not really a PDF\n%%EOF"));
    JsonObject fine = fx.uploaded(fx.editable, "fine.txt", utf8("A perfectly readable note."));
    JsonObject failed = fx.processed(fx.editable, broken.getString("id"));
    assertEquals("failed", failed.getString("processing_status"));
    assertTrue(
        failed.getString("processing_error").contains("could not be read"), failed::toString);
    assertEquals(0, failed.getJsonArray("derivations").size());
    assertEquals(
        "ready", fx.processed(fx.editable, fine.getString("id")).getString("processing_status"));
    // The meinGPT metadata shows the same status.
    JsonObject meinGpt =
        fx.member().get(FileFixture.meinGpt(fx.editable) + "/" + broken.getString("id")).json();
    assertEquals("failed", meinGpt.getString("processingStatus"));
  }

  @Test
  void pendingWorkIsPickedUpAgainByThePoll() throws Exception {
    JsonObject file = fx.uploaded(fx.editable, "again.txt", utf8("Something to index twice."));
    assertEquals(
        "ready", fx.processed(fx.editable, file.getString("id")).getString("processing_status"));
    // As a restart leaves it: claimed by a worker that is gone, its chunks not yet written.
    TestDatabase.execute("DELETE FROM file.file_chunk WHERE file_id = ?", file.getString("id"));
    TestDatabase.execute(
        "UPDATE file.knowledge_file SET processing_status = 'pending', derivations = '{}' WHERE id = ?",
        file.getString("id"));
    assertEquals(
        "ready", fx.processed(fx.editable, file.getString("id")).getString("processing_status"));
    assertTrue(
        TestDatabase.count(
                "SELECT count(*) FROM file.file_chunk WHERE file_id = ?", file.getString("id"))
            > 0);
  }
}
