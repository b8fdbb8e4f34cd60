package vn.ocop.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.product.Classification.CriteriaSetInfo;

/** The criteria sets arranged as the official tree (sectors → groups → sets), in set order, for pickers and filters. */
public record ClassificationTree(List<Sector> sectors) {

    public record Sector(String code, String name, List<Group> groups) {}

    public record Group(String code, String name, List<CriteriaSetInfo> sets) {}

    public static ClassificationTree of(List<CriteriaSetInfo> sets) {
        Map<String, Map<String, List<CriteriaSetInfo>>> tree = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (CriteriaSetInfo set : sets) {
            names.put(set.sectorCode(), set.sectorName());
            names.put(set.groupCode(), set.groupName());
            tree.computeIfAbsent(set.sectorCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(set.groupCode(), k -> new ArrayList<>())
                    .add(set);
        }
        List<Sector> sectors = new ArrayList<>();
        tree.forEach((sector, groups) -> {
            List<Group> list = new ArrayList<>();
            groups.forEach((group, members) -> list.add(new Group(group, names.get(group), List.copyOf(members))));
            sectors.add(new Sector(sector, names.get(sector), List.copyOf(list)));
        });
        return new ClassificationTree(List.copyOf(sectors));
    }
}
