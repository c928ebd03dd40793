package io.openassist.assistant.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Search in the assistant's knowledge files. Each setting is optional (null: the default): how many
 * results at most (1 to 50), the ranker, and the relevance score (0 to 1) a result must reach.
 */
public record FileSearchTool(Integer maxNumResults, String ranker, Double scoreThreshold)
    implements Tool {

  public static final String TYPE = "file_search";
  public static final int MAX_RESULTS = 50;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toJson() {
    JsonObjectBuilder tool = Jsonp.objectBuilder().add("type", TYPE);
    if (maxNumResults == null && ranker == null && scoreThreshold == null) {
      return tool.build();
    }
    JsonObjectBuilder options = Jsonp.objectBuilder();
    if (maxNumResults != null) {
      options.add("max_num_results", maxNumResults);
    }
    if (ranker != null || scoreThreshold != null) {
      JsonObjectBuilder ranking = Jsonp.objectBuilder();
      if (ranker != null) {
        ranking.add("ranker", ranker);
      }
      if (scoreThreshold != null) {
        ranking.add("score_threshold", scoreThreshold);
      }
      options.add("ranking_options", ranking);
    }
    return tool.add(TYPE, options).build();
  }

  static FileSearchTool fromJson(JsonObject options) {
    if (options == null) {
      return new FileSearchTool(null, null, null);
    }
    JsonObject ranking = options.getJsonObject("ranking_options");
    return new FileSearchTool(
        options.containsKey("max_num_results") ? options.getInt("max_num_results") : null,
        ranking != null && ranking.containsKey("ranker") ? ranking.getString("ranker") : null,
        ranking != null && ranking.containsKey("score_threshold")
            ? ranking.getJsonNumber("score_threshold").doubleValue()
            : null);
  }
}
