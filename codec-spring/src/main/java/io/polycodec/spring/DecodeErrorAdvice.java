package io.polycodec.spring;

import io.polycodec.DecodeException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a request body that Polycodec could not decode with 400 Bad Request and the
 * {@link DecodeException}'s message as {@code text/plain}, such as
 * {@code protobuf: at offset 17: UserProfile.addresses[2].city: truncated string}, so the client learns
 * what was wrong with its bytes. (Spring alone also answers 400, but Spring Boot's error page hides the
 * reason by default.)
 *
 * <p>Only bodies rejected by {@link PolycodecHttpMessageConverter} are answered here: a
 * {@code DecodeException} thrown by a controller's own code is a server-side failure and is left to
 * the application. It has the lowest precedence, so an application's own {@code @ControllerAdvice} for
 * {@link HttpMessageNotReadableException} runs first; any other unreadable body is rethrown to Spring's
 * usual handling.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class DecodeErrorAdvice {

  /** Used by Spring; the auto-configuration registers one. */
  public DecodeErrorAdvice() {}

  /**
   * 400 with the decode error's message if {@code e} came from a Polycodec decoder.
   *
   * @throws HttpMessageNotReadableException {@code e} itself otherwise, which Spring then handles as usual
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<String> badBody(HttpMessageNotReadableException e) {
    if (!(e.getCause() instanceof DecodeException)) {
      throw e;
    }
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(e.getCause().getMessage() + "\n");
  }
}
