package vn.ocop.producer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A producer's sign-up as officers (and, by its token, the applicant) see it; never the password.
 *
 * @param token the applicant's link to follow the request ({@code /signup/status/{token}})
 * @param producerId the producer registered on approval
 */
public record Signup(
        long id,
        String token,
        SignupStatus status,
        LegalType legalType,
        String name,
        String taxCode,
        String representative,
        @Nullable String representativeTitle,
        String phone,
        String email,
        @Nullable String website,
        String address,
        String communeCode,
        String provinceCode,
        boolean publishPhone,
        boolean publishEmail,
        String username,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy,
        @Nullable String refusalReason,
        @Nullable Long producerId,
        long version) {}
