package vn.ocop.product;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.storage.FileContents;

/**
 * Checks that uploaded bytes are a real JPEG or PNG and makes its thumbnail, with the JDK's ImageIO only.
 *
 * <p>The type comes from the magic bytes, never from the file name or the client's content type. The dimensions are
 * read from the header before anything is decoded, so a small file claiming a huge picture (a decompression bomb) is
 * refused without allocating it. The picture is then decoded completely (a truncated or corrupt file fails or raises a
 * decoder warning, both refused), subsampled while decoding so memory stays small whatever the size.
 */
final class PhotoImages {

    /** The accepted formats. */
    enum Format {
        JPEG("image/jpeg", "jpg", "jpeg"),
        PNG("image/png", "png", "png");

        final String contentType;
        final String extension;
        final String imageIoName;

        Format(String contentType, String extension, String imageIoName) {
            this.contentType = contentType;
            this.extension = extension;
            this.imageIoName = imageIoName;
        }
    }

    /** A checked picture: its format, its size in pixels, and its thumbnail (same format) with the thumbnail's size. */
    record Checked(Format format, int width, int height, byte[] thumbnail, int thumbnailWidth, int thumbnailHeight) {}

    private PhotoImages() {}

    /** JPEG or PNG by the first bytes; empty for anything else (a PDF too, and an empty file). */
    static Optional<Format> sniff(byte[] bytes) {
        return FileContents.sniff(bytes).flatMap(type -> switch (type) {
            case FileContents.JPEG -> Optional.of(Format.JPEG);
            case FileContents.PNG -> Optional.of(Format.PNG);
            default -> Optional.empty();
        });
    }

    /**
     * Decodes the picture completely and makes its thumbnail (at most {@code thumbnailSide} pixels on the longer side,
     * never enlarged). Throws {@code PRO-015} when a side is longer than {@code maxSide}, {@code PRO-016} when the
     * picture has more than {@code maxPixels} pixels (both read from the header, before decoding), {@code PRO-011}
     * when the bytes do not decode cleanly.
     */
    static Checked check(byte[] bytes, Format format, String fileName, int maxSide, long maxPixels, int thumbnailSide) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        // In memory: ImageIO's default stream would cache to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new OcopException(PhotoError.CORRUPT, fileName);
            }
            if (width > maxSide || height > maxSide) {
                throw new OcopException(PhotoError.DIMENSIONS, fileName, width, height, maxSide);
            }
            // A few hundred kilobytes of PNG can hold 8000×8000 blank pixels: what decoding costs is the pixels.
            if ((long) width * height > maxPixels) {
                throw new OcopException(
                        PhotoError.PIXELS, fileName, width, height, maxPixels / 1_000_000.0, (long) width * height);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            // Decode every pixel row (that is what verifies the file) but keep about 4× the thumbnail's resolution.
            int step = Math.max(1, Math.max(width, height) / (thumbnailSide * 4));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw new OcopException(PhotoError.CORRUPT, fileName);
            }
            BufferedImage thumbnail = scale(image, width, height, thumbnailSide, format == Format.PNG);
            return new Checked(
                    format, width, height, encode(thumbnail, format), thumbnail.getWidth(), thumbnail.getHeight());
        } catch (IOException | RuntimeException e) {
            if (e instanceof OcopException known) {
                throw known;
            }
            // ImageIO reports bad data as IIOException, and sometimes as runtime exceptions from the decoders.
            throw new OcopException(PhotoError.CORRUPT, fileName);
        } finally {
            reader.dispose();
        }
    }

    /** Scales down to fit {@code side}, halving step by step with bilinear filtering (good quality, no aliasing). */
    private static BufferedImage scale(BufferedImage source, int width, int height, int side, boolean keepAlpha) {
        double ratio = Math.min(1.0, (double) side / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * ratio));
        int targetHeight = Math.max(1, (int) Math.round(height * ratio));
        int type = keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = draw(source, source.getWidth(), source.getHeight(), type);
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type);
        }
        if (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
            current = draw(current, targetWidth, targetHeight, type);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, Format format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer =
                ImageIO.getImageWritersByFormatName(format.imageIoName).next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == Format.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
