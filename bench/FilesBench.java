import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The documents bench/files.sh needs, generated so that nothing is downloaded:
 *
 * <pre>
 * java -cp PDFBOX_CLASSPATH bench/FilesBench.java pdf OUT PAGES        a PDF of PAGES pages of prose
 * java bench/FilesBench.java text OUT_PREFIX FILES PARAGRAPHS          FILES text files of PARAGRAPHS
 *                                                                      paragraphs (~1,000 chars each:
 *                                                                      one chunk apiece)
 * </pre>
 */
public class FilesBench {

  private static final String[] WORDS =
      ("policy employee vacation travel expense report quarter revenue budget office holiday"
              + " manager approval contract supplier invoice payment security password device laptop"
              + " meeting customer product release training onboarding benefit salary overtime remote"
              + " parking canteen printer network backup archive compliance audit privacy data")
          .split(" ");

  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "pdf" -> pdf(args[1], Integer.parseInt(args[2]));
      case "text" -> text(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "query" -> System.out.println(
          "How does the " + word(Integer.parseInt(args[1])) + " of the " + word(Integer.parseInt(args[2]))
              + " work with " + word(Integer.parseInt(args[3])) + "?");
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.append('.').toString();
  }

  /**
   * Prose-like text for the search corpus: words from a vocabulary of 20,000 made-up words drawn
   * with a Zipf-like skew (a few very common, most rare), plus common English function words, so
   * that a query's words match some chunks, not all of them.
   */
  private static final String[] FUNCTION =
      "the of and to in is that it for as with was on be by this are or at from".split(" ");

  static String word(int rank) {
    String[] syllables = {"ka", "lo", "mi", "ter", "sun", "vel", "dra", "po", "ni", "ex", "qua", "ri"};
    StringBuilder w = new StringBuilder();
    int n = rank + 12;
    while (n > 0) {
      w.append(syllables[n % syllables.length]);
      n /= syllables.length;
    }
    return w.toString();
  }

  private static String prose(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w =
          random.nextInt(3) == 0
              ? FUNCTION[random.nextInt(FUNCTION.length)]
              : word((int) (20000 * Math.pow(random.nextDouble(), 3)));
      s.append(i == 0 ? "" : " ").append(w);
    }
    return s.append('.').toString();
  }

  private static void pdf(String out, int pages) throws IOException {
    Random random = new Random(42);
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(13);
          content.newLineAtOffset(50, 740);
          for (int line = 0; line < 50; line++) {
            content.showText(sentence(random, 12));
            content.newLine();
          }
          content.endText();
        }
      }
      doc.save(out);
    }
  }

  private static void text(String prefix, int files, int paragraphs) throws IOException {
    Random random = new Random(7);
    for (int f = 0; f < files; f++) {
      try (OutputStream out = new FileOutputStream(prefix + f + ".txt")) {
        for (int p = 0; p < paragraphs; p++) {
          StringBuilder paragraph = new StringBuilder("Section " + f + "." + p + ": ");
          while (paragraph.length() < 1000) {
            paragraph.append(prose(random, 12)).append(' ');
          }
          out.write((paragraph.toString().strip() + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }
}
