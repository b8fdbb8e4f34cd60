package vn.ocop.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.catalog.CatalogEntry;

/**
 * schema.org {@code Product} markup (JSON-LD) of a listed product's page, for search engines: name, story, photos,
 * OCOP code, category, producer and place, the OCOP star as an award, the price range as an aggregate offer in VND.
 */
@Component
class StructuredData {

    private final JsonMapper json;

    StructuredData(JsonMapper json) {
        this.json = json;
    }

    /** The JSON-LD text, safe to put inside a {@code <script>} element ({@code <} is escaped). */
    String product(CatalogEntry entry) {
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String url = base + "/catalog/products/" + entry.id();
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("@context", "https://schema.org");
        product.put("@type", "Product");
        product.put("name", entry.name());
        product.put("url", url);
        if (entry.description() != null) {
            product.put("description", entry.description());
        }
        List<String> images = new ArrayList<>();
        entry.photoIds().forEach(id -> images.add(url + "/photos/" + id));
        if (!images.isEmpty()) {
            product.put("image", images);
        }
        if (entry.ocopCode() != null) {
            product.put("productID", entry.ocopCode());
            product.put("sku", entry.ocopCode());
        }
        product.put("category", entry.sectorName() + " > " + entry.groupName() + " > " + entry.criteriaSetName());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        address.put("addressLocality", entry.producer().communeName());
        address.put("addressRegion", entry.producer().provinceName());
        address.put("addressCountry", "VN");
        Map<String, Object> maker = new LinkedHashMap<>();
        maker.put("@type", "Organization");
        maker.put("name", entry.producer().name());
        maker.put("url", base + "/catalog/producers/" + entry.producer().id());
        maker.put("address", address);
        product.put("manufacturer", maker);
        product.put("brand", Map.of("@type", "Brand", "name", entry.producer().name()));
        if (entry.star() != null) {
            product.put(
                    "award",
                    "OCOP " + entry.star() + "★ (" + entry.certificateNumber() + ", " + entry.expiresOn() + ")");
        }
        if (entry.priceMin() != null || entry.priceMax() != null) {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("@type", "AggregateOffer");
            offer.put("priceCurrency", "VND");
            offer.put("lowPrice", (entry.priceMin() != null ? entry.priceMin() : entry.priceMax()).toPlainString());
            offer.put("highPrice", (entry.priceMax() != null ? entry.priceMax() : entry.priceMin()).toPlainString());
            product.put("offers", offer);
        }
        return json.writeValueAsString(product).replace("<", "\\u003c");
    }
}
