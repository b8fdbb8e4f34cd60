package vn.ocop.security;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A MockMvc with the application's filters (security chains, sessions, upload limits) like the injected one, but
 * that does not print its thousands of requests when a test fails: the matrix prints its own report.
 */
final class MatrixMvc {

    private MatrixMvc() {}

    static MockMvc of(ApplicationContext context) {
        WebApplicationContext web = (WebApplicationContext) context;
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(web);
        SpringBootMockMvcBuilderCustomizer customizer = new SpringBootMockMvcBuilderCustomizer(web);
        customizer.setAddFilters(true);
        customizer.setPrint(MockMvcPrint.NONE);
        customizer.customize(builder);
        return builder.build();
    }
}
