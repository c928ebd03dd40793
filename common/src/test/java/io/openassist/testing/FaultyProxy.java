package io.openassist.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a real server that a test can make fail: pass everything through, be down
 * (close each connection at once), or be slow (accept and never answer). It counts the connections
 * it was offered, to show that a caller stops calling a failing service.
 */
public final class FaultyProxy implements AutoCloseable {

  /** How the proxy treats new connections. */
  public enum Mode {
    PASS,
    DOWN,
    SLOW
  }

  private final ServerSocket server;
  private final int targetPort;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.PASS;
  private final java.util.Set<Socket> passing = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public FaultyProxy(int port, int targetPort) {
    try {
      this.server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + port, e);
    }
    this.targetPort = targetPort;
    Thread acceptor = new Thread(this::accept, "faulty-proxy-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Switches the mode for connections from now on; closing the returned handle restores PASS. */
  public AutoCloseable fail(Mode failure) {
    mode = failure;
    connections.set(0);
    // Connections kept alive from before must fail too, not carry on passing.
    for (Socket socket : passing) {
      closeQuietly(socket);
    }
    passing.clear();
    return () -> {
      mode = Mode.PASS;
      for (Socket socket : open) {
        closeQuietly(socket);
      }
      open.clear();
    };
  }

  /** Connections offered since the mode was last set. */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        switch (mode) {
          case DOWN -> closeQuietly(client);
          case SLOW -> open.add(client); // read nothing, answer nothing
          case PASS -> pass(client);
        }
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void pass(Socket client) {
    try {
      Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      passing.add(client);
      passing.add(target);
      pipe(client, target);
      pipe(target, client);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side went away
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                passing.remove(from);
                passing.remove(to);
              }
            },
            "faulty-proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
