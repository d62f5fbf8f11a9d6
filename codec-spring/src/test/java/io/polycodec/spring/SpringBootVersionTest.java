package io.polycodec.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

/**
 * Proves which Spring Boot these tests ran on: the same test classes run in codec-spring (Boot 4) and in
 * codec-spring-boot3 (Boot 3.5), each of which tells surefire the version it expects.
 */
class SpringBootVersionTest {

  @Test
  void theTestsRunOnTheSpringBootTheModuleNames() {
    String expected = System.getProperty("polycodec.expected.spring-boot");
    assumeTrue(expected != null, "run by Maven, which sets polycodec.expected.spring-boot");
    assertEquals(expected, SpringBootVersion.getVersion());
    System.out.println("Spring Boot " + SpringBootVersion.getVersion() + ", Spring Framework " + SpringVersion.getVersion());
  }
}
