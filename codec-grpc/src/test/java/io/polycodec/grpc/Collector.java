package io.polycodec.grpc;

import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Collects a response stream; {@link #await()} waits a bounded time for its end. */
final class Collector<T> implements StreamObserver<T> {
  final List<T> values = new CopyOnWriteArrayList<>();
  private final CompletableFuture<List<T>> done = new CompletableFuture<>();

  @Override
  public void onNext(T value) {
    values.add(value);
  }

  @Override
  public void onError(Throwable t) {
    done.completeExceptionally(t);
  }

  @Override
  public void onCompleted() {
    done.complete(values);
  }

  /** The values once the stream completed; the stream's error (unwrapped) if it failed. */
  List<T> await() throws Throwable {
    try {
      return done.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the call did not end within 10 s", e);
    }
  }
}
