package io.polycodec.bench.jackson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.msgpack.jackson.dataformat.MessagePackFactory;
import org.msgpack.jackson.dataformat.TimestampExtensionModule;

/**
 * The Jackson configurations an application would use for the benchmark records: records, Optional
 * (absent ones omitted) and Instant support. JSON writes Instants as RFC 3339 strings, MessagePack as
 * the timestamp extension, as Polycodec does.
 */
public final class JacksonMappers {
  private JacksonMappers() {}

  /** Jackson databind for JSON. */
  public static ObjectMapper json() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
        .build();
  }

  /** jackson-dataformat-msgpack. */
  public static ObjectMapper msgpack() {
    ObjectMapper m = new ObjectMapper(new MessagePackFactory());
    m.registerModule(new Jdk8Module());
    m.registerModule(TimestampExtensionModule.INSTANCE);
    m.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT));
    return m;
  }
}
