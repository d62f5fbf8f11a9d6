package io.polycodec.spring;

import io.polycodec.DecodeException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebInputException;

/**
 * WebFlux's {@link DecodeErrorAdvice}: a request body {@link PolycodecDecoder} could not decode is
 * answered with 400 and the {@link DecodeException}'s message as {@code text/plain}. Other bad input,
 * and a {@code DecodeException} from the application's own code, keep Spring's usual handling. Lowest
 * precedence, so an application's own advice runs first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ReactiveDecodeErrorAdvice {

  /** Used by Spring; the auto-configuration registers one. */
  public ReactiveDecodeErrorAdvice() {}

  /**
   * 400 with the decode error's message if {@code e} came from a Polycodec decoder.
   *
   * @throws ServerWebInputException {@code e} itself otherwise, which Spring then handles as usual
   */
  @ExceptionHandler(ServerWebInputException.class)
  public ResponseEntity<String> badBody(ServerWebInputException e) {
    Throwable cause = e.getCause();
    if (!(cause instanceof DecodingException) || !(cause.getCause() instanceof DecodeException)) {
      throw e;
    }
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(cause.getCause().getMessage() + "\n");
  }
}
