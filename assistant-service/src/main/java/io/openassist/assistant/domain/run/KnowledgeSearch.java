package io.openassist.assistant.domain.run;

import java.util.List;

/**
 * Finds the passages of an assistant's knowledge files that best match a question, as the caller
 * may see them: the file service, asked on the caller's behalf (an assistant with the {@code
 * file_search} tool).
 */
public interface KnowledgeSearch {

  /** The best passages first; empty when there are none or the file service cannot answer. */
  List<Passage> search(String assistantId, String query, int limit);

  /** A passage of a file: where it is (position among the file's chunks, character range). */
  record Passage(
      String fileId, String fileName, int position, int start, int end, double score, String text) {

    /** meinGPT's citation: a readable string naming the file and the passage. */
    public String readable() {
      String excerpt = text.length() <= 200 ? text : text.substring(0, 200) + "…";
      return fileName + ", passage " + (position + 1) + ": \"" + excerpt.replace('\n', ' ') + "\"";
    }
  }
}
