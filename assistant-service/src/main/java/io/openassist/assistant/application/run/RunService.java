package io.openassist.assistant.application.run;

import io.openassist.assistant.application.AssistantService;
import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.Tool;
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

  private final Clock clock = Clock.systemUTC();

  /** A run that passed every check and is ready to go upstream. */
  public record PreparedRun(
      String id,
      Instant createdAt,
      Caller caller,
      String assistantId,
      ModelRoute route,
      ModelRequest request) {}

  /** A finished run: its id, when it started, and what the model answered. */
  public record Run(String id, String assistantId, Instant createdAt, ModelResult result) {}

  public PreparedRun prepare(String assistantId, RunCommand command) {
    Assistant assistant = assistants.get(assistantId);
    ModelRoute route = ModelRoute.choose(command.model(), assistant, providers);
    List<FunctionTool> tools = tools(assistant, command.tools());
    checkToolChoice(command.toolChoice(), tools);
    ModelRequest request =
        new ModelRequest(
            route.model(),
            assistant.instructions(),
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
        request);
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
          cancelled ? "caller_gone" : "internal_error");
      throw e;
    }
    record(run, streamed, Outcome.SUCCEEDED, result, null);
    return new Run(run.id(), run.assistantId(), run.createdAt(), result);
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
