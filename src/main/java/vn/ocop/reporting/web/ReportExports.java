package vn.ocop.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import vn.ocop.reporting.PlanProgress;
import vn.ocop.reporting.ReportFigures;
import vn.ocop.reporting.Summary;
import vn.ocop.reporting.SupportActivities;
import vn.ocop.reporting.SupportKind;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.pdf.PdfDocuments;

/**
 * Every report as an xlsx workbook and as a Vietnamese PDF annex ready to attach to an official report, from the same
 * figures as the page. Documents are in Vietnamese whatever the reader's language: they go into Vietnamese files.
 */
@Component
class ReportExports {

    /** The formats a report downloads in. */
    enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        PDF("pdf", "application/pdf");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ReportModels models;
    private final PdfDocuments pdf;

    ReportExports(ReportModels models, PdfDocuments pdf) {
        this.models = models;
        this.pdf = pdf;
    }

    /** {@code xlsx} or {@code pdf}, any case; else {@code COMMON-010} naming the parameter. */
    static Format format(String name) {
        for (Format f : Format.values()) {
            if (f.extension.equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new OcopException(CommonError.INVALID_PARAMETER, "format");
    }

    // --- a unit's report ------------------------------------------------------------------------------------------

    void unit(ReportPages.UnitReport report, Format format, Locale locale, HttpServletResponse response)
            throws IOException {
        Summary s = report.summary();
        String name =
                "bao-cao-ocop-" + (s.unit().nation() ? "toan-quoc" : s.unit().code()) + "-" + s.asOf();
        if (format == Format.PDF) {
            Map<String, Object> model = new HashMap<>();
            Formats f = Formats.of(VI);
            model.put("r", report);
            model.put("s", s);
            model.put("f", f);
            model.put("byStar", models.byStar(s, VI));
            model.put("byType", models.producersByType(s, VI));
            model.put("byFlag", models.producersByFlag(s, VI));
            model.put("byGroup", models.byGroup(s));
            model.put("dossiers", models.dossiers(s, VI));
            model.put("evaluations", models.evaluations(s, VI));
            write(response, format, name, pdf.render("pdf/report-unit", model, VI, s.asOf()));
            return;
        }
        attachment(response, format, name);
        try (ReportWorkbook book = new ReportWorkbook(response.getOutputStream())) {
            List<String> context = context(s);
            book.sheet(
                    "Tổng hợp",
                    "Số liệu chương trình OCOP — " + s.unit().name(),
                    context,
                    List.of("Chỉ tiêu", "Số lượng", "Tỷ lệ (%)", "Ghi chú"),
                    List.of(60, 14, 14, 40));
            book.row("Sản phẩm OCOP còn hiệu lực", s.certifiedProducts().total(), null, "tại ngày " + date(s.asOf()));
            book.row("Chủ thể có sản phẩm OCOP", s.producers().withCertifiedProducts(), null, null);
            book.row(
                    "Làng nghề có sản phẩm OCOP",
                    s.craftVillages().withCertifiedProducts(),
                    new ReportWorkbook.Share(s.craftVillages().share()),
                    "trên " + s.craftVillages().known() + " làng nghề");
            book.row("Giấy chứng nhận cấp trong kỳ", s.certificates().issued(), null, period(s.period()));
            book.row("  - cấp mới", s.certificates().newlyCertified(), null, null);
            book.row("  - nâng hạng", s.certificates().upgraded(), null, null);
            book.row("  - đánh giá lại", s.certificates().reevaluated(), null, null);
            book.row("Giấy chứng nhận hết hiệu lực trong kỳ", s.certificates().expired(), null, null);
            book.row("Giấy chứng nhận bị thu hồi trong kỳ", s.certificates().revoked(), null, null);
            book.row("Sản phẩm được đánh giá trong kỳ", s.evaluations().products(), null, null);
            book.row(
                    "  - đạt từ 3 sao",
                    s.evaluations().reachingThreeStars(),
                    new ReportWorkbook.Share(s.evaluations().shareReachingThreeStars()),
                    null);
            book.row("Sản phẩm đề xuất đánh giá 5 sao", s.fiveStarProposals(), null, null);
            book.row(
                    "Hoạt động hỗ trợ",
                    s.support().activities(),
                    null,
                    "kinh phí " + s.support().budget().toPlainString() + " đồng");
            book.row("Chủ thể được hỗ trợ", s.support().producers(), null, null);
            rows(
                    book,
                    "Theo hạng sao",
                    "Sản phẩm OCOP còn hiệu lực theo hạng sao",
                    context,
                    "Hạng sao",
                    models.byStar(s, VI),
                    true);
            rows(
                    book,
                    "Chủ thể",
                    "Chủ thể có sản phẩm OCOP theo loại hình",
                    context,
                    "Loại hình",
                    models.producersByType(s, VI),
                    true);
            rows(
                    book,
                    "Đặc điểm chủ thể",
                    "Chủ thể có sản phẩm OCOP theo đặc điểm",
                    context,
                    "Đặc điểm",
                    models.producersByFlag(s, VI),
                    true);
            rows(
                    book,
                    "Nhóm sản phẩm",
                    "Sản phẩm OCOP còn hiệu lực theo nhóm sản phẩm",
                    context,
                    "Nhóm",
                    models.byGroup(s),
                    true);
            book.sheet(
                    "Bộ tiêu chí",
                    "Sản phẩm OCOP còn hiệu lực theo bộ tiêu chí",
                    context,
                    List.of("Bộ tiêu chí", "Tên", "Nhóm", "Số sản phẩm"),
                    List.of(12, 60, 10, 14));
            for (Summary.SetCount set : s.certifiedProducts().byCriteriaSet()) {
                book.row(set.setNo(), set.name(), set.groupCode(), set.count());
            }
            rows(
                    book,
                    "Đánh giá",
                    "Sản phẩm được đánh giá trong kỳ theo kết quả",
                    context,
                    "Kết quả",
                    models.evaluations(s, VI),
                    true);
            rows(
                    book,
                    "Hồ sơ",
                    "Hồ sơ đánh giá theo bước (tại ngày báo cáo)",
                    context,
                    "Bước",
                    models.dossiers(s, VI),
                    false);
            book.sheet(
                    "Xu hướng",
                    "Số liệu qua các năm",
                    context,
                    List.of(
                            "Năm",
                            "Tính đến ngày",
                            "Sản phẩm còn hiệu lực",
                            "3 sao",
                            "4 sao",
                            "5 sao",
                            "Chủ thể có sản phẩm",
                            "GCN cấp trong năm",
                            "Cấp mới",
                            "Nâng hạng",
                            "Đánh giá lại"),
                    List.of(8, 14, 14, 8, 8, 8, 14, 14, 10, 10, 12));
            for (ReportFigures.YearLine y : report.trend().years()) {
                book.row(
                        y.year(),
                        y.stockOn(),
                        y.certifiedProducts(),
                        y.byStar().get("3"),
                        y.byStar().get("4"),
                        y.byStar().get("5"),
                        y.producers(),
                        y.issued(),
                        y.newlyCertified(),
                        y.upgraded(),
                        y.reevaluated());
            }
            if (report.progress() != null) {
                progressSheet(book, report.progress());
            }
            if (report.provinces() != null) {
                provincesSheet(book, report.provinces());
            }
        }
    }

    // --- provinces, support, plan progress ------------------------------------------------------------------------

    void provinces(ReportFigures.Comparison comparison, Format format, Locale locale, HttpServletResponse response)
            throws IOException {
        String name = "so-sanh-tinh-" + comparison.edition() + "-" + comparison.asOf();
        if (format == Format.PDF) {
            write(
                    response,
                    format,
                    name,
                    pdf.render(
                            "pdf/report-provinces",
                            Map.of("c", comparison, "f", Formats.of(VI)),
                            VI,
                            comparison.asOf()));
            return;
        }
        attachment(response, format, name);
        try (ReportWorkbook book = new ReportWorkbook(response.getOutputStream())) {
            provincesSheet(book, comparison);
        }
    }

    void support(SupportActivities.Report report, Format format, Locale locale, HttpServletResponse response)
            throws IOException {
        String name = "ho-tro-"
                + (report.unit().nation() ? "toan-quoc" : report.unit().code()) + "-"
                + report.period().to();
        if (format == Format.PDF) {
            Map<String, Object> model = new HashMap<>();
            model.put("r", report);
            model.put("f", Formats.of(VI));
            model.put("kinds", kindNames());
            write(
                    response,
                    format,
                    name,
                    pdf.render("pdf/report-support", model, VI, report.period().to()));
            return;
        }
        attachment(response, format, name);
        Map<SupportKind, String> kinds = kindNames();
        try (ReportWorkbook book = new ReportWorkbook(response.getOutputStream())) {
            List<String> context = List.of(report.unit().name(), period(report.period()));
            book.sheet(
                    "Hoạt động",
                    "Hoạt động hỗ trợ theo loại",
                    context,
                    List.of("Loại hỗ trợ", "Số hoạt động"),
                    List.of(40, 14));
            report.activitiesByKind().forEach((kind, n) -> book.row(kinds.get(kind), n));
            book.row("Tổng số", report.activities());
            book.row("Tổng kinh phí (đồng)", report.budget());
            book.sheet(
                    "Theo chủ thể",
                    "Hỗ trợ theo chủ thể và kết quả",
                    context,
                    List.of(
                            "Chủ thể",
                            "Mã xã",
                            "Số hoạt động",
                            "Loại hỗ trợ",
                            "Sản phẩm được hỗ trợ",
                            "Được chứng nhận sau hỗ trợ",
                            "Được nâng hạng sau hỗ trợ"),
                    List.of(40, 10, 12, 50, 14, 14, 14));
            for (SupportActivities.ProducerLine p : report.producers()) {
                book.row(
                        p.producerName(),
                        p.communeCode(),
                        p.activities(),
                        String.join(", ", p.kinds().stream().map(kinds::get).toList()),
                        p.products(),
                        p.certifiedAfter(),
                        p.upgradedAfter());
            }
            book.row(
                    "Tổng",
                    null,
                    report.activities(),
                    null,
                    report.productsSupported(),
                    report.certifiedAfter(),
                    report.upgradedAfter());
            book.row(
                    "Tỷ lệ sản phẩm được chứng nhận hoặc nâng hạng (%)",
                    null, null, null, new ReportWorkbook.Share(report.shareCertifiedOrUpgraded()));
        }
    }

    void progress(PlanProgress progress, Format format, Locale locale, HttpServletResponse response)
            throws IOException {
        String name = "tien-do-ke-hoach-" + progress.plan() + "-v" + progress.version() + "-" + progress.asOf();
        if (format == Format.PDF) {
            write(
                    response,
                    format,
                    name,
                    pdf.render("pdf/plan-progress", Map.of("p", progress, "f", Formats.of(VI)), VI, progress.asOf()));
            return;
        }
        attachment(response, format, name);
        try (ReportWorkbook book = new ReportWorkbook(response.getOutputStream())) {
            progressSheet(book, progress);
        }
    }

    // --- shared sheets --------------------------------------------------------------------------------------------

    private void progressSheet(ReportWorkbook book, PlanProgress p) {
        book.sheet(
                "Kế hoạch",
                "Thực hiện kế hoạch: " + p.title() + " (phiên bản " + p.version() + ")",
                List.of(
                        p.unit().name(),
                        "Giai đoạn " + p.firstYear() + (p.lastYear() == p.firstYear() ? "" : "–" + p.lastYear())
                                + ", số liệu tính đến ngày " + date(p.asOf())),
                List.of(
                        "TT",
                        "Chỉ tiêu",
                        "Nhóm sản phẩm",
                        "Loại",
                        "Kế hoạch",
                        "Thực hiện",
                        "Tử số",
                        "Mẫu số",
                        "Đạt (%)"),
                List.of(5, 50, 24, 14, 12, 12, 10, 10, 10));
        for (PlanProgress.Line l : p.targets()) {
            book.row(
                    l.position(),
                    l.typeName(),
                    l.groupName(),
                    kindName(l.kind()),
                    l.planned(),
                    l.actual() == null ? "chưa đo được" : l.actual(),
                    l.numerator(),
                    l.denominator(),
                    l.achievement() == null ? null : new ReportWorkbook.Share(l.achievement()));
        }
    }

    private static void provincesSheet(ReportWorkbook book, ReportFigures.Comparison c) {
        book.sheet(
                "Tỉnh thành",
                "So sánh các tỉnh, thành phố ("
                        + ("legacy".equals(c.edition()) ? "63 tỉnh trước sắp xếp" : "34 tỉnh, thành phố") + ")",
                List.of("Sản phẩm còn hiệu lực tại ngày " + date(c.asOf()) + "; cấp GCN " + period(c.period())),
                List.of(
                        "Mã",
                        "Tỉnh, thành phố",
                        "Sản phẩm OCOP",
                        "3 sao",
                        "4 sao",
                        "5 sao",
                        "Chủ thể có sản phẩm",
                        "Hợp tác xã",
                        "Tỷ lệ HTX (%)",
                        "GCN cấp trong kỳ"),
                List.of(6, 30, 12, 8, 8, 8, 14, 12, 12, 14));
        for (ReportFigures.ProvinceLine p : c.provinces()) {
            line(book, p);
        }
        line(book, c.nation());
    }

    private static void line(ReportWorkbook book, ReportFigures.ProvinceLine p) {
        book.row(
                p.code(),
                p.name(),
                p.certifiedProducts(),
                p.byStar().get("3"),
                p.byStar().get("4"),
                p.byStar().get("5"),
                p.producers(),
                p.cooperatives(),
                new ReportWorkbook.Share(p.cooperativeShare()),
                p.issued());
    }

    private static void rows(
            ReportWorkbook book,
            String sheet,
            String title,
            List<String> context,
            String label,
            List<ReportModels.Row> rows,
            boolean shares) {
        book.sheet(
                sheet,
                title,
                context,
                shares ? List.of(label, "Số lượng", "Tỷ lệ (%)") : List.of(label, "Số lượng"),
                List.of(50, 14, 14));
        for (ReportModels.Row r : rows) {
            if (shares) {
                book.row(r.label(), r.count(), new ReportWorkbook.Share(r.share()));
            } else {
                book.row(r.label(), r.count());
            }
        }
    }

    private static List<String> context(Summary s) {
        return List.of(
                "Đơn vị: " + s.unit().name()
                        + ("legacy".equals(s.unit().edition()) ? " (địa giới trước 01/7/2025)" : ""),
                "Số liệu tồn tính đến ngày " + date(s.asOf()) + "; số liệu phát sinh " + period(s.period()),
                "Nguồn: Nền tảng OCOP");
    }

    private Map<SupportKind, String> kindNames() {
        Map<SupportKind, String> names = new java.util.EnumMap<>(SupportKind.class);
        for (SupportKind k : SupportKind.values()) {
            names.put(k, models.text("support.kind." + k.name(), VI));
        }
        return names;
    }

    private String kindName(String kind) {
        return models.text("plan.kind." + kind, VI);
    }

    static String period(Summary.Period p) {
        return "từ ngày " + date(p.from()) + " đến ngày " + date(p.to());
    }

    static String date(@Nullable LocalDate d) {
        return Formats.of(VI).date(d);
    }

    private static void attachment(HttpServletResponse response, Format format, String baseName) {
        response.setContentType(format.contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(baseName + "." + format.extension)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static void write(HttpServletResponse response, Format format, String name, byte[] bytes)
            throws IOException {
        attachment(response, format, name);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
