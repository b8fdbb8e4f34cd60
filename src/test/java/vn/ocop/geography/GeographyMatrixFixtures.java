package vn.ocop.geography;

import java.util.Set;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;

/** Matrix fixtures of places, for bodies that name one: {@code province} and {@code commune} (codes). */
class GeographyMatrixFixtures implements MatrixFixtures {

    @Override
    public Set<String> provides() {
        return Set.of("province", "commune");
    }

    @Override
    public void create(MatrixWorld world) {
        world.put("province", Instance.of(MatrixWorld.HOME_PROVINCE), Instance.of(MatrixWorld.OTHER_PROVINCE));
        world.put("commune", Instance.of(MatrixWorld.HOME_COMMUNE), Instance.of(MatrixWorld.OTHER_COMMUNE));
    }
}
