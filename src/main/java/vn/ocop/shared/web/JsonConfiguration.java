package vn.ocop.shared.web;

import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read strictly: a {@code null} inside a list or map ({@code {"1.1": null}} as an option index) is
 * refused instead of reaching the code as a missing value, and a fraction where a whole number is expected ({@code
 * 1.5}) is refused instead of being cut to {@code 1} ({@code spring.jackson.deserialization.accept-float-as-int}).
 * Either answers 400 with the field ({@link ApiExceptionHandler}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer noNullElements() {
        return builder -> builder.changeDefaultNullHandling(handling -> handling.withContentNulls(Nulls.FAIL));
    }
}
