package vn.ocop.producer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProducerRepository extends JpaRepository<Producer, Long> {

    Optional<Producer> findByTaxCode(String taxCode);
}
