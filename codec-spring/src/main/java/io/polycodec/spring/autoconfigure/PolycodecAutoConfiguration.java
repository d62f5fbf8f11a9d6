package io.polycodec.spring.autoconfigure;

import io.polycodec.Codec;
import io.polycodec.spring.CodecCatalog;
import io.polycodec.spring.DecodeErrorAdvice;
import io.polycodec.spring.PolycodecDecoder;
import io.polycodec.spring.PolycodecEncoder;
import io.polycodec.spring.PolycodecHttpMessageConverter;
import io.polycodec.spring.ReactiveDecodeErrorAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Spring Boot auto-configuration: with {@code codec-spring} and one or more Polycodec formats on the
 * class path, controllers read and write records in every format, negotiated on {@code Accept} and
 * {@code Content-Type}, and a bad body is answered with 400 and the decode error's message.
 *
 * <p>Beans, each skipped if the application defines its own: the {@link CodecCatalog} (from
 * {@link PolycodecProperties}; inject it to get the same codecs elsewhere), the
 * {@link PolycodecHttpMessageConverter} (Spring Boot puts converter beans ahead of its default
 * converters), and in a servlet web
 * application the {@link DecodeErrorAdvice}; in a reactive one a {@code WebFluxConfigurer} that
 * registers {@link PolycodecEncoder} and {@link PolycodecDecoder}, and the
 * {@link ReactiveDecodeErrorAdvice}. {@code polycodec.enabled=false} turns it all off.
 */
@AutoConfiguration
@ConditionalOnClass({Codec.class, HttpMessageConverter.class})
@ConditionalOnProperty(prefix = "polycodec", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PolycodecProperties.class)
public class PolycodecAutoConfiguration {

  /** Used by Spring. */
  public PolycodecAutoConfiguration() {}

  /** The formats served, with limits and options from {@code polycodec.*} properties. */
  @Bean
  @ConditionalOnMissingBean
  public CodecCatalog polycodecCatalog(PolycodecProperties properties) {
    return properties.toCatalog(ApplicationConversionService.getSharedInstance());
  }

  /** The converter for every format of the catalog. */
  @Bean
  @ConditionalOnMissingBean
  public PolycodecHttpMessageConverter polycodecHttpMessageConverter(CodecCatalog catalog) {
    return new PolycodecHttpMessageConverter(catalog);
  }

  /** Spring MVC: the 400 answer for bodies that do not decode. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  static class ServletConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DecodeErrorAdvice polycodecDecodeErrorAdvice() {
      return new DecodeErrorAdvice();
    }
  }

  /**
   * WebFlux: the encoder and decoder, registered ahead of Spring's object codecs (Jackson's), and the
   * 400 answer for bodies that do not decode.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  @ConditionalOnClass(name = "org.springframework.web.reactive.config.WebFluxConfigurer")
  static class ReactiveConfiguration {

    @Bean
    WebFluxConfigurer polycodecWebFluxConfigurer(CodecCatalog catalog) {
      PolycodecEncoder encoder = new PolycodecEncoder(catalog);
      PolycodecDecoder decoder = new PolycodecDecoder(catalog);
      return new WebFluxConfigurer() {
        @Override
        public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
          // register, not registerWithDefaultConfig: the decoder's in-memory bound is the catalog's limit.
          configurer.customCodecs().register(encoder);
          configurer.customCodecs().register(decoder);
        }
      };
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveDecodeErrorAdvice polycodecReactiveDecodeErrorAdvice() {
      return new ReactiveDecodeErrorAdvice();
    }
  }
}
