package vn.ocop;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Constructor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps the application's own CSRF tokens (in a cookie) for every request that does not come from Spring Security's
 * test {@code csrf()} post-processor. Left alone, the first MockMvc call with {@code csrf()} replaces the CSRF filter's
 * token repository of the shared context, for good, by a test one backed by the HTTP session: from then on the browser
 * tests' real requests (which run at the same time, test classes run side by side) got session-based tokens, and a
 * form fetched before the swap and sent after it was refused with 403. At start-up this installs the test repository
 * the post-processor looks for, around the application's own: {@code csrf()} then finds it in place and changes nothing,
 * and every other request is handled by the application's cookie repository.
 *
 * <p>Registered for every test context in {@code META-INF/spring.factories}.
 */
public final class ApplicationCsrf extends EveryTestContext {

    private static final String TEST_REPOSITORY = "org.springframework.security.test.web.servlet.request"
            + ".SecurityMockMvcRequestPostProcessors$CsrfRequestPostProcessor$TestCsrfTokenRepository";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        context.addApplicationListener(event -> {
            if (event instanceof ContextRefreshedEvent refreshed
                    && refreshed.getApplicationContext() == context
                    && context instanceof WebApplicationContext web
                    && web.getServletContext() != null
                    && context.containsBean("springSecurityFilterChain")) {
                install(web.getServletContext());
            }
        });
    }

    private static void install(ServletContext servletContext) {
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext);
        CsrfTokenRepository application = WebTestUtils.getCsrfTokenRepository(request);
        if (application == null || application.getClass().getName().equals(TEST_REPOSITORY)) {
            return;
        }
        try {
            Constructor<?> wrap = Class.forName(TEST_REPOSITORY).getDeclaredConstructor(CsrfTokenRepository.class);
            wrap.setAccessible(true);
            WebTestUtils.setCsrfTokenRepository(request, (CsrfTokenRepository) wrap.newInstance(application));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Spring Security's test CSRF repository changed: " + e, e);
        }
    }
}
