package vn.ocop.shared.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description of {@code /api/v1}: bearer tokens from {@code POST /api/v1/auth/token}, RFC 9457 errors. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "OCOP Platform API",
                        version = "v1",
                        description =
                                "API of the OCOP programme information system. Errors are RFC 9457 problem details"
                                        + " with a stable `code`; texts follow Accept-Language (vi, en)."))
@SecurityScheme(
        name = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "Token from POST /api/v1/auth/token")
class OpenApiConfiguration {}
