package io.polycodec.bind;

/**
 * A record that refers to nothing but java.base, with a type only an adapter maps, so
 * {@link ClassLoaderLeakTest} can derive it under a long-lived registry in a class loader of its own.
 */
public record LeakProbeWithCurrency(java.util.Currency currency, java.util.List<java.util.Currency> more) {}
