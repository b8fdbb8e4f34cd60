package vn.ocop.product;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProductPhotoRepository extends JpaRepository<ProductPhoto, Long> {

    List<ProductPhoto> findByProductIdOrderById(long productId);

    Optional<ProductPhoto> findByIdAndProductId(long id, long productId);

    long countByProductId(long productId);

    boolean existsByProductIdAndSha256(long productId, String sha256);
}
