package io.polycodec.bind;

/**
 * A record that refers to nothing but java.base, so {@link ClassLoaderLeakTest} can load a second copy
 * of it in a class loader of its own and watch that loader be collected.
 */
public record LeakProbe(int number, String text) {}
