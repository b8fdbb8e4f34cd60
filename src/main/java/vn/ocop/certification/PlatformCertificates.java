package vn.ocop.certification;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ocop.product.CertificateRegister;

/** Tells the product module which certificate numbers the platform issued. */
@Component
class PlatformCertificates implements CertificateRegister {

    private final JdbcClient jdbc;

    PlatformCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean issuedByPlatform(String number) {
        return jdbc.sql("SELECT count(*) FROM certificate WHERE number = ?")
                        .param(number.strip().toUpperCase(Locale.ROOT))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
