package io.polycodec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Deriving a binding must not pin the record's class loader: an application server unloads a web app by
 * dropping its loader, and a static map from Class to binding would keep every class it loaded.
 */
class ClassLoaderLeakTest {

  @Test
  void aDerivedBindingDoesNotKeepItsClassLoaderAlive() throws Exception {
    WeakReference<ClassLoader> loader = deriveInThrowawayLoader();
    for (int i = 0; i < 50 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(loader.get(), "the class loader of a record Polycodec derived a binding for was not collected");
  }

  private static WeakReference<ClassLoader> deriveInThrowawayLoader() throws Exception {
    URL classes = LeakProbe.class.getProtectionDomain().getCodeSource().getLocation();
    // Parent null: the probe is loaded again by this loader, not found in the test's own loader.
    URLClassLoader throwaway = new URLClassLoader(new URL[] {classes}, null);
    Class<?> probe = throwaway.loadClass(LeakProbe.class.getName());
    assertEquals(throwaway, probe.getClassLoader());
    RecordBinding<?> b = RecordBinding.of(probe);
    assertEquals("LeakProbe", b.schema().name());
    throwaway.close();
    return new WeakReference<>(throwaway);
  }
}
