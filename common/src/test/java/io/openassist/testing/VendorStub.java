package io.openassist.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The upstream vendors of the test server: one WireMock server on 19180 (the port the test server's
 * provider configuration names), one path prefix per provider ({@code /openai/v1}, {@code /azure},
 * {@code /anthropic}, {@code /limited/v1}, {@code /flaky/v1}). Started once for the test run; each
 * test resets it.
 */
public final class VendorStub {

  public static final int PORT = 19180;
  private static WireMockServer server;

  private VendorStub() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(WireMockConfiguration.options().port(PORT).containerThreads(64));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  /** The stub, emptied of earlier tests' stubs and requests. */
  public static WireMockServer fresh() {
    WireMockServer s = server();
    s.resetAll();
    return s;
  }

  /** A Chat Completions answer with this content and fixed usage (17 tokens). */
  public static String openAiAnswer(String content) {
    return """
        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-2024-08-06",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17,
                   "prompt_tokens_details": {"cached_tokens": 4}, "completion_tokens_details": {"reasoning_tokens": 2}}}
        """
        .formatted(content);
  }
}
