package vn.ocop.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findByRoleAndEnabledTrueOrderById(Role role);

    List<UserAccount> findByRoleAndJurisdictionCodeAndEnabledTrueOrderById(Role role, String jurisdictionCode);

    List<UserAccount> findByRoleAndProducerIdAndEnabledTrueOrderById(Role role, Long producerId);
}
