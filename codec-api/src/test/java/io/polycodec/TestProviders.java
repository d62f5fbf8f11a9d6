package io.polycodec;

import io.polycodec.bind.RecordBinding;

/** Providers registered only in codec-api's tests, to check how Codecs chooses among claimants. */
final class TestProviders {
  private TestProviders() {}

  /** Shared behaviour: a format named "dup" (or "solo"), no real codec. */
  abstract static class Base implements CodecProvider {
    private final Format format;

    Base(String name, String mediaType) {
      format = Format.builder(name).mediaType(mediaType).build();
    }

    @Override
    public Format format() {
      return format;
    }

    @Override
    public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
      throw new UnsupportedOperationException(getClass().getSimpleName());
    }
  }

  /** Claims "dup" with priority 5. */
  public static final class HighPriority extends Base {
    public HighPriority() {
      super("dup", "application/x-dup");
    }

    @Override
    public int priority() {
      return 5;
    }
  }

  /** Claims "dup" with the default priority: loses to HighPriority. */
  public static final class LowPriority extends Base {
    public LowPriority() {
      super("dup", "application/x-dup");
    }
  }

  /** Claims "tie" with priority 1; wins the tie against ZTie by class name. */
  public static final class ATie extends Base {
    public ATie() {
      super("tie", "application/x-tie");
    }

    @Override
    public int priority() {
      return 1;
    }
  }

  /** Claims "tie" with priority 1. */
  public static final class ZTie extends Base {
    public ZTie() {
      super("tie", "application/x-tie");
    }

    @Override
    public int priority() {
      return 1;
    }
  }
}
