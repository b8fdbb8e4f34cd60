package vn.ocop.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Business dates (deadlines, certificate validity) are Vietnamese calendar dates,
 * so the zone is Asia/Ho_Chi_Minh; instants are stored in UTC. Tests replace the bean to travel in time.
 */
@Configuration(proxyBeanMethods = false)
public class OcopClock {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
