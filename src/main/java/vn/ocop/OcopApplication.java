package vn.ocop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import vn.ocop.shared.launch.FastStart;

/** OCOP Platform: one modular monolith, one PostgreSQL database. */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class OcopApplication {

    public static void main(String[] args) {
        // Runs the application in a child JVM with a class-data-sharing archive, or returns to run it here.
        FastStart.launch(OcopApplication.class, args);
        SpringApplication.run(OcopApplication.class, args);
    }
}
