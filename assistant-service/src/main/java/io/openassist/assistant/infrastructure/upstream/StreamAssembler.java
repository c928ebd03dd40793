package io.openassist.assistant.infrastructure.upstream;

import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.assistant.domain.run.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passes a streamed answer's pieces on to the listener as they arrive and assembles the whole
 * assistant message from them, for the adapters of every streaming vendor. Tool calls are keyed by
 * their position in the answer; their arguments arrive as pieces of JSON text.
 */
public final class StreamAssembler {

  private final StreamListener listener;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final TreeMap<Integer, PartialCall> calls = new TreeMap<>();

  private static final class PartialCall {
    String id;
    String name;
    final StringBuilder arguments = new StringBuilder();
  }

  public StreamAssembler(StreamListener listener) {
    this.listener = listener;
  }

  public void text(String delta) {
    if (delta != null && !delta.isEmpty()) {
      text.append(delta);
      listener.text(delta);
    }
  }

  public void reasoning(String delta) {
    if (delta != null && !delta.isEmpty()) {
      reasoning.append(delta);
      listener.reasoning(delta);
    }
  }

  public void toolCall(int index, String id, String name, String argumentsDelta) {
    PartialCall call = calls.computeIfAbsent(index, i -> new PartialCall());
    if (id != null && call.id == null) {
      call.id = id;
    }
    if (name != null && call.name == null) {
      call.name = name;
    }
    if (argumentsDelta != null) {
      call.arguments.append(argumentsDelta);
    }
    listener.toolCall(index, id, name, argumentsDelta);
  }

  /**
   * The position of a tool-call piece whose vendor gave none (some OpenAI-compatible servers): a
   * piece with a new call id starts the next call, one without belongs to the latest call.
   */
  public int indexFor(String callId) {
    if (calls.isEmpty()) {
      return 0;
    }
    int latest = calls.lastKey();
    if (callId != null && !callId.equals(calls.get(latest).id)) {
      return latest + 1;
    }
    return latest;
  }

  public boolean hasToolCalls() {
    return !calls.isEmpty();
  }

  /** The assistant message the pieces make. */
  public ChatMessage message() {
    List<ToolCall> toolCalls = new ArrayList<>();
    for (Map.Entry<Integer, PartialCall> entry : calls.entrySet()) {
      PartialCall call = entry.getValue();
      toolCalls.add(
          new ToolCall(
              call.id == null ? "call_" + entry.getKey() : call.id,
              call.name == null ? "" : call.name,
              // A call of a function without parameters may stream no argument piece at all.
              call.arguments.length() == 0 ? "{}" : call.arguments.toString()));
    }
    return ChatMessage.assistant(
        text.length() == 0 && !toolCalls.isEmpty() ? null : text.toString(),
        toolCalls,
        reasoning.length() == 0 ? null : reasoning.toString());
  }
}
