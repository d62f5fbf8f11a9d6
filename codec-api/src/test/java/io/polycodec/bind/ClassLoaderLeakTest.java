package io.polycodec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.polycodec.CodecRegistry;
import io.polycodec.TypeAdapter;
import io.polycodec.schema.Schema;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Currency;
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

  // Lives as long as the test class, like a registry a server keeps while web apps come and go.
  private static final CodecRegistry REGISTRY = CodecRegistry.builder()
      .adapter(TypeAdapter.of(Currency.class, String.class, Currency::getCurrencyCode, Currency::getInstance))
      .build();

  @Test
  void aRegistryKeptAliveDoesNotKeepTheClassLoadersOfWhatItDerivedAlive() throws Exception {
    WeakReference<ClassLoader> loader = deriveUnderRegistryInThrowawayLoader();
    for (int i = 0; i < 50 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(loader.get(), "a CodecRegistry kept alive pinned the class loader of a record it derived");
    assertEquals(1, REGISTRY.adapters().size(), "the registry itself is still in use");
  }

  private static WeakReference<ClassLoader> deriveUnderRegistryInThrowawayLoader() throws Exception {
    URL classes = LeakProbeWithCurrency.class.getProtectionDomain().getCodeSource().getLocation();
    URLClassLoader throwaway = new URLClassLoader(new URL[] {classes}, null);
    Class<?> probe = throwaway.loadClass(LeakProbeWithCurrency.class.getName());
    assertEquals(throwaway, probe.getClassLoader());
    RecordBinding<?> b = REGISTRY.binding(probe);
    assertEquals(Schema.string(), b.schema().field(0).type());
    assertEquals(Schema.string(), REGISTRY.schemaOf(probe).field(0).type());
    throwaway.close();
    return new WeakReference<>(throwaway);
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
