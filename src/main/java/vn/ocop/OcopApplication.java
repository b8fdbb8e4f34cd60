package vn.ocop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** OCOP Platform: one modular monolith, one PostgreSQL database. */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class OcopApplication {

    public static void main(String[] args) {
        SpringApplication.run(OcopApplication.class, args);
    }
}
