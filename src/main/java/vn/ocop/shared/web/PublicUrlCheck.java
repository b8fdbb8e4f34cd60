package vn.ocop.shared.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production the platform must know the address its users open it at ({@code ocop.public-url}, {@code
 * OCOP_PUBLIC_URL}): it is printed in every certificate's QR code and in e-mail links, and a certificate printed with
 * {@code http://localhost:8080} cannot be verified by anyone. Start-up fails without it.
 */
@Component
@Profile("prod")
class PublicUrlCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PublicUrlCheck.class);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]");

    private final Environment environment;

    PublicUrlCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        check(environment.getProperty("ocop.public-url", ""));
    }

    /** Throws when the value is not an absolute http(s) address of a host other than this machine. */
    static void check(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || host.isEmpty() || LOCAL_HOSTS.contains(host)) {
            throw new IllegalStateException("The prod profile needs OCOP_PUBLIC_URL (ocop.public-url): the address"
                    + " users open the platform at, e.g. https://ocop.example.gov.vn. It is printed in certificates'"
                    + " QR codes and e-mail links. Given: '" + value + "'");
        }
        if (scheme.equals("http")) {
            log.warn(
                    "ocop.public-url {} is not https: certificates' QR codes will point to an unencrypted address",
                    value);
        }
    }
}
