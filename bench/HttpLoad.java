import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP/1.1 load driver for bench/request-path.sh: CLIENTS threads, each on its
 * own keep-alive connection, send the same GET back to back for SECONDS and record every latency.
 * Prints one line: clients, requests, requests/s, p50/p90/p99 in ms, and non-200 answers. Raw
 * sockets rather than an HTTP client library, so that the driver adds microseconds, not tenths of
 * milliseconds, to what it measures.
 *
 * <pre>java bench/HttpLoad.java HOST PORT PATH BEARER CLIENTS SECONDS [LABEL]</pre>
 *
 * <p>With {@code -Dbody=JSON} each request is a POST of that body; with {@code -Dpaths=P1,P2,...}
 * client {@code c} uses path {@code c mod n} instead of PATH; with {@code -Dbodies=B1|||B2|||...}
 * as well, path {@code i} is sent body {@code i}. Any 2xx answer counts as success.
 */
public final class HttpLoad {

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String path = args[2];
    String bearer = args[3];
    int clients = Integer.parseInt(args[4]);
    double seconds = Double.parseDouble(args[5]);
    String label = args.length > 6 ? args[6] : path;
    String body = System.getProperty("body");
    String[] paths =
        System.getProperty("paths") == null ? new String[] {path} : System.getProperty("paths").split(",");
    byte[][] requests = new byte[paths.length][];
    String[] bodies =
        System.getProperty("bodies") == null ? null : System.getProperty("bodies").split("\\|\\|\\|");
    for (int p = 0; p < paths.length; p++) {
      requests[p] = request(host, port, paths[p], bearer, bodies == null ? body : bodies[p]);
    }

    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    List<long[]> latencies = new ArrayList<>();
    int[] counts = new int[clients];
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(clients);
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[4_000_000 / clients];
      latencies.add(mine);
      int index = c;
      threads[c] =
          new Thread(
              () -> {
                try (Socket socket = new Socket(host, port)) {
                  socket.setTcpNoDelay(true);
                  OutputStream out = socket.getOutputStream();
                  InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                  int n = 0;
                  byte[] request = requests[index % requests.length];
                  while (System.nanoTime() < deadline && n < mine.length) {
                    long start = System.nanoTime();
                    out.write(request);
                    out.flush();
                    int status = readResponse(in);
                    if (status < 200 || status > 299) {
                      failures.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - start;
                  }
                  counts[index] = n;
                } catch (IOException e) {
                  failures.incrementAndGet();
                  System.err.println("client " + index + ": " + e);
                } finally {
                  done.countDown();
                }
              });
    }
    long began = System.nanoTime();
    for (Thread t : threads) {
      t.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - began) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    System.out.printf(
        "%-28s clients=%-3d requests=%-8d rate=%9.0f/s  p50=%6.3f ms  p90=%6.3f ms  p99=%6.3f ms"
            + "  errors=%d%n",
        label,
        clients,
        total,
        total / elapsed,
        percentile(all, 50),
        percentile(all, 90),
        percentile(all, 99),
        failures.get());
  }

  private static byte[] request(String host, int port, String path, String bearer, String body) {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String head =
        (body == null ? "GET " : "POST ")
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\n"
            + (bearer.equals("-") ? "" : "Authorization: Bearer " + bearer + "\r\n")
            + (body == null
                ? ""
                : "Content-Type: application/json\r\nContent-Length: " + payload.length + "\r\n")
            + "Accept: application/json\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(headBytes, headBytes.length + payload.length);
    System.arraycopy(payload, 0, all, headBytes.length, payload.length);
    return all;
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  /** Reads one response (Content-Length or chunked body) and answers its status. */
  private static int readResponse(InputStream in) throws IOException {
    String status = line(in);
    if (status == null) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase();
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line(in).trim(), 16);
          size > 0;
          size = Long.parseLong(line(in).trim(), 16)) {
        skip(in, size);
        line(in);
      }
      line(in);
    } else if (length > 0) {
      skip(in, length);
    }
    return code;
  }

  private static void skip(InputStream in, long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("truncated body");
        }
        skipped = 1;
      }
      n -= skipped;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        int len = line.length();
        return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
      }
      line.append((char) b);
    }
    return line.length() == 0 ? null : line.toString();
  }
}
