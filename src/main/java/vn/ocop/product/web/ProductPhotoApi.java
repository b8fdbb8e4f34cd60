package vn.ocop.product.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.PhotoFile;
import vn.ocop.product.PhotoView;
import vn.ocop.product.ProductPhotos;

/** Photos of a product within the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/products/{id}/photos")
@Tag(name = "Products", description = "Sản phẩm OCOP")
@SecurityRequirement(name = "bearer")
class ProductPhotoApi {

    private final ProductPhotos photos;

    ProductPhotoApi(ProductPhotos photos) {
        this.photos = photos;
    }

    @GetMapping
    @Operation(summary = "The photos of a product, oldest first")
    List<PhotoView> list(@PathVariable long id, CurrentUser actor) {
        return photos.list(id, actor);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Add a photo (multipart part `file`): JPEG or PNG by content, at most 5 MB and 8000 px per side,"
                    + " at most 10 photos per product; 400 PRO-009/011/015, 409 PRO-012/013, 413 PRO-010")
    ResponseEntity<PhotoView> upload(@PathVariable long id, @RequestPart("file") MultipartFile file, CurrentUser actor)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            PhotoView added = photos.add(
                    id, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), content, actor);
            return ResponseEntity.created(URI.create("/api/v1/products/" + id + "/photos/" + added.id()))
                    .body(added);
        }
    }

    @GetMapping("/{photoId}")
    @Operation(summary = "The photo as uploaded")
    @ApiResponse(
            responseCode = "200",
            description = "The picture, in its stored format",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<Resource> photo(
            @PathVariable long id, @PathVariable long photoId, CurrentUser actor, WebRequest request) {
        return PhotoResponses.of(photos.file(id, photoId, PhotoFile.Variant.ORIGINAL, actor), request);
    }

    @GetMapping("/{photoId}/thumbnail")
    @Operation(summary = "The photo's thumbnail (at most 320 px on the longer side, same format)")
    @ApiResponse(
            responseCode = "200",
            description = "The thumbnail, in the photo's format",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<Resource> thumbnail(
            @PathVariable long id, @PathVariable long photoId, CurrentUser actor, WebRequest request) {
        return PhotoResponses.of(photos.file(id, photoId, PhotoFile.Variant.THUMBNAIL, actor), request);
    }

    @DeleteMapping("/{photoId}")
    @Operation(summary = "Remove a photo")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long photoId, CurrentUser actor) {
        photos.remove(id, photoId, actor);
        return ResponseEntity.noContent().build();
    }
}
