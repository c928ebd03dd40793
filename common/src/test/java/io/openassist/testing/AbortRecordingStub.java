package io.openassist.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Chat Completions stub at the socket level, for what WireMock cannot show: whether and when its
 * caller aborted. It streams {@code deltas} chunks {@code gapMillis} apart and records the moment a
 * write fails (the gateway closed the connection) and how many chunks it got out.
 */
public final class AbortRecordingStub implements AutoCloseable {

  public static final int PORT = 19181;

  private final ServerSocket server;
  private final int deltas;
  private final long gapMillis;
  public final CompletableFuture<Long> abortedAtNanos = new CompletableFuture<>();
  public final AtomicInteger sent = new AtomicInteger();
  public final CompletableFuture<Void> requested = new CompletableFuture<>();

  public AbortRecordingStub(int deltas, long gapMillis) throws IOException {
    this.deltas = deltas;
    this.gapMillis = gapMillis;
    this.server = new ServerSocket(PORT, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::serveOne, "abort-recording-stub");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void serveOne() {
    try (Socket socket = server.accept()) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      int length = 0;
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.skip(length);
      requested.complete(null);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (int i = 0; i < deltas; i++) {
        String event =
            "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"slow-model\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w"
                + i
                + " \"},\"finish_reason\":null}]}\n\n";
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sent.incrementAndGet();
        TimeUnit.MILLISECONDS.sleep(gapMillis);
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      abortedAtNanos.complete(System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
