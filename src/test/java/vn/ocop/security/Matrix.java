package vn.ocop.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;

/** Builds a {@link MatrixWorld}: the callers' accounts, then every {@link MatrixFixtures} in dependency order. */
final class Matrix {

    private Matrix() {}

    static MatrixWorld build(ApplicationContext context) throws Exception {
        MatrixWorld world = new MatrixWorld(context.getBean(UserAccounts.class));
        world.caller(Caller.SYSTEM_ADMIN, world.account(Role.SYSTEM_ADMIN, null, null, "admin"));
        world.caller(Caller.CENTRAL_OFFICE, world.account(Role.CENTRAL_OFFICE, null, null, "central"));
        world.caller(
                Caller.PROVINCE_OFFICER,
                world.account(Role.PROVINCE_OFFICER, MatrixWorld.HOME_PROVINCE, null, "province"));
        world.caller(
                Caller.COMMUNE_OFFICER, world.account(Role.COMMUNE_OFFICER, MatrixWorld.HOME_COMMUNE, null, "commune"));
        world.caller(
                Caller.COUNCIL_MEMBER, world.account(Role.COUNCIL_MEMBER, MatrixWorld.HOME_PROVINCE, null, "council"));
        List<MatrixFixtures> pending = new ArrayList<>(providers(context));
        Set<String> provided = new HashSet<>();
        while (!pending.isEmpty()) {
            MatrixFixtures next = pending.stream()
                    .filter(p -> provided.containsAll(p.requires()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("fixture providers wait for kinds nobody provides: "
                            + pending.stream()
                                    .map(p -> p.getClass().getSimpleName() + " requires " + p.requires())
                                    .toList()));
            next.create(world);
            for (String kind : next.provides()) {
                if (!world.has(kind)) {
                    throw new IllegalStateException(
                            next.getClass().getSimpleName() + " promised kind '" + kind + "' but did not put it");
                }
            }
            provided.addAll(next.provides());
            pending.remove(next);
        }
        for (Caller caller : Caller.values()) {
            if (!world.hasCaller(caller)) {
                throw new IllegalStateException("no account for " + caller + " after all fixture providers ran");
            }
        }
        return world;
    }

    /** Every implementation of {@link MatrixFixtures} under {@code vn.ocop}, built with its beans injected. */
    static List<MatrixFixtures> providers(ApplicationContext context) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(MatrixFixtures.class));
        List<MatrixFixtures> providers = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("vn.ocop")) {
            Class<?> type = ClassUtils.resolveClassName(Objects.requireNonNull(candidate.getBeanClassName()), null);
            if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            providers.add(
                    (MatrixFixtures) context.getAutowireCapableBeanFactory().createBean(type));
        }
        providers.sort(java.util.Comparator.comparing(p -> p.getClass().getName()));
        return providers;
    }
}
