package vn.ocop.trade.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.ocop.catalog.PublicCaching;
import vn.ocop.shared.PageResult;
import vn.ocop.trade.Fair;
import vn.ocop.trade.Fairs;
import vn.ocop.trade.PointOfSale;
import vn.ocop.trade.PointsOfSale;

/** Points of sale and the fairs calendar as open data: no login, validators and cache headers as the pages. */
@RestController
@Validated
@RequestMapping("/api/v1/public")
@Tag(name = "Public catalog", description = "Danh mục sản phẩm OCOP công khai, không cần đăng nhập")
class TradeApi {

    private final PointsOfSale points;
    private final Fairs fairs;
    private final PublicCaching caching;

    TradeApi(PointsOfSale points, Fairs fairs, PublicCaching caching) {
        this.points = points;
        this.fairs = fairs;
        this.caching = caching;
    }

    @GetMapping("/points-of-sale")
    @Operation(summary = "Open OCOP points of sale and producers' shops, with the listed products they stock")
    @Nullable
    PageResult<PointOfSale> points(
            @RequestParam(required = false) @Nullable @Size(max = 10) String province,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            WebRequest request,
            HttpServletResponse response) {
        if (caching.notModified(request, response, "json")) {
            return null;
        }
        return points.search(province, q, page, size);
    }

    @GetMapping("/points-of-sale/{id}")
    @Operation(summary = "An open point of sale")
    @Nullable
    PointOfSale point(@PathVariable long id, WebRequest request, HttpServletResponse response) {
        PointOfSale point = points.publicPoint(id);
        return caching.notModified(request, response, "json") ? null : point;
    }

    @GetMapping("/fairs")
    @Operation(summary = "Fairs and trade events: coming (past=false, soonest first) or past, with participants")
    @Nullable
    PageResult<Fair> fairs(
            @RequestParam(defaultValue = "false") boolean past,
            @RequestParam(required = false) @Nullable @Size(max = 10) String province,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            WebRequest request,
            HttpServletResponse response) {
        if (caching.notModified(request, response, "json")) {
            return null;
        }
        return fairs.calendar(past, province, page, size);
    }

    @GetMapping("/fairs/{id}")
    @Operation(summary = "A fair or trade event with the producers taking part")
    @Nullable
    Fair fair(@PathVariable long id, WebRequest request, HttpServletResponse response) {
        Fair fair = fairs.get(id);
        return caching.notModified(request, response, "json") ? null : fair;
    }
}
