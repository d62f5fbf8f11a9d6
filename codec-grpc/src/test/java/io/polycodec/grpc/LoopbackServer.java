package io.polycodec.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server (Netty, HTTP/2) on 127.0.0.1 at a port the OS picks, with a plaintext channel to
 * it. Closing stops both, waiting at most a few seconds, so no test can leave a server behind.
 */
final class LoopbackServer implements AutoCloseable {
  final Server server;
  final ManagedChannel channel;

  private LoopbackServer(Server server, ManagedChannel channel) {
    this.server = server;
    this.channel = channel;
  }

  static LoopbackServer start(ServerServiceDefinition... services) throws IOException {
    NettyServerBuilder sb = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
    for (ServerServiceDefinition s : services) {
      sb.addService(s);
    }
    Server server = sb.build().start();
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    return new LoopbackServer(server, channel);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
