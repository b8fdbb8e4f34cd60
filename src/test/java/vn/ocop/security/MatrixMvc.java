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
 * that does not print its thousands of requests when a test fails: the matrix prints its own report. Its requests come
 * from an address of their own ({@link #ADDRESS}): the limits per address (anonymous forms, failed logins) that its
 * thousands of calls reach are not those of the test classes running beside it, which call from 127.0.0.1.
 */
final class MatrixMvc {

    /** An address of the documentation range (RFC 5737), used by no other test. */
    static final String ADDRESS = "192.0.2.80";

    private MatrixMvc() {}

    static MockMvc of(ApplicationContext context) {
        WebApplicationContext web = (WebApplicationContext) context;
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(web);
        SpringBootMockMvcBuilderCustomizer customizer = new SpringBootMockMvcBuilderCustomizer(web);
        customizer.setAddFilters(true);
        customizer.setPrint(MockMvcPrint.NONE);
        customizer.customize(builder);
        builder.defaultRequest(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                .with(request -> {
                    request.setRemoteAddr(ADDRESS);
                    return request;
                }));
        return builder.build();
    }
}
