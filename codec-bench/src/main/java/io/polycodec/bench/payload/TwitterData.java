package io.polycodec.bench.payload;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.polycodec.bench.model.TwitterUser;
import io.polycodec.bench.model.TwitterUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The user objects of twitter.json (nativejson-benchmark's copy, MIT; see twitter/LICENSE and
 * twitter/SOURCE.txt beside it), parsed once with Jackson into records. Benchmarks never parse it
 * inside a measured method.
 */
public final class TwitterData {
  private static final String RESOURCE = "/twitter/twitter.json";

  private TwitterData() {}

  private static final class Loaded {
    static final TwitterUsers USERS = load();
  }

  /** The 100 users of {@code statuses[*].user}, in file order. */
  public static TwitterUsers users() {
    return Loaded.USERS;
  }

  private static TwitterUsers load() {
    ObjectMapper mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    try (InputStream in = TwitterData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      JsonNode root = mapper.readTree(in);
      List<TwitterUser> users = new ArrayList<>();
      for (JsonNode status : root.get("statuses")) {
        users.add(mapper.treeToValue(status.get("user"), TwitterUser.class));
      }
      return new TwitterUsers(List.copyOf(users));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
