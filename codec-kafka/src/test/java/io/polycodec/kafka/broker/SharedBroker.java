package io.polycodec.kafka.broker;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one {@link LocalKafkaBroker} for the whole test run: started by the first test class
 * that asks for it, stopped when JUnit closes its root store at the end of the run. Declare with
 * {@code @ExtendWith(SharedBroker.class)} and take a {@code LocalKafkaBroker} parameter.
 */
public final class SharedBroker implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedBroker.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalKafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NS).getOrComputeIfAbsent("broker", k -> {
      long t0 = System.nanoTime();
      LocalKafkaBroker b = LocalKafkaBroker.start();
      System.out.printf("[kafka] broker on %s started in %.1f s%n", b.bootstrapServers(), (System.nanoTime() - t0) / 1e9);
      return b;
    }, LocalKafkaBroker.class);
  }
}
