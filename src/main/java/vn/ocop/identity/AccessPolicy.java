package vn.ocop.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ocop.geography.AdminUnits;
import vn.ocop.shared.OcopException;

/**
 * Answers "may user U do action A on a thing located in unit X". Two tests, both must pass:
 *
 * <ol>
 *   <li><b>Role</b>: the action is among the role's permissions (table below).
 *   <li><b>Jurisdiction</b>: nationwide roles act everywhere; officers and council members act on things located in
 *       their unit or inside it (a province officer on every commune of the province, a commune officer on that
 *       commune only). A thing with no location (nationwide data) is reserved to nationwide roles.
 * </ol>
 *
 * Producers act on their own producer, checked with {@link #permitsOwnProducer}; they have no unit jurisdiction.
 */
@Component
public class AccessPolicy {

    private static final Map<Role, Set<Action>> PERMISSIONS = Map.of(
            Role.SYSTEM_ADMIN, EnumSet.allOf(Action.class),
            Role.CENTRAL_OFFICE,
                    EnumSet.of(Action.VIEW_RECORDS, Action.EDIT_RECORDS, Action.VIEW_AUDIT, Action.MANAGE_USERS),
            Role.PROVINCE_OFFICER, EnumSet.of(Action.VIEW_RECORDS, Action.EDIT_RECORDS, Action.MANAGE_USERS),
            Role.COMMUNE_OFFICER, EnumSet.of(Action.VIEW_RECORDS, Action.EDIT_RECORDS),
            Role.COUNCIL_MEMBER, EnumSet.of(Action.VIEW_RECORDS),
            Role.PRODUCER, EnumSet.noneOf(Action.class));

    private final AdminUnits units;

    AccessPolicy(AdminUnits units) {
        this.units = units;
    }

    /** Whether the role allows the action at all, somewhere. */
    public boolean allowsAction(CurrentUser user, Action action) {
        return PERMISSIONS.get(user.role()).contains(action);
    }

    /**
     * @param location code of the unit (current edition) where the thing is; {@code null} for nationwide things
     */
    public boolean permits(@Nullable CurrentUser user, Action action, @Nullable String location) {
        if (user == null || !allowsAction(user, action)) {
            return false;
        }
        return covers(user, location);
    }

    /** Throws {@code COMMON-004} (403) unless {@link #permits} holds. */
    public void check(@Nullable CurrentUser user, Action action, @Nullable String location) {
        if (!permits(user, action, location)) {
            throw OcopException.forbidden();
        }
    }

    /** Whether the user's jurisdiction covers the location (ignoring the role's actions). */
    public boolean covers(CurrentUser user, @Nullable String location) {
        if (user.role().nationwide()) {
            return true;
        }
        String jurisdiction = user.jurisdictionCode();
        return jurisdiction != null && location != null && units.contains(jurisdiction, location);
    }

    /**
     * Which records a user may see for an action, for list queries: everything, one province, one commune, one
     * producer, or nothing.
     */
    public DataScope scopeFor(@Nullable CurrentUser user, Action action) {
        if (user == null) {
            return DataScope.NONE;
        }
        if (user.role() == Role.PRODUCER) {
            return user.producerId() == null ? DataScope.NONE : DataScope.producer(user.producerId());
        }
        if (!allowsAction(user, action)) {
            return DataScope.NONE;
        }
        if (user.role().nationwide()) {
            return DataScope.ALL;
        }
        String jurisdiction = user.jurisdictionCode();
        if (jurisdiction == null) {
            return DataScope.NONE;
        }
        return units.find(vn.ocop.geography.AdminEdition.CURRENT, jurisdiction)
                .map(unit -> unit.isProvince() ? DataScope.province(unit.code()) : DataScope.commune(unit.code()))
                .orElse(DataScope.NONE);
    }

    /** Whether a producer account acts on its own producer. */
    public boolean permitsOwnProducer(@Nullable CurrentUser user, long producerId) {
        return user != null
                && user.role() == Role.PRODUCER
                && user.producerId() != null
                && user.producerId() == producerId;
    }
}
