package io.polycodec.protobuf;

/**
 * Whether record encoders are spun into hidden classes ({@link BodyCompiler}) at all: off with
 * {@code -Dio.polycodec.protobuf.spin=false}, and off when ASM cannot be loaded. The second case is an
 * application on the module path that does not resolve the {@code org.objectweb.asm} module (an automatic
 * module such as this one does not pull explicit modules in): loading BodyCompiler there would fail with
 * NoClassDefFoundError, so the probe lives in this class, which touches no ASM type. Interpreted plans are
 * equally correct, only slower.
 */
final class Spinning {
  static final boolean ENABLED = !"false".equals(System.getProperty("io.polycodec.protobuf.spin")) && asmLoadable();

  private Spinning() {}

  private static boolean asmLoadable() {
    try {
      Class.forName("org.objectweb.asm.ClassWriter", false, Spinning.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
