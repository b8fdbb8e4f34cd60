package vn.ocop.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProvinceMapTests {

    private final ProvinceMap map = new ProvinceMap(JsonMapper.builder().build());

    @Test
    void drawsEachOfTheThirtyFourProvincesOnce() {
        assertThat(map.shapes()).hasSize(34);
        assertThat(map.shapes())
                .extracting(ProvinceMap.Shape::code)
                .doesNotHaveDuplicates()
                .contains("01", "79", "82");
        assertThat(map.shapes())
                .allSatisfy(shape -> assertThat(shape.path()).startsWith("M").endsWith("Z"));
    }

    @Test
    void keepsEveryPointInsideTheViewBox() {
        String[] box = map.viewBox().split(" ");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);
        for (ProvinceMap.Shape shape : map.shapes()) {
            double[] numbers = Arrays.stream(
                            shape.path().replaceAll("[MLZ]", " ").trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
            for (int i = 0; i < numbers.length; i += 2) {
                assertThat(numbers[i]).as(shape.name()).isBetween(0.0, width);
                assertThat(numbers[i + 1]).as(shape.name()).isBetween(0.0, height);
            }
        }
    }

    @Test
    void drawsTheArchipelagosWithTheirProvinces() {
        // Hoàng Sa belongs to Đà Nẵng (48), Trường Sa to Khánh Hòa (56): both reach far east of the coast (111°E+).
        double coast = (111 - 102.0) * Math.cos(Math.toRadians(16)) * ProvinceMap.SCALE;
        for (String code : new String[] {"48", "56"}) {
            ProvinceMap.Shape shape = map.shapes().stream()
                    .filter(s -> s.code().equals(code))
                    .findFirst()
                    .orElseThrow();
            double[] numbers = Arrays.stream(
                            shape.path().replaceAll("[MLZ]", " ").trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
            double east = 0;
            for (int i = 0; i < numbers.length; i += 2) {
                east = Math.max(east, numbers[i]);
            }
            assertThat(east).as(shape.name()).isGreaterThan(coast);
        }
    }

    @Test
    void classifiesValuesInFiveStepsOfTheLargest() {
        assertThat(ProvinceMap.steps(Map.of("01", 0, "79", 1, "82", 100, "48", 50)))
                .containsEntry("01", 0)
                .containsEntry("79", 1)
                .containsEntry("48", 3)
                .containsEntry("82", 5);
    }
}
