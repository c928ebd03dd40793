package io.openassist.assistant.application.run;

import io.openassist.assistant.application.AssistantService;
import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.FileSearchTool;
import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.Tool;
import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.KnowledgeSearch;
import io.openassist.assistant.domain.run.KnowledgeSearch.Passage;
import io.openassist.assistant.domain.run.MessageRole;
import io.openassist.assistant.domain.run.ModelProviders;
import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.ModelRoute;
import io.openassist.assistant.domain.run.RunRecord;
import io.openassist.assistant.domain.run.RunRecord.Outcome;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.assistant.domain.run.ToolChoice;
import io.openassist.assistant.domain.run.UpstreamException;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.id.IdGenerator;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Running an assistant: the caller must be able to view it; its instructions, function tools and
 * settings, overridden by the run's own, go to the provider that serves the chosen model; the run
 * is recorded (never its content) whatever its outcome. Preparing a run (every check) is separate
 * from executing it, so that a streamed run fails with an ordinary error answer before its stream
 * starts. No transaction or database connection is held while the vendor answers.
 */
@ApplicationScoped
public class RunService {

  static final String ID_PREFIX = "run";
  private static final Logger LOG = Logger.getLogger(RunService.class.getName());

  @Inject AssistantService assistants;
  @Inject CallerContext callers;
  @Inject ModelProviders providers;
  @Inject RunRecorder recorder;
  @Inject KnowledgeSearch knowledge;

  @Inject
  @ConfigProperty(name = "openassist.run.file-search-max-chars", defaultValue = "8000")
  int fileSearchMaxChars;

  @Inject
  @ConfigProperty(name = "openassist.run.file-search-max-results", defaultValue = "5")
  int fileSearchMaxResults;

  private final Clock clock = Clock.systemUTC();

  /** A run that passed every check and is ready to go upstream. */
  public record PreparedRun(
      String id,
      Instant createdAt,
      Caller caller,
      String assistantId,
      ModelRoute route,
      ModelRequest request,
      List<Passage> passages) {}

  /**
   * A finished run: its id, when it started, what the model answered, and the passages of the
   * assistant's files it was given (file_search), which it may cite.
   */
  public record Run(
      String id,
      String assistantId,
      Instant createdAt,
      ModelResult result,
      List<Passage> passages) {

    /** Readable citations: the vendor's own, then the passages of the knowledge files. */
    public List<String> citations() {
      List<String> all = new ArrayList<>(result.citations());
      passages.forEach(p -> all.add(p.readable()));
      return all;
    }
  }

  public PreparedRun prepare(String assistantId, RunCommand command) {
    Assistant assistant = assistants.get(assistantId);
    ModelRoute route = ModelRoute.choose(command.model(), assistant, providers);
    List<FunctionTool> tools = tools(assistant, command.tools());
    checkToolChoice(command.toolChoice(), tools);
    List<Passage> passages = passages(assistant, command.messages());
    ModelRequest request =
        new ModelRequest(
            route.model(),
            withPassages(assistant.instructions(), passages),
            command.messages(),
            tools,
            command.toolChoice(),
            command.temperature() != null ? command.temperature() : assistant.temperature(),
            command.topP() != null ? command.topP() : assistant.topP(),
            command.maxTokens(),
            command.responseFormat() != null
                ? command.responseFormat()
                : assistant.responseFormat());
    return new PreparedRun(
        IdGenerator.newId(ID_PREFIX),
        clock.instant(),
        callers.caller(),
        assistant.id(),
        route,
        request,
        passages);
  }

  /**
   * For an assistant with the file_search tool: the passages of its files that best match the
   * caller's last message, best first, as many as fit in {@code
   * openassist.run.file-search-max-chars}.
   */
  private List<Passage> passages(Assistant assistant, List<ChatMessage> messages) {
    FileSearchTool tool = null;
    for (Tool t : assistant.tools()) {
      if (t instanceof FileSearchTool search) {
        tool = search;
      }
    }
    if (tool == null) {
      return List.of();
    }
    String question = null;
    for (ChatMessage message : messages) {
      if (message.role() == MessageRole.USER) {
        question = message.text();
      }
    }
    int limit = tool.maxNumResults() != null ? tool.maxNumResults() : fileSearchMaxResults;
    double threshold = tool.scoreThreshold() != null ? tool.scoreThreshold() : 0;
    List<Passage> kept = new ArrayList<>();
    int budget = fileSearchMaxChars;
    for (Passage p : knowledge.search(assistant.id(), question, limit)) {
      if (p.score() < threshold || p.text().length() > budget) {
        continue;
      }
      kept.add(p);
      budget -= p.text().length();
    }
    return kept;
  }

  /** The instructions with the passages after them, numbered for the model to cite. */
  private static String withPassages(String instructions, List<Passage> passages) {
    if (passages.isEmpty()) {
      return instructions;
    }
    StringBuilder s = new StringBuilder(instructions == null ? "" : instructions);
    if (s.length() > 0) {
      s.append("\n\n");
    }
    s.append(
        "Passages from the assistant's knowledge files that may answer the user. Use them where"
            + " they help and cite them by their number, e.g. [1].");
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i);
      s.append("\n\n[")
          .append(i + 1)
          .append("] ")
          .append(p.fileName())
          .append(", passage ")
          .append(p.position() + 1)
          .append(":\n")
          .append(p.text());
    }
    return s.toString();
  }

  /** Runs it and answers the whole result. */
  public Run complete(PreparedRun run) {
    return execute(run, false, null);
  }

  /**
   * Runs it, streaming to {@code listener}. A listener that throws means our caller left: the
   * upstream call is aborted and the run recorded as cancelled.
   */
  public Run stream(PreparedRun run, StreamListener listener) {
    return execute(run, true, listener);
  }

  private Run execute(PreparedRun run, boolean streamed, StreamListener listener) {
    ModelResult result;
    try {
      result =
          streamed
              ? run.route().provider().stream(run.request(), listener)
              : run.route().provider().complete(run.request());
    } catch (UpstreamException e) {
      record(run, streamed, Outcome.FAILED, null, e.code());
      throw e;
    } catch (RuntimeException e) {
      boolean cancelled = streamed && CallerGone.is(e);
      record(
          run,
          streamed,
          cancelled ? Outcome.CANCELLED : Outcome.FAILED,
          null,
          cancelled
              ? "caller_gone"
              : e instanceof io.openassist.common.error.ApiException api
                  ? api.code()
                  : "internal_error");
      throw e;
    }
    record(run, streamed, Outcome.SUCCEEDED, result, null);
    return new Run(run.id(), run.assistantId(), run.createdAt(), result, run.passages());
  }

  private void record(
      PreparedRun run, boolean streamed, Outcome outcome, ModelResult result, String errorCode) {
    try {
      recorder.record(
          RunRecord.of(
              run.id(),
              run.caller().organizationId(),
              run.assistantId(),
              run.caller().userId(),
              run.route().provider().name(),
              run.route().model(),
              streamed,
              outcome,
              result == null ? null : result.finishReason(),
              errorCode,
              result == null ? null : result.usage(),
              run.createdAt(),
              clock.instant()));
    } catch (RuntimeException e) {
      // The record is part of the run: a run that cannot be recorded is not answered (a 500, and
      // the operator hears of it); a failed run whose record fails keeps its own error.
      LOG.log(Level.SEVERE, "Could not record run " + run.id(), e);
      if (outcome == Outcome.SUCCEEDED) {
        throw e;
      }
    }
  }

  /** The assistant's functions, with the run's own added (a run's function replaces a namesake). */
  private static List<FunctionTool> tools(Assistant assistant, List<FunctionTool> perRun) {
    Map<String, FunctionTool> byName = new LinkedHashMap<>();
    for (Tool tool : assistant.tools()) {
      if (tool instanceof FunctionTool function) {
        byName.put(function.name(), function);
      }
    }
    for (FunctionTool function : perRun) {
      byName.put(function.name(), function);
    }
    return new ArrayList<>(byName.values());
  }

  private static void checkToolChoice(ToolChoice choice, List<FunctionTool> tools) {
    if (choice == null || choice.mode() != ToolChoice.Mode.FUNCTION) {
      return;
    }
    if (tools.stream().noneMatch(t -> t.name().equals(choice.functionName()))) {
      throw new InvalidRequestException(
          List.of(
              new FieldError(
                  "tool_choice.function.name",
                  "names no function of this assistant or this run: " + choice.functionName())));
    }
  }
}
