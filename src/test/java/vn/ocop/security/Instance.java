package vn.ocop.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One instance of a fixture kind: the value put into paths, queries and bodies (an id, a certificate number, …), an
 * optional marker text that identifies it in a page or a list (e.g. its unique name), and attributes read when a
 * call is made ({@code {dossier.version}} in a row reads the current version, not the one at creation).
 */
public record Instance(String value, @Nullable String marker, Map<String, Supplier<String>> attributes) {

    public Instance {
        attributes = Map.copyOf(attributes);
    }

    public static Instance of(Object value) {
        return new Instance(String.valueOf(value), null, Map.of());
    }

    public static Instance of(Object value, @Nullable String marker) {
        return new Instance(String.valueOf(value), marker, Map.of());
    }

    /** This instance with one more attribute, evaluated at each call. */
    public Instance with(String attribute, Supplier<?> supplier) {
        Map<String, Supplier<String>> more = new LinkedHashMap<>(attributes);
        more.put(attribute, () -> String.valueOf(supplier.get()));
        return new Instance(value, marker, more);
    }

    public long id() {
        return Long.parseLong(value);
    }

    /** The attribute's current value; fails on an unknown attribute (a mistake in a row). */
    public String attribute(String name) {
        Supplier<String> supplier = attributes.get(name);
        if (supplier == null) {
            throw new IllegalArgumentException("no attribute '" + name + "' (has " + attributes.keySet() + ")");
        }
        return supplier.get();
    }
}
