import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 7's gateway benchmark, one program in two roles (run with the JDK's single-file launcher).
 *
 * <p>{@code stub PORT}: a Chat Completions stub. {@code /fast/v1/chat/completions} answers at once
 * (JSON), or with {@code "stream":true} sends 64 deltas 20 ms apart; {@code /slow/...} does the same
 * after 1 s.
 *
 * <p>{@code load GATEWAY KEY ASSISTANT SECONDS}: sequential runs, for a profiler to watch.
 *
 * <p>{@code measure GATEWAY KEY ASSISTANT SLOW_ASSISTANT STUB SECONDS}: the same requests sent
 * directly to the stub and through {@code POST /v1/assistants/{id}/run}, in one run, and the
 * difference reported: latency at concurrency 1 (interleaved, so both see the same noise), at a
 * fixed 200 requests/s (open loop: latency counted from the scheduled send, so queueing shows; its
 * first 10 s, while the connection pools grow from concurrency 1 to the load, reported apart),
 * streaming time to first delta and gaps between deltas, and 500 streams in flight at once against
 * the 1 s stub.
 */
public final class GatewayBench {

  static final String ANSWER =
      "{\"id\":\"chatcmpl-b\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there.\"},"
          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}";
  static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final String CHAT_STREAM =
      "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final String RUN = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final String RUN_STREAM = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final int DELTAS = 64;
  static final long GAP_MS = 20;

  public static void main(String[] args) throws Exception {
    if (args[0].equals("stub")) {
      stub(Integer.parseInt(args[1]));
    } else if (args[0].equals("load")) {
      // For profiling: sequential runs through the gateway for SECONDS.
      Target via =
          new Target("through /run", URI.create(args[1] + "/v1/assistants/" + args[3] + "/run"), args[2], RUN, RUN_STREAM);
      long end = System.nanoTime() + Long.parseLong(args[4]) * 1_000_000_000L;
      int count = 0;
      while (System.nanoTime() < end) {
        call(via);
        count++;
      }
      System.out.println("[load] " + count + " runs");
      System.exit(0);
    } else {
      measure(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]));
    }
  }

  // ---------------------------------------------------------------- the stub

  static void stub(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(700));
    server.createContext("/fast/v1/chat/completions", exchange -> answer(exchange, 0));
    server.createContext("/slow/v1/chat/completions", exchange -> answer(exchange, 1000));
    // When the last stream's caller aborted (System.nanoTime, CLOCK_MONOTONIC: comparable across
    // processes of one host), or 0.
    server.createContext(
        "/last-abort",
        exchange -> {
          try (exchange) {
            byte[] bytes = Long.toString(LAST_ABORT.get()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    server.start();
    System.out.println("[stub] listening on " + port);
  }

  static void answer(HttpExchange exchange, long delayMs) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (delayMs > 0) {
        sleep(delayMs);
      }
      if (!body.contains("\"stream\":true")) {
        byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      int deltas = delayMs > 0 ? 4 : DELTAS;
      for (int i = 0; i < deltas; i++) {
        out.write(
            ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"w" + i + " \"},\"finish_reason\":null}]}\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (delayMs == 0) {
          sleep(GAP_MS);
        }
      }
      out.write(
          ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                  + "\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":64,\"total_tokens\":73}}\n\n"
                  + "data: [DONE]\n\n")
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LAST_ABORT.set(System.nanoTime());
    }
  }

  static final java.util.concurrent.atomic.AtomicLong LAST_ABORT = new java.util.concurrent.atomic.AtomicLong();

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- the driver

  static HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(16))
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  record Target(String label, URI uri, String key, String body, String streamBody) {
    HttpRequest request(boolean stream) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(stream ? streamBody : body));
      if (key != null) {
        b.header("Authorization", "Bearer " + key);
      }
      return b.build();
    }
  }

  static void measure(String gateway, String key, String assistant, String slowAssistant, String stub, int seconds)
      throws Exception {
    Target direct = new Target("direct to stub", URI.create(stub + "/fast/v1/chat/completions"), null, CHAT, CHAT_STREAM);
    Target via =
        new Target("through /run", URI.create(gateway + "/v1/assistants/" + assistant + "/run"), key, RUN, RUN_STREAM);
    Target slowVia =
        new Target("through /run (1 s stub)", URI.create(gateway + "/v1/assistants/" + slowAssistant + "/run"), key, RUN, RUN_STREAM);

    // On two cores the JIT keeps compiling the run path for about a minute.
    System.out.println("[bench] warming up (60 s of requests each way, then 3 streams)");
    long warmEnd = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      call(direct);
      call(via);
    }
    for (int i = 0; i < 3; i++) {
      stream(via);
    }

    // 1. Concurrency 1, interleaved.
    int n = 3000;
    long[] d = new long[n];
    long[] g = new long[n];
    int errors = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      errors += call(direct) == 200 ? 0 : 1;
      long t1 = System.nanoTime();
      errors += call(via) == 200 ? 0 : 1;
      long t2 = System.nanoTime();
      d[i] = t1 - t0;
      g[i] = t2 - t1;
    }
    report("concurrency 1 (" + n + " each, interleaved)", d, g, errors);

    // 2. A fixed 200 requests/s, open loop: first its first 10 s (from concurrency 1, the
    // service's and the client's connection pools grow to the load), reported on its own; then
    // the measured phase, at the same rate, with the pools grown.
    long[] rd = fixedRate(direct, 200, 10);
    long[] rg = fixedRate(via, 200, 10);
    report("fixed 200 requests/s, its first 10 s (pools growing)", dropNegative(rd), dropNegative(rg), countErrors(rd) + countErrors(rg));
    long[] fd = fixedRate(direct, 200, seconds);
    long[] fg = fixedRate(via, 200, seconds);
    report("fixed 200 requests/s for " + seconds + " s", dropNegative(fd), dropNegative(fg), countErrors(fd) + countErrors(fg));

    // 3. Streaming: time to the first delta, gaps between deltas.
    int streams = 10;
    List<Long> ttfbD = new ArrayList<>();
    List<Long> ttfbG = new ArrayList<>();
    List<Long> gapD = new ArrayList<>();
    List<Long> gapG = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      long[] sd = stream(direct);
      long[] sg = stream(via);
      ttfbD.add(sd[0]);
      ttfbG.add(sg[0]);
      for (int k = 1; k < sd.length; k++) gapD.add(sd[k] - sd[k - 1]);
      for (int k = 1; k < sg.length; k++) gapG.add(sg[k] - sg[k - 1]);
    }
    System.out.printf(
        "%nstreaming (%d streams each, %d deltas %d ms apart)%n", streams, DELTAS, GAP_MS);
    System.out.printf(
        "  time to first delta   direct p50 %7.3f ms   via /run p50 %7.3f ms   added p50 %7.3f ms  p99 %7.3f ms (target <= 5 ms)%n",
        ms(pct(ttfbD, 50)), ms(pct(ttfbG, 50)), ms(pct(ttfbG, 50) - pct(ttfbD, 50)), ms(pct(ttfbG, 99) - pct(ttfbD, 99)));
    System.out.printf(
        "  gap between deltas    direct p50 %7.3f p99 %7.3f ms   via /run p50 %7.3f p99 %7.3f ms   added p99 %7.3f ms (target <= 2 ms)%n",
        ms(pct(gapD, 50)), ms(pct(gapD, 99)), ms(pct(gapG, 50)), ms(pct(gapG, 99)), ms(pct(gapG, 99) - pct(gapD, 99)));

    // 3b. A caller that leaves mid-stream: how soon the stub sees the upstream request aborted.
    List<Long> aborts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      HttpResponse<InputStream> r = client.send(via.request(true), HttpResponse.BodyHandlers.ofInputStream());
      BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
      int seen = 0;
      String line;
      while (seen < 5 && (line = lines.readLine()) != null) {
        if (line.startsWith("data: ") && line.contains("\"text\":\"w")) {
          seen++;
        }
      }
      long left = System.nanoTime();
      r.body().close();
      long abortedAt = 0;
      for (int wait = 0; wait < 300 && abortedAt < left; wait++) {
        sleep(5);
        abortedAt = Long.parseLong(plainGet(stub + "/last-abort"));
      }
      aborts.add(abortedAt >= left ? abortedAt - left : Long.MAX_VALUE);
    }
    System.out.printf(
        "  caller leaves mid-stream: the vendor sees the abort after p50 %7.3f ms, max %7.3f ms (target <= 100 ms)%n",
        ms(pct(aborts, 50)), ms(pct(aborts, 100)));

    // 4. 500 streams in flight at once against the 1 s stub.
    int concurrent = 500;
    HttpClient wide =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(32)).build();
    AtomicInteger completed = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < concurrent; i++) {
      all.add(
          wide.sendAsync(slowVia.request(true), HttpResponse.BodyHandlers.ofString())
              .thenAccept(
                  r -> {
                    if (r.statusCode() == 200 && r.body().contains("event: run.completed")) {
                      completed.incrementAndGet();
                    } else {
                      failures.add(r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                  })
              .exceptionally(
                  e -> {
                    failures.add(e.toString());
                    return null;
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
    double took = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%n%d streams at once against the 1 s stub: %d completed, %d failed, all done in %.2f s%n",
        concurrent, completed.get(), failures.size(), took);
    failures.stream().limit(3).forEach(f -> System.out.println("  e.g. " + f));
    System.exit(0);
  }

  static String plainGet(String url) throws Exception {
    return client
        .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static int call(Target target) {
    try {
      return client.send(target.request(false), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Latencies (ns) from each scheduled send; a failed request is recorded as its negated latency. */
  static long[] fixedRate(Target target, int perSecond, int seconds) throws Exception {
    int total = perSecond * seconds;
    long[] latencies = new long[total];
    long intervalNs = 1_000_000_000L / perSecond;
    long begin = System.nanoTime() + 10_000_000L;
    List<CompletableFuture<Void>> pending = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      long scheduled = begin + i * intervalNs;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int index = i;
      pending.add(
          client.sendAsync(target.request(false), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (r, e) -> {
                    long latency = System.nanoTime() - scheduled;
                    latencies[index] = e == null && r.statusCode() == 200 ? latency : -latency;
                    return null;
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    return latencies;
  }

  /** Arrival times (ns after the send) of each delta of one streamed answer. */
  static long[] stream(Target target) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<InputStream> r = client.send(target.request(true), HttpResponse.BodyHandlers.ofInputStream());
    List<Long> arrivals = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("data: ") && (line.contains("\"content\":\"w") || line.contains("\"text\":\"w"))) {
          arrivals.add(System.nanoTime() - t0);
        }
      }
    }
    return arrivals.stream().mapToLong(Long::longValue).toArray();
  }

  static void report(String title, long[] direct, long[] via, int errors) {
    Arrays.sort(direct);
    Arrays.sort(via);
    System.out.printf("%n%s%n", title);
    System.out.printf(
        "  direct to stub   p50 %7.3f  p90 %7.3f  p99 %7.3f ms%n", ms(pct(direct, 50)), ms(pct(direct, 90)), ms(pct(direct, 99)));
    System.out.printf(
        "  through /run     p50 %7.3f  p90 %7.3f  p99 %7.3f ms%n", ms(pct(via, 50)), ms(pct(via, 90)), ms(pct(via, 99)));
    System.out.printf(
        "  added            p50 %7.3f  p90 %7.3f  p99 %7.3f ms   errors %d%n",
        ms(pct(via, 50) - pct(direct, 50)), ms(pct(via, 90) - pct(direct, 90)), ms(pct(via, 99) - pct(direct, 99)), errors);
  }

  static long[] dropNegative(long[] values) {
    return Arrays.stream(values).filter(v -> v > 0).toArray();
  }

  static int countErrors(long[] values) {
    return (int) Arrays.stream(values).filter(v -> v <= 0).count();
  }

  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static long pct(List<Long> values, int p) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return pct(sorted, p);
  }

  static double ms(long ns) {
    return ns / 1e6;
  }
}
