package io.openassist.assistant.api;

import io.openassist.assistant.domain.CodeInterpreterTool;
import io.openassist.assistant.domain.FileSearchTool;
import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.Tool;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * One of an assistant's {@code tools} as OpenAI writes it: {@code {"type": "function", "function":
 * {...}}}, {@code {"type": "file_search", "file_search"?: {...}}} or {@code {"type":
 * "code_interpreter"}}.
 */
public record ToolRequest(
    @NotNull(message = TYPES)
        @Pattern(regexp = "code_interpreter|file_search|function", message = TYPES)
        String type,
    @Valid Function function,
    @Valid FileSearch fileSearch) {

  static final String TYPES = "must be one of code_interpreter, file_search, function";

  /** A function's definition: a name the model calls it by, and its arguments' JSON Schema. */
  public record Function(
      @NotNull(message = NAME_RULE) @Pattern(regexp = FunctionTool.NAME_RULE, message = NAME_RULE)
          String name,
      String description,
      JsonObject parameters,
      Boolean strict) {
    static final String NAME_RULE = "must be 1 to 64 letters, digits, underscores or hyphens";
  }

  /** File search settings, each optional. */
  public record FileSearch(
      @Min(value = 1, message = "must be between 1 and 50")
          @Max(value = FileSearchTool.MAX_RESULTS, message = "must be between 1 and 50")
          Integer maxNumResults,
      @Valid RankingOptions rankingOptions) {}

  /** How file search ranks its results. */
  public record RankingOptions(
      @Pattern(regexp = "auto|default_2024_08_21", message = "must be auto or default_2024_08_21")
          String ranker,
      @DecimalMin(value = "0", message = "must be between 0 and 1")
          @DecimalMax(value = "1", message = "must be between 0 and 1")
          Double scoreThreshold) {}

  /**
   * The typed tool; a member that belongs to another type, or a function tool without its function,
   * is added to {@code errors} (and null returned).
   */
  public Tool toTool(String field, List<FieldError> errors) {
    if (function != null && !FunctionTool.TYPE.equals(type)) {
      errors.add(new FieldError(field + ".function", "is only for tools of type function"));
    }
    if (fileSearch != null && !FileSearchTool.TYPE.equals(type)) {
      errors.add(new FieldError(field + ".file_search", "is only for tools of type file_search"));
    }
    return switch (type) {
      case FunctionTool.TYPE -> {
        if (function == null) {
          errors.add(
              new FieldError(
                  field + ".function", "is required for a function tool and must be an object"));
          yield null;
        }
        yield new FunctionTool(
            function.name(), function.description(), function.parameters(), function.strict());
      }
      case FileSearchTool.TYPE -> {
        RankingOptions ranking = fileSearch == null ? null : fileSearch.rankingOptions();
        yield new FileSearchTool(
            fileSearch == null ? null : fileSearch.maxNumResults(),
            ranking == null ? null : ranking.ranker(),
            ranking == null ? null : ranking.scoreThreshold());
      }
      default -> new CodeInterpreterTool();
    };
  }
}
